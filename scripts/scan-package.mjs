// Packs the project, extracts the tarball and runs n8n's own community-package scanner on it, offline.
// Usage: node scripts/scan-package.mjs [--no-build]   (n8n runs the scanner under Node 24; so does the test)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'umail-scan-'));
try {
	if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
	)[0];
	execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);
	const result = await analyzePackage(path.join(work, 'package'));
	const files = packed.files.map((file) => file.path).sort();
	console.log(JSON.stringify({ passed: result.passed, message: result.message, details: result.details, files }));
	process.exitCode = result.passed ? 0 : 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
