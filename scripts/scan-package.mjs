// Runs n8n's community-package scanner offline, both legs as its analyzePackageByName does for a published version:
// the packed tarball (its **/*.js + package.json) and the source it was built from (package.json +
// {nodes,credentials}/**/*.{js,ts,json}, the scanner's SOURCE_FILE_PATTERNS, with the full n8n-nodes-base rulesets).
// The source leg lints the files git would put in the release commit: tracked or untracked-but-not-ignored.
// Usage: node scripts/scan-package.mjs [--no-build] [--plant-violation]   (n8n runs the scanner under Node 24; so does
// the test). --plant-violation adds a node parameter without a default to the source copy, to show that leg bites.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'umail-scan-'));

function sourceCheckout(dest) {
	const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
		cwd: root,
		encoding: 'utf8',
	})
		.split('\0')
		.filter((file) => file && fs.existsSync(path.join(root, file)));
	for (const file of files) {
		fs.mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
		fs.copyFileSync(path.join(root, file), path.join(dest, file));
	}
	if (process.argv.includes('--plant-violation')) {
		fs.mkdirSync(path.join(dest, 'nodes', 'Planted'), { recursive: true });
		fs.writeFileSync(
			path.join(dest, 'nodes', 'Planted', 'Planted.node.ts'),
			"export const properties = [{ displayName: 'Planted', name: 'planted', type: 'string' }];\n",
		);
	}
	return dest;
}

const summary = ({ passed, message, details }) => ({ passed, message, details });

try {
	if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	)[0];
	execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);
	const tarball = await analyzePackage(path.join(work, 'package'), TARBALL_FILE_PATTERNS);
	const source = await analyzePackage(sourceCheckout(path.join(work, 'source')), SOURCE_FILE_PATTERNS);
	const files = packed.files.map((file) => file.path).sort();
	console.log(JSON.stringify({ tarball: summary(tarball), source: summary(source), files }));
	process.exitCode = tarball.passed && source.passed ? 0 : 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
