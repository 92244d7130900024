/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * U-Mail behind n8n's MCP Server Trigger in a real n8n (2.41.1, Node 24): workflows/08-mcp-server-tools.json,
 * published, its tools used by real MCP clients: the official SDK over streamable HTTP and over SSE, and mcp-remote
 * (the stdio bridge Claude Desktop and Cursor run). What a client is offered (tools/list), what every tool does
 * against the emulator (tools/call, the emulator's state checked after each write), a refusal of the API, a
 * 10,000-address answer, and a missing or wrong token.
 */
import { TIMEOUT, N8nInstance, buildError, ensureN8nSync, getRealPack, makeWorkflow, startEmulator, umailCredential, type Emulator } from './harness';
import { BEARER, TOKEN, TRANSPORTS, UMAIL_CRED, bearerCredential, claudeDesktopConfig, connectMcp, mcpExample, rawInitialize, toolsOf, waitForMcp, type McpSession, type McpTransport } from './mcp';

const MAX_TOOL_RESULT = 20_000;

const n8n = ensureN8nSync();

// a tool only this test publishes (path umail-e2e-big): every address of a list, as an assistant might ask
const bigList = makeWorkflow({
	id: 'umailMcpBigList1',
	name: 'MCP e2e: addresses of a list',
	nodes: [
		{ name: 'MCP Server Trigger', type: '@n8n/n8n-nodes-langchain.mcpTrigger', typeVersion: 2.1, webhookId: 'b1c2d3e4-0008-4000-8000-0000000000b1', parameters: { authentication: 'bearerAuth', path: 'umail-e2e-big' }, credentials: { httpBearerAuth: BEARER } },
		{
			name: 'List addresses',
			type: 'n8n-nodes-umail.umailTool',
			parameters: { resource: 'address', operation: 'getMany', scope: 'list', contactList: { __rl: true, mode: 'id', value: "={{ $fromAI('contactListId', `The numeric ID of the contact list`, 'string') }}" }, returnAll: true },
			credentials: { umailApi: UMAIL_CRED },
		},
	],
	connections: { 'List addresses': { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] } },
});

(n8n ? describe : describe.skip)(`U-Mail tools behind n8n ${n8n?.version}'s MCP Server Trigger, used by MCP clients`, () => {
	let emu: Emulator;
	let inst: N8nInstance;
	const example = mcpExample();
	const expected = toolsOf(example);
	const st = () => emu.control.state;
	const customer = () => emu.control.customerOf('demo');
	const url = (p = 'umail') => `${inst.running!.url}/mcp/${p}`;
	let bigListId: number;
	let day: string;

	beforeAll(async () => {
		const pack = getRealPack();
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
		emu = (await startEmulator({ now: Date.now() })) as Emulator;
		bigListId = emu.control.createList('Big list');
		emu.control.seedAddresses(bigListId, 10_000);
		day = st().taskDate([...st().tasks.values()][0]);
		inst = await N8nInstance.create({ tarballs: [pack.tarball] });
		await inst.importCredentials([umailCredential({ ...UMAIL_CRED, baseUrl: emu.url }), bearerCredential()]);
		await inst.importWorkflows([example, bigList]);
		await inst.start();
		for (const id of [example.id, bigList.id]) expect((await inst.activate(id)).active).toBe(true);
		await waitForMcp(url());
	}, TIMEOUT.build + TIMEOUT.start);

	afterAll(async () => {
		await inst?.cleanup();
		await emu?.stop();
	}, TIMEOUT.execute);

	it('a missing or wrong token is refused before any tool runs', async () => {
		const calls = emu.control.log.length;
		const none = await rawInitialize(url());
		const wrong = await rawInitialize(url(), { Authorization: 'Bearer not-the-token' });
		// n8n 2.41.1 answers 403 to both (its Webhook node's bearer check)
		expect([none.status, wrong.status]).toEqual([403, 403]);
		expect(none.text + wrong.text).not.toContain(TOKEN);
		await expect(connectMcp(url(), 'streamable HTTP', 'not-the-token')).rejects.toThrow(/403|Authorization/);
		await expect(connectMcp(url(), 'SSE')).rejects.toThrow(/403|Authorization/);
		expect(emu.control.log.length).toBe(calls);
	});

	it('the Claude Desktop config of the README runs mcp-remote through npx against the published URL', () => {
		const config = claudeDesktopConfig(url(), TOKEN);
		expect(config.command).toBe('npx');
		expect(config.args[0]).toBe(url());
		expect(Object.values(config.env)).toEqual([`Bearer ${TOKEN}`]);
	});

	describe.each(TRANSPORTS)('over %s', (transport: McpTransport) => {
		let mcp: McpSession;
		const tag = transport.replace(/\W+/g, ' ').trim();

		beforeAll(async () => {
			mcp = await connectMcp(url(), transport, TOKEN);
		}, TIMEOUT.execute);
		afterAll(async () => {
			await mcp?.close();
		});

		it('tools/list: the curated tools, with their descriptions and a JSON schema of only the $fromAI fields', async () => {
			// the trigger's Instructions, which clients may add to the model's system prompt
			expect(mcp.client.getInstructions()).toBe(example.nodes.find((n: any) => n.name === 'MCP Server Trigger').parameters.instructions);
			const { tools } = await mcp.client.listTools();
			expect(tools.map((t) => t.name).sort()).toEqual(expected.map((t: any) => t.name).sort());
			for (const want of expected) {
				const tool = tools.find((t) => t.name === want.name)!;
				expect(tool.description).toBe(want.description);
				const schema: any = tool.inputSchema;
				expect(schema.type).toBe('object');
				// nothing a model cannot fill: each property is a plain value with a description
				expect(Object.keys(schema.properties ?? {}).sort()).toEqual(want.keys.map((k: any) => k.key).sort());
				for (const k of want.keys) expect(schema.properties[k.key]).toMatchObject({ type: k.type, description: k.description });
				expect([...(schema.required ?? [])].sort()).toEqual(want.keys.filter((k: any) => !k.optional).map((k: any) => k.key).sort());
			}
			// eslint-disable-next-line no-console
			if (transport === 'streamable HTTP') console.log(`[e2e] MCP tools/list: ${JSON.stringify(tools.filter((t) => ['Find_send_tasks', 'Create_send_task_on_hold'].includes(t.name)))}`);
			// no destructive tool reaches a client
			expect(tools.map((t) => t.name).join(' ')).not.toMatch(/delete|remove|unsubscribe|empty|update|release/i);
		});

		it('the reads: send tasks (by day and with the day left out), a report, daily statistics, quota, lists, templates', async () => {
			const task = [...st().tasks.values()][0];
			const byDay = await mcp.call('Find_send_tasks', { date: day });
			expect(byDay.isError).toBe(false);
			expect(byDay.json.map((t: any) => String(t.id))).toContain(String(task.id));
			const latest = await mcp.call('Find_send_tasks', {});
			expect(latest.isError).toBe(false);
			expect(latest.json.length).toBeGreaterThan(0);

			const report = await mcp.call('Campaign_report', { taskId: String(task.id) });
			expect(report.json).toEqual([expect.objectContaining({ id: String(task.id), sent: task.recipients.length })]);

			const daily = await mcp.call('Daily_statistics', { date: day });
			expect(daily.isError).toBe(false);
			expect(daily.json).toHaveLength(1);
			const quota = await mcp.call('Account_quota', {});
			// n8n's, not the pack's: a call must carry `arguments`, even {} (the README says so)
			await expect(mcp.client.callTool({ name: 'Account_quota' })).rejects.toThrow(/Require a name and arguments/);
			expect(quota.isError).toBe(false);
			expect(quota.json).toHaveLength(1);

			const lists = await mcp.call('Find_contact_lists', {});
			expect(lists.json.map((l: any) => String(l.id))).toContain(String(bigListId));
			const templates = await mcp.call('Find_templates', {});
			expect(templates.json.map((t: any) => t.name)).toContain('Welcome');
		});

		it('the writes: a list, its subscribers, a send task on hold; the emulator holds each', async () => {
			const created = await mcp.call('Create_contact_list', { name: `MCP leads ${tag}` });
			expect(created.isError).toBe(false);
			const listId = created.json[0].id;
			expect(st().getList(customer(), listId).subject).toBe(`MCP leads ${tag}`);

			const added = await mcp.call('Add_subscribers', { contactListId: String(listId), subscribers: 'ann@example.com, Ann\nbob@example.com' });
			expect(added.isError).toBe(false);
			const addrs = st().getList(customer(), listId).addrs;
			expect([...addrs.keys()].sort()).toEqual(['ann@example.com', 'bob@example.com']);
			expect(addrs.get('ann@example.com').fullname).toBe('Ann');

			const welcome = [...st().templates.values()].find((t: any) => t.name === 'Welcome');
			const tasks = st().tasks.size;
			const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
			const held = await mcp.call('Create_send_task_on_hold', { templateId: String(welcome.id), contactListId: String(listId), senderName: 'Example News', sendTime: `${tomorrow}T09:00:00+08:00` });
			expect(held.isError).toBe(false);
			expect(st().tasks.size).toBe(tasks + 1);
			const task = st().tasks.get(Number(held.json[0].id));
			expect(task.listIds.map(String)).toEqual([String(listId)]);
			expect(task.tplIds.map(String)).toEqual([String(welcome.id)]);
			// on hold: nothing is sent until a person releases it
			expect(st().taskStatus(task)).toBe(-1);
			expect(held.json[0].sendTime).toBe(`${tomorrow} 09:00`);
		});

		it("a refusal of the API reaches the client as a tool error with the pack's readable message", async () => {
			const tasks = st().tasks.size;
			const refused = await mcp.call('Create_send_task_on_hold', { templateId: '999999', contactListId: String(bigListId), senderName: 'Example News', sendTime: '2030-01-01T09:00:00+08:00' });
			expect(refused.isError).toBe(true);
			expect(refused.text).toMatch(/Template: no template with the ID 999999 exists in this account; list the templates/);
			expect(refused.text).toContain('tpl_id_error');
			// the hint once: n8n adds the error's description after its message
			expect(refused.text.split('no template with the ID 999999').length).toBe(2);
			expect(refused.text.length).toBeLessThan(1500);
			expect(refused.text).not.toMatch(/demo-pass|Authorization|Bearer/);
			// eslint-disable-next-line no-console
			if (transport === 'streamable HTTP') console.log(`[e2e] MCP refusal as the client gets it: ${refused.text}`);
			expect(st().tasks.size).toBe(tasks);

			// input the node can check itself is refused before any request, naming the field
			const calls = emu.control.log.length;
			const bad = await mcp.call('Daily_statistics', { date: 'yesterday' });
			expect(bad.isError).toBe(true);
			expect(bad.text).toMatch(/"Date" must be a date as YYYY-MM-DD, got "yesterday"/);
			expect(emu.control.log.length).toBe(calls);
		});

		it('a 10,000-address answer is capped as under the AI Agent: 100 records and the note', async () => {
			const big = await connectMcp(url('umail-e2e-big'), transport, TOKEN);
			try {
				const answer = await big.call('List_addresses', { contactListId: String(bigListId) });
				expect(answer.isError).toBe(false);
				expect(answer.text.length).toBeLessThan(MAX_TOOL_RESULT);
				expect(answer.json).toHaveLength(101);
				expect(answer.json[100]).toMatchObject({ truncated: true, shown: 100, total: 10_000, note: expect.stringMatching(/^Only the first 100 of 10000 records/) });
				// eslint-disable-next-line no-console
				console.log(`[e2e] MCP ${transport}: 10,000 addresses → ${answer.text.length} characters`);
			} finally {
				await big.close();
			}
		});
	});

	it('the token is in no execution n8n recorded', async () => {
		const listed = await inst.rest('GET', `/rest/executions?limit=100&filter=${encodeURIComponent(JSON.stringify({ workflowId: example.id }))}`);
		if (listed.status !== 200) throw new Error(`executions: HTTP ${listed.status} ${listed.text.slice(0, 300)}`);
		const runs: Array<{ id: string }> = listed.json.data.results ?? listed.json.data;
		// one execution per tool call: 11 a transport on this workflow
		expect(runs.length).toBeGreaterThanOrEqual(3 * 11);
		for (const r of runs) expect(JSON.stringify((await inst.execution(r.id)).data)).not.toContain(TOKEN);
	}, TIMEOUT.execute);
});
