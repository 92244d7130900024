#!/usr/bin/env node
/*
 * Writes docs/operations.md (scripts/operations-doc/generate.ts, bundled on the fly with esbuild; dependencies stay
 * in node_modules). `--check` only says whether the file is current (exit 1 when stale).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

// inside node_modules, so the bundle's require() finds the dependencies
const out = path.join(__dirname, '..', 'node_modules', '.cache', 'umail-docs', 'generate.js');
esbuild.buildSync({
	entryPoints: [path.join(__dirname, 'operations-doc', 'generate.ts')],
	outfile: out,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	packages: 'external',
	logLevel: 'error',
	// the generator finds the repository from its own folder
	define: { __dirname: JSON.stringify(path.join(__dirname, 'operations-doc')) },
});
const { render, TARGET } = require(out);
fs.rmSync(out, { force: true });
const text = render();
const current = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, 'utf8') : '';
if (process.argv.includes('--check')) {
	process.stdout.write(current === text ? 'docs/operations.md is current\n' : 'docs/operations.md is stale: npm run docs:operations\n');
	process.exit(current === text ? 0 : 1);
}
fs.mkdirSync(path.dirname(TARGET), { recursive: true });
fs.writeFileSync(TARGET, text);
process.stdout.write(`wrote ${path.relative(process.cwd(), TARGET)} (${text.split('\n').length} lines)\n`);
