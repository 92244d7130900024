#!/usr/bin/env node
// Prints the CHANGELOG.md section of one version (the GitHub release's notes). Usage: node scripts/release-notes.js 1.2.3
'use strict';
const fs = require('fs');
const path = require('path');

function sectionOf(changelog, version) {
	const lines = changelog.split('\n');
	const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
	if (start < 0) return null;
	const end = lines.findIndex((line, i) => i > start && /^## \[/.test(line));
	return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').replace(/\n\[[^\]]+\]: .*$/gm, '').trim();
}

module.exports = { sectionOf };

if (require.main === module) {
	const version = process.argv[2];
	const notes = sectionOf(fs.readFileSync(path.join(__dirname, '..', 'CHANGELOG.md'), 'utf8'), version);
	if (!notes) {
		console.error(`CHANGELOG.md has no section for ${version}`);
		process.exit(1);
	}
	console.log(notes);
}
