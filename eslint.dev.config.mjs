// Lint for the code that runs in Node and never inside n8n: test/, bench/, scripts/. `npm run lint` runs it beside
// `n8n-node lint`, whose strict mode requires eslint.config.mjs to stay n8n's default (rules for shipped node code:
// no Node built-ins, no timers, no console). Node built-ins are allowed here; see README "Linting".
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	// bundles `npm run bench` writes (git-ignored)
	{ ignores: ['bench/.build/**'] },
	{
		files: ['**/*.{js,mjs,cjs,ts}'],
		extends: [js.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		// an empty catch: best-effort cleanup (kill, rm, close) may fail quietly; `_name`: unused on purpose
		rules: {
			'no-empty': ['error', { allowEmptyCatch: true }],
			'no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
		},
		// loaded, none switched on: files name their rules in disable comments for `n8n-node lint`, which has them on
		plugins: { '@n8n/community-nodes': n8nCommunityNodesPlugin, 'import-x': importX },
		linterOptions: { reportUnusedDisableDirectives: 'off' },
	},
	{ files: ['**/*.{js,cjs}'], languageOptions: { sourceType: 'commonjs' } },
	// page.evaluate() callbacks run in the browser
	{ files: ['scripts/screenshots.js'], languageOptions: { globals: globals.browser } },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
		},
	},
);
