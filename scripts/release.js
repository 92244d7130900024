#!/usr/bin/env node
// Cuts a release: CHANGELOG's "Unreleased" section becomes the new version's, package.json's version moves,
// one commit "Release vX.Y.Z" and an annotated tag vX.Y.Z. Pushing the tag (printed at the end) runs
// .github/workflows/publish.yml, which tests and publishes with provenance.
// Usage: npm run release -- <patch|minor|major|X.Y.Z>   (on main, clean work tree, lint and tests passed)
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

function nextVersion(current, bump) {
	if (/^\d+\.\d+\.\d+$/.test(bump)) return bump;
	const [major, minor, patch] = current.split('.').map(Number);
	if (bump === 'major') return `${major + 1}.0.0`;
	if (bump === 'minor') return `${major}.${minor + 1}.0`;
	if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
	throw new Error(`unknown bump "${bump}": use patch, minor, major or X.Y.Z`);
}

function moveUnreleased(changelog, version, date) {
	const heading = '## [Unreleased]';
	const at = changelog.indexOf(heading);
	if (at < 0) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
	const rest = changelog.slice(at + heading.length);
	const next = rest.search(/\n## \[/);
	const body = (next < 0 ? rest : rest.slice(0, next)).trim();
	if (!body) throw new Error('CHANGELOG.md: the Unreleased section is empty; say what changed first');
	return `${changelog.slice(0, at)}${heading}\n\n## [${version}] - ${date}\n\n${body}\n${next < 0 ? '' : rest.slice(next)}`;
}

function main() {
	const bump = process.argv[2];
	if (!bump) throw new Error('usage: npm run release -- <patch|minor|major|X.Y.Z>');
	if (git('status', '--porcelain')) throw new Error('the work tree has uncommitted changes');
	const pkgPath = path.join(root, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
	const version = nextVersion(pkg.version, bump);
	if (git('tag', '--list', `v${version}`)) throw new Error(`tag v${version} exists already`);
	const changelogPath = path.join(root, 'CHANGELOG.md');
	const date = process.env.RELEASE_DATE || new Date().toISOString().slice(0, 10);
	fs.writeFileSync(changelogPath, moveUnreleased(fs.readFileSync(changelogPath, 'utf8'), version, date));
	pkg.version = version;
	fs.writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
	const lockPath = path.join(root, 'package-lock.json');
	const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
	lock.version = version;
	if (lock.packages && lock.packages['']) lock.packages[''].version = version;
	fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
	git('add', 'CHANGELOG.md', 'package.json', 'package-lock.json');
	git('commit', '-q', '-m', `Release v${version}`);
	git('tag', '-a', `v${version}`, '-m', `v${version}`);
	console.log(`v${version} committed and tagged. Publish it: git push origin HEAD --follow-tags`);
}

module.exports = { nextVersion, moveUnreleased };

if (require.main === module) {
	try {
		main();
	} catch (error) {
		console.error(`release: ${error.message}`);
		process.exit(1);
	}
}
