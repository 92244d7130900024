/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * Smoke e2e: the pack, installed from its tarball like users get it, runs in a real n8n
 * (N8N_VERSION, default 2.41.1) under Node 24. Skips only if n8n cannot be installed at all.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import {
	TIMEOUT,
	N8nInstance,
	buildError,
	ensureN8nSync,
	getFixturePack,
	getRealPack,
	makeWorkflow,
	n8nEnv,
	n8nUnavailableReason,
	startEmulator,
	umailCredential,
	type Emulator,
	type Pack,
} from './harness';

const n8n = ensureN8nSync();
if (!n8n) {
	// eslint-disable-next-line no-console
	console.warn(`e2e smoke skipped: ${n8nUnavailableReason()}`);
}
const describeN8n = n8n ? describe : describe.skip;

describeN8n(`e2e smoke in n8n ${n8n?.version} (${n8n?.nodeVersion})`, () => {
	let fixture: Pack;
	let real: Pack | null = null;
	let inst: N8nInstance;
	let stub: http.Server;
	let stubUrl = '';
	const seen: Array<{ url?: string; auth?: string }> = [];

	beforeAll(async () => {
		stub = http.createServer((req, res) => {
			seen.push({ url: req.url, auth: req.headers.authorization });
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ hello: 'world', path: req.url }));
		});
		await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
		stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;

		fixture = getFixturePack();
		real = getRealPack();
		// the fixture pack gets its own user folder, so a broken work-in-progress real pack cannot take it down
		inst = await N8nInstance.create({ tarballs: [fixture.tarball] });
	}, TIMEOUT.build + TIMEOUT.execute);

	afterAll(async () => {
		await inst?.cleanup();
		stub?.closeAllConnections();
		await new Promise((r) => stub?.close(r));
	}, TIMEOUT.execute);

	it(
		'runs a community node from the packed tarball, with an imported credential, against a loopback server',
		async () => {
			await inst.importCredentials([
				{ id: 'fixturecred00001', name: 'fixture', type: 'umailFixtureApi', data: { baseUrl: stubUrl, token: 's3cret' } },
			]);
			const wf = makeWorkflow({
				nodes: [
					{
						name: 'Fixture',
						type: 'n8n-nodes-umail-fixture.umailFixture',
						parameters: { path: '/ping' },
						credentials: { umailFixtureApi: { id: 'fixturecred00001', name: 'fixture' } },
					},
				],
			});
			const res = await inst.run(wf);
			expect(res.error).toBeUndefined();
			expect(res.code).toBe(0);
			expect(res.items('Fixture')).toEqual([{ ok: true, index: 0, input: {}, response: { hello: 'world', path: '/ping' } }]);
			expect(seen).toContainEqual({ url: '/ping', auth: 'Bearer s3cret' });
		},
		TIMEOUT.execute,
	);

	it(
		'reports a failing node as an error with its message',
		async () => {
			const wf = makeWorkflow({ nodes: [{ name: 'Boom', type: 'n8n-nodes-umail-fixture.umailFixture', parameters: { fail: true } }] });
			const res = await inst.run(wf);
			expect(res.error).toContain('fixture asked to fail');
			expect(res.nodeErrors.Boom).toContain('fixture asked to fail');
		},
		TIMEOUT.execute,
	);

	it(
		'builds and packs the real n8n-nodes-umail pack, loads it and runs the U-Mail node against the emulator',
		async () => {
			// a pack that does not build fails here (no skipping)
			if (!real) throw new Error(`npm run build / npm pack failed:\n${buildError()?.slice(-3000)}`);
			const realInst = await N8nInstance.create({ tarballs: [real.tarball] });
			let emulator: Emulator | null = null;
			try {
				emulator = await startEmulator();
				if (!emulator) throw new Error('test/emulator is missing');
				await realInst.importCredentials([umailCredential({ baseUrl: emulator.url })]);
				const wf = makeWorkflow({
					nodes: [
						{
							name: 'U-Mail',
							type: 'n8n-nodes-umail.umail',
							credentials: { umailApi: { id: 'umailcred000001', name: 'U-Mail e2e' } },
						},
					],
				});
				const res = await realInst.run(wf);
				const text = `${res.error ?? ''} ${JSON.stringify(res.nodeErrors)}`;
				expect(text).not.toMatch(/Unrecognized node type|is not known|not installed|Unknown node type/i);
				expect(res.run).not.toBeNull();
				expect(Object.keys(res.runData)).toContain('U-Mail');
				// default parameters: Contact List → Get Many (Limit 50)
				expect(res.error).toBeUndefined();
				const lists = [...emulator.control.customerOf('demo').lists.values()].map((l: any) => String(l.id));
				expect(res.items('U-Mail').map((i) => i.id).sort()).toEqual(lists.sort());
				// eslint-disable-next-line no-console
				console.log(
					`[e2e] U-Mail (default parameters) → error=${res.error ?? 'none'} items=${JSON.stringify(res.runData['U-Mail']?.[0]?.data?.main?.[0]?.slice(0, 2) ?? null).slice(0, 400)}`,
				);
			} finally {
				await emulator?.stop();
				await realInst.cleanup();
			}
		},
		TIMEOUT.execute * 2,
	);

	it(
		'serves the editor: n8n start → ready, owner setup + login, node types listed, workflow activation',
		async () => {
			const wf = makeWorkflow({
				nodes: [
					{ name: 'Every hour', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, parameters: { rule: { interval: [{ field: 'hours' }] } } },
					{ name: 'Fixture', type: 'n8n-nodes-umail-fixture.umailFixture' },
				],
			});
			await inst.importWorkflows([wf]);
			const running = await inst.start();
			// eslint-disable-next-line no-console
			console.log(`[e2e] n8n start → ready in ${running.readyMs} ms at ${running.url}`);
			expect(inst.owner?.cookie).toMatch(/^n8n-auth=/);

			const me = await inst.rest('GET', '/rest/login'); // current user
			expect(me.status).toBe(200);
			expect(me.json.data.email).toBe('owner@example.com');
			// the editor login works with the owner's password
			const again = await n8nEnv.login(running.url, { email: 'owner@example.com', password: 'E2e-Passw0rd' });
			expect(again.cookie).toMatch(/^n8n-auth=/);

			const types = await inst.rest('GET', '/types/nodes.json'); // needs the auth cookie
			expect(types.status).toBe(200);
			const names = (types.json as Array<{ name: string }>).map((t) => t.name);
			expect(names).toContain('n8n-nodes-umail-fixture.umailFixture');

			const activated = await inst.activate(wf.id);
			expect(activated.active).toBe(true);
			await inst.stop();
		},
		TIMEOUT.start,
	);
});
