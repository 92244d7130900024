// Code in test/, bench/ and scripts/ runs in Node, never in n8n, but `n8n-node lint` (strict mode: the default
// eslint.config.mjs, `eslint .`) lints it with the rules for shipped node code. Such a file names the Cloud-only rules
// it needs off in its first line (README "Linting"). This lists the files whose first line is missing a rule they break;
// --fix writes or extends that line. Rules outside NODE_ONLY are never switched off here: fix the code.
// Usage: node scripts/lint-headers.mjs [--fix]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const NODE_ONLY = [
	'@n8n/community-nodes/no-restricted-imports',
	'@n8n/community-nodes/no-restricted-globals',
	'@n8n/community-nodes/no-dangerous-functions',
	'@n8n/community-nodes/require-node-api-error',
	'@n8n/community-nodes/no-deprecated-workflow-functions',
	'no-console',
	'@typescript-eslint/no-explicit-any',
];
const HEADER = /^\/\* eslint-disable (.+?) -- runs in Node, not in n8n \(README: Linting\) \*\/\n/;

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const fix = process.argv.includes('--fix');
const results = await new ESLint({ cwd: root }).lintFiles(['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts']);
let files = 0;
for (const result of results) {
	const broken = new Set(result.messages.map((message) => message.ruleId).filter((rule) => NODE_ONLY.includes(rule)));
	if (broken.size === 0) continue;
	const source = fs.readFileSync(result.filePath, 'utf8');
	const header = HEADER.exec(source);
	const rules = NODE_ONLY.filter((rule) => broken.has(rule) || header?.[1].split(', ').includes(rule));
	const line = `/* eslint-disable ${rules.join(', ')} -- runs in Node, not in n8n (README: Linting) */\n`;
	files++;
	console.log(`${path.relative(root, result.filePath)}: ${[...broken].join(', ')}`);
	if (fix) fs.writeFileSync(result.filePath, line + (header ? source.slice(header[0].length) : source));
}
console.log(`${files} file(s) ${fix ? 'given' : 'missing'} the header line${fix ? '' : ' (npm run lint:headers -- --fix writes it)'}`);
if (files && !fix) process.exitCode = 1;
