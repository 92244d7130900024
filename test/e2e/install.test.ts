/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- runs in Node, not in n8n (README: Linting) */
/**
 * The README's install route for today (no registry release yet): the packed tarball installed with npm into a fresh
 * n8n user folder's ~/.n8n/nodes, exactly as the README says (`npm install <tarball> --omit=peer`), then loaded and run
 * by real n8n. n8n's own installer omits peers as well; without --omit=peer npm would pull n8n-workflow and its tree.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
	buildError,
	ensureN8nSync,
	getRealPack,
	makeWorkflow,
	N8nInstance,
	startEmulator,
	TIMEOUT,
	umailCredential,
	type Emulator,
} from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
const n8n = ensureN8nSync();
const describeN8n = n8n ? describe : describe.skip;

/** The command the README gives, read from the README itself so the two cannot drift apart. */
function readmeInstallCommand(): string[] {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const line = readme.split('\n').find((text) => /^\s*npm install \S*n8n-nodes-umail-\S*\.tgz --omit=peer/.test(text));
	if (!line) throw new Error('README.md has no "npm install …n8n-nodes-umail-<version>.tgz --omit=peer" line');
	return line.trim().split(/\s+/).slice(1);
}

describeN8n(`install from a release tarball into n8n ${n8n?.version}`, () => {
	let inst: N8nInstance;
	let emulator: Emulator | null = null;
	let nodesDir = '';

	beforeAll(async () => {
		const pack = getRealPack();
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()?.slice(-3000)}`);
		inst = await N8nInstance.create();
		nodesDir = path.join(inst.userFolder, '.n8n', 'nodes');
		fs.mkdirSync(nodesDir, { recursive: true });
		const tarball = path.join(nodesDir, path.basename(pack.tarball));
		fs.copyFileSync(pack.tarball, tarball);
		const args = readmeInstallCommand().map((arg) => (arg.endsWith('.tgz') ? `./${path.basename(tarball)}` : arg));
		const npm = spawnSync('npm', args, { cwd: nodesDir, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
		if (npm.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${npm.stderr}`);
		emulator = await startEmulator();
		if (!emulator) throw new Error('test/emulator is missing');
	}, TIMEOUT.build + TIMEOUT.execute);

	afterAll(async () => {
		await emulator?.stop();
		await inst?.cleanup();
	}, TIMEOUT.execute);

	test('npm installs the pack alone: no peer n8n-workflow, no dependencies, dist in place', () => {
		const modules = fs.readdirSync(path.join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.'));
		expect(modules).toEqual(['n8n-nodes-umail']);
		const pkg = JSON.parse(fs.readFileSync(path.join(nodesDir, 'node_modules', 'n8n-nodes-umail', 'package.json'), 'utf8'));
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			expect(fs.existsSync(path.join(nodesDir, 'node_modules', 'n8n-nodes-umail', file))).toBe(true);
		}
		const manifest = JSON.parse(fs.readFileSync(path.join(nodesDir, 'package.json'), 'utf8'));
		expect(Object.keys(manifest.dependencies)).toEqual(['n8n-nodes-umail']);
	});

	test('n8n loads it from ~/.n8n/nodes and the U-Mail node runs against the emulator', async () => {
		await inst.importCredentials([umailCredential({ baseUrl: emulator!.url })]);
		const wf = makeWorkflow({
			nodes: [{ name: 'U-Mail', type: 'n8n-nodes-umail.umail', credentials: { umailApi: { id: 'umailcred000001', name: 'U-Mail e2e' } } }],
		});
		const res = await inst.run(wf);
		expect(res.error).toBeUndefined();
		const lists = [...emulator!.control.customerOf('demo').lists.values()].map((list: { id: unknown }) => String(list.id));
		expect(res.items('U-Mail').map((item) => item.id).sort()).toEqual(lists.sort());
	}, TIMEOUT.execute);
});
