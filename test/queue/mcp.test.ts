/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * workflows/08 (U-Mail tools behind n8n's MCP Server Trigger) in queue mode: Redis, Postgres, one main, two workers
 * (test/queue/harness.ts). docs/queue-mode.md recommends serving `/mcp*` from one instance, main, which holds the
 * MCP sessions and the open connections; this test runs that layout and shows what happens: main answers /mcp and
 * enqueues each tool call as an execution, a worker runs the U-Mail node, main hands the answer to the client.
 *
 * Needs redis-server and postgresql (apt); under CI=true a missing one fails the suite, elsewhere it is skipped.
 */
import { TIMEOUT, buildError, ensureN8nSync, getRealPack, startEmulator, umailCredential, type Emulator } from '../e2e/harness';
import { TOKEN, UMAIL_CRED, bearerCredential, connectMcp, mcpExample, rawInitialize, waitForMcp, type McpSession } from '../e2e/mcp';
import { QueueCluster, WORKERS } from './harness';
import { prerequisites } from './services';

const missing = [...prerequisites().missing, ...(ensureN8nSync() ? [] : ['n8n'])];
const CI = process.env.CI === 'true';
if (missing.length && !CI) {
	// eslint-disable-next-line no-console
	console.warn(`[queue] SKIPPING the MCP queue-mode test: missing ${missing.join(', ')} (apt-get install -y redis-server postgresql)`);
}
const describeQueue = missing.length && !CI ? describe.skip : describe;

describeQueue('U-Mail tools over MCP in n8n queue mode: main serves /mcp, workers run the tools', () => {
	let emu: Emulator;
	let q: QueueCluster;
	const example = mcpExample();
	const url = () => `${q.main.url}/mcp/umail`;
	const sessions: McpSession[] = [];
	const st = () => emu.control.state;

	beforeAll(async () => {
		if (missing.length) throw new Error(`queue mode needs ${missing.join(', ')}: apt-get install -y redis-server postgresql`);
		const pack = getRealPack();
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
		emu = (await startEmulator({ now: Date.now() })) as Emulator;
		q = await QueueCluster.start({
			tarball: pack.tarball,
			credentials: [umailCredential({ ...UMAIL_CRED, baseUrl: emu.url }), bearerCredential()],
			workflows: [example],
		});
		await q.activate(example.id);
		await waitForMcp(url());
	}, TIMEOUT.install);

	afterAll(async () => {
		for (const s of sessions) await s.close();
		await q?.stop();
		await emu?.stop();
	}, TIMEOUT.execute);

	it('main serves /mcp/umail; a worker has no /mcp', async () => {
		expect((await rawInitialize(url(), { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
		expect((await rawInitialize(url(), { Authorization: 'Bearer wrong' })).status).toBe(403);
		for (const w of WORKERS) expect((await rawInitialize(`${q.members.get(w)!.url}/mcp/umail`, { Authorization: `Bearer ${TOKEN}` })).status).toBe(404);
	});

	it.each(['streamable HTTP', 'SSE'] as const)(
		'over %s: tools/list from main, each tool call an execution main enqueues and a worker runs',
		async (transport) => {
			const mcp = await connectMcp(url(), transport, TOKEN);
			sessions.push(mcp);
			const { tools } = await mcp.client.listTools();
			expect(tools).toHaveLength(example.nodes.filter((n: any) => n.type === 'n8n-nodes-umail.umailTool').length);

			const before = (await q.executions(example.id)).length;
			const task = [...st().tasks.values()][0];
			// parallel calls, as a client may make them
			const [report, created, quota] = await Promise.all([
				mcp.call('Campaign_report', { taskId: String(task.id) }),
				mcp.call('Create_contact_list', { name: `Queue MCP ${transport}` }),
				mcp.call('Account_quota', {}),
			]);
			expect(report.json).toEqual([expect.objectContaining({ id: String(task.id), sent: task.recipients.length })]);
			expect(st().getList(emu.control.customerOf('demo'), created.json[0].id).subject).toBe(`Queue MCP ${transport}`);
			expect(quota.isError).toBe(false);
			const refused = await mcp.call('Create_send_task_on_hold', { templateId: '999999', contactListId: '418800', senderName: 'x', sendTime: '2030-01-01T09:00:00+08:00' });
			expect(refused.isError).toBe(true);
			expect(refused.text).toMatch(/Template: no template with the ID 999999 exists in this account/);

			const runs = (await q.waitForExecutions(example.id, before + 4, 60_000)).slice(before);
			const where = runs.map((r) => ({ id: r.id, mode: r.mode, status: r.status, main: q.enqueuedByMain(r.id), workers: q.workerOf(r.id) }));
			// eslint-disable-next-line no-console
			console.log(`[queue] MCP ${transport}: ${JSON.stringify(where)}`);
			expect(runs).toHaveLength(4);
			for (const r of where) expect([r.main, r.workers.length]).toEqual([true, 1]);
		},
		TIMEOUT.execute,
	);
});
