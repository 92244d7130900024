/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- runs in Node, not in n8n (README: Linting) */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureNode24 } = require('../../scripts/n8n-env.js') as {
	ensureNode24(): Promise<{ node: string }>;
};

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function distFiles(dir = path.join(ROOT, 'dist')): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? distFiles(full) : [full];
	});
}

describe('the published package', () => {
	type Leg = { passed: boolean; message?: string; details?: string };
	let scan: { tarball: Leg; source: Leg; files: string[] };
	let planted: { tarball: Leg; source: Leg };

	beforeAll(async () => {
		execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
		// n8n runs its community-package scanner under Node 24; so does this test
		const { node } = await ensureNode24();
		const scanWith = (...flags: string[]) => {
			// eslint-plugin-n8n-nodes-base switches its filename rules to its own test mode under NODE_ENV=test (jest's)
			const env = { ...process.env, NODE_ENV: undefined };
			const run = spawnSync(node, ['scripts/scan-package.mjs', '--no-build', ...flags], { cwd: ROOT, encoding: 'utf8', env });
			return JSON.parse(run.stdout.trim().split('\n').pop() as string);
		};
		scan = scanWith();
		planted = scanWith('--plant-violation');
	}, 10 * 60_000);

	test('has no runtime dependencies and only n8n-workflow as peer', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});

	test('packs dist, README, LICENSE and package.json only', () => {
		const tops = new Set(scan.files.map((file) => file.split('/')[0]));
		expect([...tops].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(scan.files).toContain(entry);
	});

	test('dist requires nothing but n8n-workflow and Node built-ins', () => {
		const builtins = new Set(builtinModules);
		for (const file of distFiles().filter((name) => name.endsWith('.js'))) {
			const source = fs.readFileSync(file, 'utf8');
			const required = [...source.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
			const foreign = required.filter((name) => name !== 'n8n-workflow' && !builtins.has(name.replace(/^node:/, '')));
			expect({ file: path.relative(ROOT, file), foreign }).toEqual({ file: path.relative(ROOT, file), foreign: [] });
			expect(required).not.toContain('fast-xml-parser');
		}
	});

	test("passes n8n's community-package scanner on the tarball (**/*.js + package.json)", () => {
		expect(scan.tarball.details ?? '').toBe('');
		expect(scan.tarball.passed).toBe(true);
	});

	test("passes n8n's community-package scanner on the source (SOURCE_FILE_PATTERNS, n8n-nodes-base rulesets)", () => {
		expect(scan.source.details ?? '').toBe('');
		expect(scan.source.passed).toBe(true);
	});

	test('the source leg really lints node sources: a parameter without a default fails it', () => {
		expect(planted.tarball.passed).toBe(true);
		expect(planted.source.passed).toBe(false);
		expect(planted.source.details).toContain('nodes/Planted/Planted.node.ts');
		expect(planted.source.details).toContain('n8n-nodes-base/node-param-default-missing');
	});

	test('npm pack builds dist itself (prepack), so a fresh clone packs a working package', () => {
		expect(pkg.scripts.prepack).toMatch(/npm run build/);
		expect(pkg.scripts.prepare).toBeUndefined();
		expect(pkg.scripts.postinstall).toBeUndefined();
	});
});
