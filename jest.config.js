/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.js'],
	testTimeout: 30000,
	// queue mode (Redis + Postgres + 3 n8n processes) runs on its own: npm run test:queue
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/queue/'],
};
