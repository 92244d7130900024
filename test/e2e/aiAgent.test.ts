/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * The U-Mail node as an AI agent's tool in a real n8n (2.41.1, Node 24): n8n's AI Agent with its OpenAI Chat Model
 * node pointed at a scripted OpenAI-compatible server (test/ai/fakeModel.js), U-Mail tool nodes filled by
 * `$fromAI(...)`, against the emulator. One `n8n execute` runs the four scenarios (test/ai/agentWorkflow.ts); the
 * tests read what the fake model received and what the emulator holds.
 */
import * as fs from 'fs';
import * as path from 'path';

import { FIELDS, OPENAI_CRED, SCENARIOS, UMAIL_CRED, agentWorkflow, MAILBOX, type ScenarioName } from '../ai/agentWorkflow';
import { PROMPTS, responder, type ScriptContext } from '../ai/scripts';

import { ROOT, TIMEOUT, N8nInstance, buildError, ensureN8nSync, getRealPack, startEmulator, umailCredential, type Emulator, type ExecuteResult } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFakeModel } = require('../ai/fakeModel');

const n8n = ensureN8nSync();
const toolName = (name: string) => name.replace(/[^a-zA-Z0-9_-]+/g, '_');
/** the largest tool answer the model may get, in characters */
const MAX_TOOL_RESULT = 20_000;

(n8n ? describe : describe.skip)(`U-Mail tools of an AI Agent in n8n ${n8n?.version}`, () => {
	let emu: Emulator;
	let model: { url: string; requests: any[]; stop(): Promise<void> };
	let inst: N8nInstance;
	let res: ExecuteResult;
	let x: ScriptContext;
	const st = () => emu.control.state;
	const customer = () => emu.control.customerOf('demo');

	/** the fake model's chat requests of a scenario, in order */
	const requestsOf = (name: ScenarioName) => model.requests.filter((r) => r.path.endsWith('/chat/completions') && JSON.stringify(r.body.messages).includes(PROMPTS[name]));
	const toolMessages = (name: ScenarioName) => requestsOf(name).at(-1).body.messages.filter((m: any) => m.role === 'tool');
	const output = (name: ScenarioName) => res.items(SCENARIOS[name].agent)[0]?.output;

	// workflows/05, its credentials pointed at the emulator and the fake model
	const assistant = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', '05-ai-campaign-assistant.json'), 'utf8'));
	for (const n of assistant.nodes) {
		if (n.credentials?.umailApi) n.credentials.umailApi = UMAIL_CRED;
		if (n.credentials?.openAiApi) n.credentials.openAiApi = OPENAI_CRED;
	}

	beforeAll(async () => {
		const pack = getRealPack();
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
		emu = (await startEmulator({ now: Date.now() })) as Emulator;
		const demoTask = [...st().tasks.values()][0];
		const bigListId = emu.control.createList('Big list');
		emu.control.seedAddresses(bigListId, 10_000);
		// 9:00 tomorrow in Beijing, asked for as the same instant in UTC (01:00Z)
		const tomorrow = new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
		x = {
			day: st().taskDate(demoTask),
			templateName: 'Welcome',
			leads: [
				{ email: 'lead.one@example.com', name: 'Lead One' },
				{ email: 'lead.two@example.com', name: 'Lead Two' },
				{ email: 'lead.three@example.com', name: 'Lead Three' },
			],
			listName: 'AI leads',
			sendTime: `${tomorrow}T01:00:00Z`,
			bigListId: String(bigListId),
			existingListId: '418801',
		};
		model = await startFakeModel({ respond: responder(x) });
		inst = await N8nInstance.create({ tarballs: [pack.tarball] });
		await inst.importCredentials([
			umailCredential({ ...UMAIL_CRED, baseUrl: emu.url }),
			{ ...OPENAI_CRED, type: 'openAiApi', data: { apiKey: 'sk-fake-e2e', url: `${model.url}/v1` } },
		]);
		const prompts = { ...PROMPTS, report: `${PROMPTS.report} (${x.day})` };
		const workflow = agentWorkflow(prompts);
		await inst.importWorkflows([workflow, assistant]);
		res = await inst.execute(workflow.id);
	}, TIMEOUT.build + TIMEOUT.execute);

	afterAll(async () => {
		await inst?.cleanup();
		await model?.stop();
		await emu?.stop();
	}, TIMEOUT.execute);

	it('the run succeeds and every agent answers', () => {
		if (res.error || res.code !== 0) throw new Error(`run failed (exit ${res.code}): ${res.error}\n${res.stderr.slice(-3000)}`);
		for (const name of Object.keys(SCENARIOS) as ScenarioName[]) expect(typeof output(name)).toBe('string');
		// eslint-disable-next-line no-console
		console.log(`[e2e] AI agents: ${res.ms} ms, ${model.requests.length} model requests`);
	});

	it('the model is offered each U-Mail tool with its name, a description and the JSON schema of its $fromAI fields', () => {
		for (const [name, scenario] of Object.entries(SCENARIOS)) {
			const [first] = requestsOf(name as ScenarioName);
			expect(first.body.stream).toBeFalsy();
			const offered = first.body.tools.map((t: any) => t.function);
			expect(offered.map((t: any) => t.name).sort()).toEqual(scenario.tools.map((t) => toolName(t.name)).sort());
			for (const t of scenario.tools) {
				const fn = offered.find((o: any) => o.name === toolName(t.name));
				// n8n's automatic description is the operation's action + " in U-Mail"
				if (t.description) expect(fn.description).toBe(t.description);
				else expect(fn.description).toMatch(/^[A-Z].{10,} in U-Mail$/);
				const fields = FIELDS[t.name] ?? {};
				expect(fn.parameters.type).toBe('object');
				expect([...(fn.parameters.required ?? [])].sort()).toEqual(Object.keys(fields).sort());
				expect(Object.keys(fn.parameters.properties).sort()).toEqual(Object.keys(fields).sort());
				for (const [key, field] of Object.entries(fields)) {
					expect(fn.parameters.properties[key]).toEqual({ type: field.type, description: field.description });
				}
			}
		}
		const described = (name: string) => requestsOf('report')[0].body.tools.find((t: any) => t.function.name === name).function.description;
		expect(described('Find_send_tasks')).toBe('Get many send tasks in U-Mail');
		expect(described('Campaign_report')).toBe('Get the report of a send task in U-Mail');
	});

	it('read-only: the model finds the task by its day, reads its report and answers with the real counts', () => {
		const demoTask = [...st().tasks.values()][0];
		const [found, report] = toolMessages('report').map((m: any) => JSON.parse(m.content));
		expect(found.map((t: any) => String(t.id))).toContain(String(demoTask.id));
		expect(report).toHaveLength(1);
		expect(report[0]).toMatchObject({ id: String(demoTask.id), sent: demoTask.recipients.length });
		expect(output('report')).toBe(
			`Task ${demoTask.id}: sent ${report[0].sent}, delivered ${report[0].delivered}, unique opens ${report[0].unique_opens} (open rate ${report[0].open_rate}%).`,
		);
		expect(report[0].delivered).toBeGreaterThan(0);
	});

	it('write: a new list, its subscribers, and a send task at 9:00 Beijing time of the instant the model asked for', () => {
		const [templates, created, subscribed, scheduled] = toolMessages('write').map((m: any) => JSON.parse(m.content));
		const welcome = templates.find((t: any) => t.name === 'Welcome');
		expect(welcome).toBeDefined();
		const list = st().getList(customer(), created[0].id);
		expect(list.subject).toBe(x.listName);
		expect([...list.addrs.values()].map((a: any) => [a.email, a.fullname]).sort()).toEqual(x.leads.map((l) => [l.email, l.name]).sort());
		expect(subscribed[0]).toMatchObject({ success: true, emails: x.leads.map((l) => l.email) });

		const task = st().tasks.get(Number(scheduled[0].id));
		expect(task).toMatchObject({ sendAccount: MAILBOX, sendFullname: 'Example News' });
		expect(task.tplIds.map(String)).toEqual([String(welcome.id)]);
		expect(task.listIds.map(String)).toEqual([String(created[0].id)]);
		const beijing = `${x.sendTime.slice(0, 10)} 09:00`;
		expect(scheduled[0].sendTime).toBe(beijing);
		expect(emu.control.log.find((e: any) => e.do === 'add-task' && e.resultStatus === 'success')?.body.time).toBe(beijing);
		expect(output('write')).toBe(`Scheduled send task ${scheduled[0].id} for ${beijing} (Beijing time).`);
	});

	it('a tool error (unknown template) reaches the model as a readable message and the run goes on', () => {
		const [answer] = toolMessages('error').map((m: any) => JSON.parse(m.content));
		expect(answer).toEqual([{ error: expect.stringContaining('tpl_id_error') }]);
		// in English, naming the field, the value and what to do
		expect(answer[0].error).toMatch(/Template: no template with the ID 999999 exists in this account; list the templates/);
		expect(answer[0].error.length).toBeLessThan(600);
		expect(answer[0].error).not.toContain('demo-pass');
		expect(output('error')).toBe(`The task was not created: ${answer[0].error}`);
		expect([...st().tasks.values()].filter((t: any) => t.tplIds.map(String).includes('999999'))).toEqual([]);
	});

	it('a 10,000-address list is not dumped into the model: 100 simplified records and a note with the total', () => {
		const [message] = toolMessages('big');
		expect(message.content.length).toBeLessThan(MAX_TOOL_RESULT);
		const answer = JSON.parse(message.content);
		expect(answer).toHaveLength(101);
		expect(Object.keys(answer[0]).sort()).toEqual(['address', 'area', 'birthday', 'fullname', 'id', 'list_id', 'phone', 'sex', 'time'].filter((k) => k in answer[0]).sort());
		expect(answer[100]).toMatchObject({ truncated: true, shown: 100, total: 10_000 });
		expect(output('big')).toBe('I received 100 addresses of 10000.');
		// eslint-disable-next-line no-console
		console.log(`[e2e] big list tool answer: ${message.content.length} characters for 10,000 addresses`);
	});

	it('every tool answer the model received is bounded', () => {
		for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
			for (const m of toolMessages(name)) expect(m.content.length).toBeLessThan(MAX_TOOL_RESULT);
		}
		expect(JSON.stringify(model.requests)).not.toContain('demo-pass');
	});

	describe('the example workflows/05-ai-campaign-assistant.json, published, answers chat messages', () => {
		const chat = async (chatInput: string) => {
			const trigger = assistant.nodes.find((n: any) => n.type === '@n8n/n8n-nodes-langchain.chatTrigger');
			const post = () =>
				fetch(`${inst.running!.url}/webhook/${trigger.webhookId}/chat`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ action: 'sendMessage', sessionId: 'e2e-session', chatInput }),
				});
			let r = await post();
			// the chat webhook is registered a moment after the activation answers
			for (let tries = 0; r.status === 404 && tries < 30; tries++) {
				await new Promise((done) => setTimeout(done, 500));
				r = await post();
			}
			const text = await r.text();
			if (r.status !== 200) throw new Error(`chat: HTTP ${r.status} ${text.slice(0, 500)}\n${inst.running!.logs().slice(-4000)}`);
			return JSON.parse(text).output as string;
		};

		beforeAll(async () => {
			await inst.start();
			expect((await inst.activate(assistant.id)).active).toBe(true);
		}, TIMEOUT.start);

		it(
			'a report, a new list with subscribers, and a send task created on hold',
			async () => {
				const demoTask = [...st().tasks.values()][0];
				expect(await chat('How did the last campaign do?')).toMatch(new RegExp(`^Task ${demoTask.id} \\(sent .+\\): ${demoTask.recipients.length} sent, `));

				const made = await chat('Create a list called Spring leads with anna@example.com, ben@example.com');
				const [, listId] = /^Created the contact list "Spring leads" \(ID (\d+)\) with 2 address\(es\)\.$/.exec(made) ?? [];
				expect(listId).toBeDefined();
				expect([...st().getList(customer(), listId).addrs.keys()].sort()).toEqual(['anna@example.com', 'ben@example.com']);

				const tasks = st().tasks.size;
				const scheduled = await chat('Schedule the Welcome template to the Spring leads list tomorrow at 9:00');
				const [, taskId] = /^Send task (\d+) is created on hold: "Welcome" to "Spring leads" at \d{4}-\d{2}-\d{2} 09:00 Beijing time/.exec(scheduled) ?? [];
				expect(taskId).toBeDefined();
				expect(st().tasks.size).toBe(tasks + 1);
				// on hold: nothing is sent until a person releases it
				expect(st().tasks.get(Number(taskId))).toMatchObject({ listIds: [Number(listId)] });
				expect(st().taskStatus(st().tasks.get(Number(taskId)))).toBe(-1);
			},
			TIMEOUT.execute,
		);
	});
});
