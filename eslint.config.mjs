// The project's lint is n8n's verification scan: the scanner's own flat config (community-nodes recommended,
// eslint-plugin-n8n-nodes-base's community/credentials/nodes rulesets, no-console), so every error n8n's
// verification would raise shows up here first. typescript-eslint's recommended rules come on top for the sources.
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';
import tseslint from 'typescript-eslint';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', 'gulpfile.js', 'jest.config.js'] },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['nodes/**/*.ts', 'credentials/**/*.ts'] })),
	...(await buildScanConfig()),
];
