/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * The example workflows (workflows/) and the U-Mail nodes in a real n8n (2.41.1, Node 24), installed from the
 * packed tarball, against the emulator. One user folder for the whole file: `n8n execute` runs first (n8n is not
 * running then), then one `n8n start` serves the webhook and polls the trigger.
 *
 * The emulator's clock only moves when told: while n8n runs a workflow that waits for a template check or a send,
 * runClock() lets it run by itself, faster than real time.
 */
import {
	TIMEOUT,
	N8nInstance,
	buildError,
	ensureN8nSync,
	exampleWorkflows,
	getRealPack,
	makeWorkflow,
	ok,
	runClock,
	startEmulator,
	umailCredential,
	type Emulator,
	type ExecuteResult,
	type WorkflowNode,
} from './harness';
import { RESOURCES, byId, resourceTour, umailNode } from './resources';

const n8n = ensureN8nSync();
const describeN8n = n8n ? describe : describe.skip;

const CRED = { id: 'umailcred000001', name: 'U-Mail e2e' };
const BAD_CRED = { id: 'umailBadCred0001', name: 'U-Mail wrong password' };
const MAILBOX = 'news@mail.verified-demo.example.com';

const umail = (name: string, parameters: Record<string, unknown>, more: Partial<WorkflowNode> = {}) => umailNode(CRED, name, parameters, more);

describeN8n(`example workflows in n8n ${n8n?.version}`, () => {
	let emu: Emulator;
	let inst: N8nInstance;
	const examples = exampleWorkflows(CRED);
	const st = () => emu.control.state;
	const customer = () => emu.control.customerOf('demo');
	const list = (id: string | number) => st().getList(customer(), id);
	const emails = (id: string | number) => [...list(id).addrs.values()].map((a: any) => a.email);

	beforeAll(async () => {
		const pack = getRealPack();
		// no pack, no test: a build failure must fail this suite
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
		// the trigger and the webhook's send time use the real date: start the simulated clock at real time
		emu = (await startEmulator({ now: Date.now() })) as Emulator;
		inst = await N8nInstance.create({ tarballs: [pack.tarball] });
		await inst.importCredentials([
			umailCredential({ ...CRED, baseUrl: emu.url }),
			umailCredential({ ...BAD_CRED, baseUrl: emu.url, password: 'not-the-password' }),
		]);
		await inst.importWorkflows(examples);
	}, TIMEOUT.build + TIMEOUT.execute);

	afterAll(async () => {
		await inst?.cleanup();
		await emu?.stop();
	}, TIMEOUT.execute);

	it(
		'campaign pipeline: list → addresses → template → check passed → send task → completed → report',
		async () => {
			const stopClock = runClock(emu, { speed: 600 });
			let res: ExecuteResult;
			try {
				res = ok(await inst.execute('umailExCampaign1'));
			} finally {
				stopClock();
			}
			const [created] = res.items('Create list');
			expect(created.id).toMatch(/^\d+$/);
			const settings = res.items('Campaign settings')[0];
			expect(list(created.id).subject).toBe(settings.listName);

			const added = res.items('Add recipients');
			expect(added.map((i) => i.status)).toEqual(settings.recipients.map(() => 'added'));
			expect(emails(created.id).sort()).toEqual(settings.recipients.map((r: any) => r.email).sort());

			const [template] = res.items('Create template');
			expect(st().templates.get(Number(template.id))?.name).toBe(settings.listName);
			const [check] = res.items('Wait for content check');
			expect(check).toMatchObject({ checked: true, usable: true });

			const [task] = res.items('Create send task');
			const emuTask = st().tasks.get(Number(task.id));
			expect(emuTask).toBeDefined();
			expect(emuTask.tplIds.map(String)).toEqual([template.id]);
			expect(emuTask.listIds.map(String)).toEqual([created.id]);
			expect(emuTask.sendAccount).toBe(MAILBOX);

			// the loop ended on a completed task
			const statuses = res.runData['Get task status'].map((r: any) => r.data.main[0][0].json.send_status);
			expect(statuses.at(-1)).toBe('3');

			const [report] = res.items('Get task report');
			const failures = emuTask.recipients.filter((_: unknown, i: number) => st().failType(emuTask, i) !== 0).length;
			expect(failures).toBeGreaterThanOrEqual(1); // nobody.bounce@…
			expect(report).toMatchObject({ id: task.id, ident: emuTask.sn, send_status: '3', sent: 6, failed: failures, delivered: 6 - failures });
			expect(report.links.map((l: any) => l.url)).toEqual(['https://www.example.com/news']);
			// eslint-disable-next-line no-console
			console.log(`[e2e] campaign: ${res.ms} ms, ${statuses.length} status check(s), report ${JSON.stringify(report).slice(0, 300)}`);
		},
		TIMEOUT.execute,
	);

	it(
		'CRM-to-list sync: the dry run stops at the removal guard; with a raised limit the mirror sync writes only the changes',
		async () => {
			const before = emails(418801).sort();
			expect(list(418801).subject).toBe('VIP 客户');
			const res = ok(await inst.execute('umailExCrmSync01'));
			expect(res.items('Parse CSV')).toHaveLength(14);
			// the CRM export leaves out vip2@example.org: 1 of 5 members (20 %) is more than the default 10 %
			const [plan] = res.items('Plan (dry run)');
			expect(plan).toMatchObject({ action: 'summary', dryRun: true, counts: { added: 8, unchanged: 4, skipped: 1, rejected: 1, removed: 1 }, removed: ['vip2@example.org'] });
			expect(plan.guard).toMatch(/Mirror would remove 1 of the 5 members .* raise Options → Max Removal \(%\) to at least 20/);
			expect(res.items('Review the plan')).toHaveLength(1);
			expect(res.runData['Sync list (mirror)']).toBeUndefined();
			expect(emails(418801).sort()).toEqual(before);

			// the same workflow with Max Removal 25 %: the real sync runs
			const workflow = structuredClone(examples.find((w) => w.id === 'umailExCrmSync01'));
			workflow.id = 'umailExCrmSync02';
			for (const node of workflow.nodes) if (node.parameters.operation === 'syncMembers') node.parameters.options = { maxRemovalPercent: 25 };
			const applied = ok(await inst.run(workflow));
			const results = applied.items('Sync list (mirror)');
			const actions = results.slice(0, 14).map((r) => r.action);
			expect(actions.filter((a) => a === 'added')).toHaveLength(8);
			expect(results.find((r) => r.action === 'removed')).toMatchObject({ email: 'vip2@example.org' });
			expect(results.find((r) => r.email === 'not-an-email')).toMatchObject({ action: 'rejected', reason: 'invalid' });
			expect(results.find((r) => r.email === 'Li.Na@Example.com')).toMatchObject({ action: 'skipped', reason: 'duplicateInInput', duplicateOf: 1 });
			const byAction = Object.fromEntries(applied.items('Summary by action').map((s) => [s.action, s.count_email]));
			expect(byAction).toMatchObject({ added: 8, unchanged: 4, skipped: 1, rejected: 1, removed: 1 });
			const crm = res.items('To contact columns').filter((c) => c.email !== 'not-an-email' && c.email !== 'Li.Na@Example.com');
			expect(emails(418801).map((e) => e.toLowerCase()).sort()).toEqual(crm.map((c) => String(c.email).toLowerCase()).sort());
			const li = list(418801).addrs.get('li.na@example.com');
			expect(li).toMatchObject({ fullname: '李娜', phone: '13800000001', area: 'Shenzhen' });
			expect(li.vars[0]).toBe('C-1001');

			// run again: nothing to write
			const again = ok(await inst.run({ ...workflow, id: 'umailExCrmSync03' }));
			const [summary] = again.items('Sync list (mirror)').filter((r) => r.action === 'summary');
			expect(summary).toMatchObject({ counts: { added: 0, removed: 0, unchanged: 12 }, apiCalls: { adds: 0, removals: 0 } });
			// eslint-disable-next-line no-console
			console.log(`[e2e] CRM sync: dry run ${res.ms} ms, sync ${applied.ms} ms, rerun ${again.ms} ms; ${JSON.stringify(summary)}`);
		},
		TIMEOUT.execute,
	);

	it(
		'one workflow touches every resource: account, address, contactList, domain, mailbox, statistics, subscription, task, template, tracking, trackingDomain',
		async () => {
			const tour = resourceTour(emu, CRED);
			const res = ok(await inst.run(makeWorkflow({ nodes: tour.map((c) => c.node) })));
			for (const c of tour) c.check(res.items(c.node.name));
			// every resource of the node was used
			expect(tour.map((c) => c.resource).sort()).toEqual([...RESOURCES].sort());
		},
		TIMEOUT.execute,
	);

	const badCredential = makeWorkflow({
		name: 'e2e bad credential',
		nodes: [umail('Account', { resource: 'account', operation: 'getInfo' }, { credentials: { umailApi: BAD_CRED }, alwaysOutputData: false })],
	});
	const apiError = makeWorkflow({
		name: 'e2e API error',
		nodes: [umail('Contact list', { resource: 'contactList', operation: 'get', contactList: byId(999999) }, { alwaysOutputData: false })],
	});

	it(
		'a wrong password and an API error fail the execution with the node’s message',
		async () => {
			await inst.importWorkflows([badCredential, apiError]);
			const bad = await inst.execute(badCredential.id);
			expect(bad.code).not.toBe(0);
			expect(bad.nodeErrors.Account).toBeDefined();
			expect(bad.error).toBe(bad.nodeErrors.Account);
			// eslint-disable-next-line no-console
			console.log(`[e2e] bad credential → ${bad.error}; API error → …`);
			expect(bad.error).toMatch(/password|credential|authori[sz]/i);
			expect(bad.stdout + bad.stderr).not.toContain('not-the-password');

			const api = await inst.execute(apiError.id);
			expect(api.code).not.toBe(0);
			expect(api.nodeErrors['Contact list']).toBeDefined();
			expect(api.error).toBe(api.nodeErrors['Contact list']);
			// eslint-disable-next-line no-console
			console.log(`[e2e] API error → ${api.error}`);
			expect(api.error).toMatch(/not_exist/);
		},
		TIMEOUT.execute,
	);

	describe('in a running n8n (n8n start)', () => {
		const pollsOf = () =>
			emu.control.log.filter((e: any) => e.file === 'task' && e.do === 'list-task' && e.query.state === '3' && e.user === 'demo').length;
		const waitFor = async <T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> => {
			const t0 = Date.now();
			for (;;) {
				const v = await fn();
				if (v !== undefined && v !== null && v !== false) return v as T;
				if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
				await new Promise((r) => setTimeout(r, 1000));
			}
		};
		let hygieneList: number;
		let taskId: string;
		let activatedAt: number;

		beforeAll(async () => {
			await inst.start();
		}, TIMEOUT.start);

		it(
			'the failed CLI executions are listed as failed, with the node’s message',
			async () => {
				for (const wf of [badCredential, apiError]) {
					const [e] = await inst.executions(wf.id);
					expect(e).toMatchObject({ workflowId: wf.id, status: 'error' });
					const full = await inst.execution(e.id);
					const node = wf.nodes[1].name;
					expect(full.result.nodeErrors[node]).toMatch(wf === apiError ? /not_exist/ : /password|credential|authori[sz]/i);
				}
			},
			TIMEOUT.execute,
		);

		it(
			'activates the webhook and the trigger workflows (the trigger’s first poll only remembers completed tasks)',
			async () => {
				const before = pollsOf();
				expect((await inst.activate('umailExWebhook01')).active).toBe(true);
				expect((await inst.activate('umailExHygiene01')).active).toBe(true);
				activatedAt = Date.now();
				// the first poll runs on activation
				await waitFor('the first poll', () => pollsOf() > before || undefined, 20_000);
				expect(pollsOf()).toBe(before + 1);
				expect(await inst.executions('umailExHygiene01')).toHaveLength(0);
			},
			TIMEOUT.execute,
		);

		it(
			'webhook: a real HTTP POST creates a send task and answers its id; a refused task answers 422 with the reason',
			async () => {
				hygieneList = emu.control.createList('Hygiene e2e');
				st().addRows(list(hygieneList), [
					{ address: 'keep.deliverok1@example.com', fullname: 'Keep 1' },
					{ address: 'gone.bounce1@example.com', fullname: 'Gone 1' },
					{ address: 'keep.deliverok2@example.com', fullname: 'Keep 2' },
					{ address: 'gone.notexist2@example.com', fullname: 'Gone 2' },
					{ address: 'keep.open3@example.com', fullname: 'Keep 3' },
				]);
				const template = [...st().templates.values()].find((t: any) => t.name === 'Welcome');
				const url = `${inst.running!.url}/webhook/umail-send-task`;
				const post = async (body: unknown) => {
					const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
					return { status: r.status, json: (await r.json()) as any };
				};

				const good = await post({ templateId: String(template.id), contactListId: String(hygieneList), senderMailbox: MAILBOX, senderName: 'Hygiene' });
				expect(good.status).toBe(201);
				expect(good.json.taskId).toMatch(/^\d+$/);
				taskId = good.json.taskId;
				const task = st().tasks.get(Number(taskId));
				expect(task).toMatchObject({ sendAccount: MAILBOX, sendFullname: 'Hygiene' });
				expect(task.listIds.map(String)).toEqual([String(hygieneList)]);
				expect(task.tplIds.map(String)).toEqual([String(template.id)]);
				expect(good.json.sendTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

				const tasksBefore = st().tasks.size;
				const bad = await post({ templateId: '999999', contactListId: String(hygieneList), senderMailbox: MAILBOX });
				expect(bad.status).toBe(422);
				expect(bad.json.error).toMatch(/tpl_id_error/);
				expect(st().tasks.size).toBe(tasksBefore);

				// n8n answers from Respond to Webhook before the execution is saved as finished
				const runs = await waitFor('both webhook executions to finish', async () => {
					const e = await inst.executions('umailExWebhook01');
					return e.length === 2 && e.every((x: any) => x.status !== 'running' && x.status !== 'new') ? e : undefined;
				}, 20_000);
				expect(runs.map((e: any) => e.status)).toEqual(['success', 'success']);
			},
			TIMEOUT.execute,
		);

		it(
			'trigger: a task completion starts the hygiene workflow exactly once, which unsubscribes the task’s hard bounces',
			async () => {
				const polls = pollsOf();
				emu.control.completeTask(taskId);
				// n8n polls at most once a minute
				const [run] = await waitFor('the hygiene execution', async () => {
					const e = await inst.executions('umailExHygiene01');
					return e.length && e[0].status !== 'running' && e[0].status !== 'new' ? e : undefined;
				}, 150_000);
				expect(run.status).toBe('success');
				expect(pollsOf()).toBe(polls + 1);

				const { result } = await inst.execution(run.id);
				const [fired] = result.items('U-Mail Trigger');
				expect(result.items('U-Mail Trigger')).toHaveLength(1);
				expect(fired).toMatchObject({ id: taskId, send_status: '3', list_id: String(hygieneList) });
				const bounces = ['gone.bounce1@example.com', 'gone.notexist2@example.com'];
				expect(result.items('Export hard bounces').map((i) => i.email).sort()).toEqual(bounces);
				expect(result.items('Unsubscribe from list')).toEqual([expect.objectContaining({ contactListId: String(hygieneList), emails: bounces })]);
				expect(emails(hygieneList).sort()).toEqual(['keep.deliverok1@example.com', 'keep.deliverok2@example.com', 'keep.open3@example.com']);
				expect(list(hygieneList).unsub.map((u: any) => u.email).sort()).toEqual(bounces);

				// more polls, no second execution
				const after = pollsOf();
				await waitFor('one more poll', () => pollsOf() >= after + 1 || undefined, 75_000);
				await new Promise((r) => setTimeout(r, 3000));
				expect(await inst.executions('umailExHygiene01')).toHaveLength(1);
				// eslint-disable-next-line no-console
				console.log(`[e2e] trigger fired ${Math.round((Date.now() - activatedAt) / 1000)} s after activation; ${pollsOf()} polls in all`);
			},
			4 * 60_000,
		);

		it(
			'webhook: the same event POSTed again (same x-event-id) answers the first task, and U-Mail has one task',
			async () => {
				const template = [...st().templates.values()].find((t: any) => t.name === 'Welcome');
				// a month ahead: the task does not complete (and fire the hygiene trigger) during the run
				const sendTime = new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10) + ' 09:00';
				const body = JSON.stringify({ templateId: String(template.id), contactListId: String(hygieneList), senderMailbox: MAILBOX, senderName: 'Repeated', sendTime });
				const post = async () => {
					const r = await fetch(`${inst.running!.url}/webhook/umail-send-task`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-event-id': 'e2e-evt-1' }, body });
					return { status: r.status, json: (await r.json()) as any };
				};
				const first = await post();
				const again = await post();
				expect(first).toMatchObject({ status: 201, json: { taskId: expect.stringMatching(/^\d+$/), duplicate: false } });
				expect(again).toMatchObject({ status: 201, json: { taskId: first.json.taskId, duplicate: true } });
				expect([...st().tasks.values()].filter((t: any) => t.sendFullname === 'Repeated' && !t.deleted)).toHaveLength(1);
			},
			TIMEOUT.execute,
		);
	});
});
