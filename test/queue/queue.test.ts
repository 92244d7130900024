/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * The pack in n8n queue mode (n8n 2.41.1: Redis + Postgres, one main, two workers; test/queue/harness.ts), against
 * the emulator. Asserts on the emulator's state and request log and on n8n's execution records in Postgres; which
 * worker ran an execution comes from that worker's own log ("Worker started execution N"), since n8n 2.41.1 keeps
 * no worker id in the execution record. Figures are printed at the end (docs/queue-mode.md quotes them).
 *
 * Needs redis-server and postgresql (apt); under CI=true a missing one fails the suite, elsewhere it is skipped
 * with a warning.
 */
import { TIMEOUT, buildError, ensureN8nSync, exampleWorkflows, getRealPack, startEmulator, umailCredential, type Emulator } from '../e2e/harness';
import { QueueCluster, WORKERS } from './harness';
import { prerequisites } from './services';
import { bulkAdd, CRED, exportCsv, syncMembers, unsubscribeTrigger } from './workflows';

const missing = [...prerequisites().missing, ...(ensureN8nSync() ? [] : ['n8n'])];
const CI = process.env.CI === 'true';
if (missing.length && !CI) {
	// eslint-disable-next-line no-console
	console.warn(`[queue] SKIPPING queue-mode tests: missing ${missing.join(', ')} (apt-get install -y redis-server postgresql)`);
}
const describeQueue = missing.length && !CI ? describe.skip : describe;

const MAILBOX = 'news@mail.verified-demo.example.com';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const figures: Record<string, unknown> = {};

describeQueue('the pack in n8n queue mode: main + 2 workers, Redis, Postgres', () => {
	let emu: Emulator;
	let q: QueueCluster;
	let triggerList: number;
	const t0 = Date.now();
	const st = () => emu.control.state;
	const list = (id: number) => st().getList(emu.control.customerOf('demo'), id);
	const webhook = examples();
	let triggerWf: { id: string };
	const trigger = () => triggerWf;
	const unsubscribeExports = (id: number) => emu.control.log.filter((e: any) => e.do === 'unsubscribe-export' && e.query.id === String(id)).length;
	const post = async (path: string, body: unknown) => {
		const r = await fetch(q.webhookUrl(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const text = await r.text();
		return { status: r.status, json: JSON.parse(text || 'null') };
	};
	const perWorker = (ids: string[]) => Object.fromEntries(WORKERS.map((w) => [w, ids.filter((id) => q.workerOf(id).includes(w)).length]));
	/** main put every execution on the queue and exactly one worker ran it */
	const expectOnWorkers = (ids: string[]) => {
		for (const id of ids) expect([id, q.enqueuedByMain(id), q.workerOf(id)]).toEqual([id, true, [expect.stringMatching(/^worker/)]]);
	};
	/** progress on stderr while jest holds console output back until the file ends */
	const note = (msg: string) => process.stderr.write(`[queue] ${Math.round((Date.now() - t0) / 1000)} s: ${msg}\n`);

	beforeAll(async () => {
		if (missing.length) throw new Error(`queue mode needs ${missing.join(', ')}: apt-get install -y redis-server postgresql`);
		const pack = getRealPack();
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
		// simulated time runs by itself at 10× (file imports parse in 0.5 s); dates are real ones
		emu = (await startEmulator({ now: Date.now(), clockSpeed: 10 })) as Emulator;
		triggerList = emu.control.createList('Trigger watch');
		triggerWf = unsubscribeTrigger(triggerList);
		q = await QueueCluster.start({
			tarball: pack.tarball,
			credentials: [umailCredential({ ...CRED, baseUrl: emu.url })],
			workflows: [webhook, bulkAdd, exportCsv, syncMembers, trigger()],
		});
		figures.startup = { ...q.startedMs };
		note(`cluster ready: ${JSON.stringify(q.startedMs)}`);
		for (const id of [webhook.id, bulkAdd.id, exportCsv.id, syncMembers.id, trigger().id]) await q.activate(id);
	}, TIMEOUT.install);

	afterAll(async () => {
		await q?.stop();
		await emu?.stop();
		figures.totalSeconds = Math.round((Date.now() - t0) / 1000);
		// eslint-disable-next-line no-console
		console.log(`[queue] figures\n${JSON.stringify(figures, null, 2)}`);
	}, TIMEOUT.execute);

	it('20 parallel production-webhook hits of the send-task example: 20 tasks, 20 right answers, both workers used', async () => {
		const template = [...st().templates.values()].find((t: any) => t.name === 'Welcome');
		const tasksBefore = st().tasks.size;
		const started = Date.now();
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) => post('umail-send-task', { templateId: String(template.id), contactListId: '418800', senderMailbox: MAILBOX, senderName: `Queue ${i}` })),
		);
		const ms = Date.now() - started;
		answers.forEach((a, i) => {
			expect(a.status).toBe(201);
			expect(a.json.taskId).toMatch(/^\d+$/);
			const task = st().tasks.get(Number(a.json.taskId));
			expect(task).toMatchObject({ sendFullname: `Queue ${i}`, sendAccount: MAILBOX });
			expect(task.listIds.map(String)).toEqual(['418800']);
		});
		expect(new Set(answers.map((a) => a.json.taskId)).size).toBe(20);
		expect(st().tasks.size).toBe(tasksBefore + 20);

		const runs = await q.waitForExecutions(webhook.id, 20, 60_000);
		expect(runs).toHaveLength(20);
		expect(runs.map((r) => `${r.mode} ${r.status}`)).toEqual(Array(20).fill('webhook success'));
		expectOnWorkers(runs.map((r) => r.id));
		const spread = perWorker(runs.map((r) => r.id));
		figures.webhook = { hits: 20, allAnsweredMs: ms, executionsPerWorker: spread };
		note(`webhook: ${JSON.stringify(figures.webhook)}`);
		for (const w of WORKERS) expect(spread[w]).toBeGreaterThan(0);
	}, TIMEOUT.execute);

	it('the U-Mail Trigger polls on main; a worker runs one execution for the new unsubscribes', async () => {
		const emails = ['t1@example.com', 't2@example.com', 't3@example.com'];
		for (const e of emails) st().unsubscribe(list(triggerList), e);
		const [run] = await q.waitForExecutions(trigger().id, 1, 90_000);
		expect(run).toMatchObject({ mode: 'trigger', status: 'success' });
		expectOnWorkers([run.id]);
		const { result } = await q.execution(run.id);
		expect(result.items('U-Mail Trigger').map((i) => i.email)).toEqual(emails);
		expect(result.items('Received')).toHaveLength(3);
		note(`trigger execution ${run.id} on ${q.workerOf(run.id)}`);
	}, 2 * 60_000);

	it('four CRM syncs of 10,000 contacts into four lists at once: each contact once, batches ≤ 500 or one file import, a result per item', async () => {
		const lists = [0, 1, 2, 3].map((k) => emu.control.createList(`CRM ${k}`) as number);
		// lists 0, 1 in batches of 500; lists 2, 3 above Use File Import Above (5,000) as one file each
		const runsBefore = (await q.executions(bulkAdd.id)).length;
		const started = Date.now();
		const answers = await Promise.all(lists.map((id, k) => post('umail-queue-bulk', { list: id, prefix: `crm${k}`, count: 10_000, importAbove: k < 2 ? 100_000 : 5_000 })));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
		const runs = (await q.waitForExecutions(bulkAdd.id, runsBefore + 4, 240_000)).slice(runsBefore);
		const ms = Date.now() - started;
		expect(runs.map((r) => r.status)).toEqual(['success', 'success', 'success', 'success']);
		expectOnWorkers(runs.map((r) => r.id));

		const calls: Record<string, number> = {};
		for (const [k, id] of lists.entries()) {
			const expected = Array.from({ length: 10_000 }, (_, i) => `crm${k}.${i}@example.com`);
			expect([...list(id).addrs.keys()].sort()).toEqual([...expected].sort());
			const adds = emu.control.log.filter((e: any) => e.do === 'ml-addr-add' && e.query.list_id === String(id));
			const files = emu.control.log.filter((e: any) => e.do === 'ml-addr-add-file' && e.query.list_id === String(id));
			if (k < 2) {
				const rows = adds.map((e: any) => String(e.body.ml_addr).split('\n'));
				expect(Math.max(...rows.map((r: string[]) => r.length))).toBeLessThanOrEqual(500);
				const sent = rows.flat().map((r: string) => r.split(';')[0]);
				expect(sent).toHaveLength(10_000);
				expect(sent.sort()).toEqual([...expected].sort()); // each exactly once
				expect(files).toHaveLength(0);
			} else {
				expect(adds).toHaveLength(0);
				expect(files).toHaveLength(1);
			}
			calls[`list${k}`] = adds.length + files.length;
		}
		// every input item has its result, in order, in the execution record
		for (const run of runs) {
			const { result } = await q.execution(run.id);
			const out = result.items('Add Many');
			const k = lists.indexOf(Number(out[0].contactListId));
			expect(out).toHaveLength(10_000);
			out.forEach((item, i) => {
				if (item.email !== `crm${k}.${i}@example.com`) throw new Error(`item ${i + 1} of list ${k}: ${JSON.stringify(item)}`);
			});
			expect(new Set(out.map((item) => `${item.status} ${item.importStatus ?? ''}`.trim()))).toEqual(new Set([k < 2 ? 'added' : 'added success']));
		}
		figures.crmSync = { contacts: 40_000, lists: 4, calls, durationMs: ms, executionsPerWorker: perWorker(runs.map((r) => r.id)) };
		note(`CRM sync: ${JSON.stringify(figures.crmSync)}`);
	}, 5 * 60_000);

	it('Sync Members of 10,000 contacts on the workers: two first syncs started together, then a 1 % churn sync, then a rerun with no write', async () => {
		const id = emu.control.createList('Queue sync') as number;
		const expected = (from: number, count: number) => Array.from({ length: count }, (_, i) => `qs.${from + i}@example.com`).sort();
		const syncOnce = async (body: Record<string, unknown>, runs = 1) => {
			const before = (await q.executions(syncMembers.id)).length;
			const answers = await Promise.all(Array.from({ length: runs }, async () => await post('umail-queue-sync', { list: id, prefix: 'qs', ...body })));
			expect(answers.map((a) => a.status)).toEqual(new Array(runs).fill(200));
			const done = (await q.waitForExecutions(syncMembers.id, before + runs, 240_000)).slice(before);
			expect(done.map((r) => r.status)).toEqual(new Array(runs).fill('success'));
			expectOnWorkers(done.map((r) => r.id));
			return await Promise.all(done.map(async (r) => (await q.execution(r.id)).result.items('Sync')));
		};
		const started = Date.now();
		// two first syncs of an empty list at once: both plan 10,000 adds; the list ends with each contact once
		const firsts = await syncOnce({ from: 0, count: 10_000, output: 'items' }, 2);
		expect([...list(id).addrs.keys()].sort()).toEqual(expected(0, 10_000));
		for (const out of firsts) {
			expect(out).toHaveLength(10_001);
			expect(out.slice(0, 10_000).every((item: any) => ['added', 'unchanged'].includes(item.action))).toBe(true);
		}
		const firstMs = Date.now() - started;
		emu.control.clearLog();
		// 1 % churn: 100 new contacts, 100 gone
		const churnStarted = Date.now();
		const [churn] = await syncOnce({ from: 100, count: 10_000, output: 'summary' });
		expect(churn).toHaveLength(1);
		expect(churn[0]).toMatchObject({ counts: { added: 100, unchanged: 9_900, removed: 100 }, apiCalls: { adds: 1, removals: 100 } });
		expect([...list(id).addrs.keys()].sort()).toEqual(expected(100, 10_000));
		const writes = emu.control.log.filter((e: any) => ['ml-addr-add', 'ml-addr-add-file', 'ml-addr-del'].includes(e.do));
		expect(writes).toHaveLength(101);
		const churnMs = Date.now() - churnStarted;
		emu.control.clearLog();
		const [again] = await syncOnce({ from: 100, count: 10_000, output: 'summary' });
		expect(again[0]).toMatchObject({ counts: { added: 0, unchanged: 10_000, removed: 0 } });
		expect(emu.control.log.filter((e: any) => ['ml-addr-add', 'ml-addr-add-file', 'ml-addr-del'].includes(e.do))).toHaveLength(0);
		figures.syncMembers = { contacts: 10_000, twoFirstSyncsMs: firstMs, churnSyncMs: churnMs, churnSummary: { ...churn[0], removed: churn[0].removed.length } };
		note(`Sync Members: ${JSON.stringify(figures.syncMembers)}`);
	}, 6 * 60_000);

	it('a CSV export made on a worker is read by the next node and kept in the execution data (binary data in Postgres)', async () => {
		const id = emu.control.createList('Export CSV') as number;
		const emails = Array.from({ length: 30 }, (_, i) => `gone${i}@example.com`);
		for (const e of emails) st().unsubscribe(list(id), e);
		const before = (await q.executions(exportCsv.id)).length;
		const answer = await post('umail-queue-csv', { list: id });
		expect(answer.status).toBe(200);
		expect(answer.json.map((r: any) => r.email)).toEqual(emails);
		const [run] = (await q.waitForExecutions(exportCsv.id, before + 1, 30_000)).slice(before);
		expect(run.status).toBe('success');
		expectOnWorkers([run.id]);
		const { data, result } = await q.execution(run.id);
		const file = data.resultData.runData.Export[0].data.main[0][0].binary.data;
		expect(file).toMatchObject({ mimeType: 'text/csv', fileName: `unsubscribed-${id}.csv`, id: expect.stringMatching(/^database:/) });
		expect(result.items('Read CSV').map((r) => r.email)).toEqual(emails);
		const r = await fetch(`${q.main.url}/rest/binary-data?id=${encodeURIComponent(file.id)}&action=download`, { headers: { cookie: (await q.cookie()) ?? '' } });
		expect(r.status).toBe(200);
		const csv = (await r.text()).trim().split('\n');
		expect(csv).toHaveLength(31);
		expect(csv.slice(1).map((line) => line.split(',')[1])).toEqual(emails);
		figures.binary = { rows: 30, fileSize: file.fileSize, storedIn: file.id.split(':')[0] };
	}, TIMEOUT.execute);

	it('restarting main between polls: the next poll emits exactly the unsubscribes since the last one', async () => {
		const emails = ['t4@example.com', 't5@example.com'];
		const polls = unsubscribeExports(triggerList);
		for (const e of emails) st().unsubscribe(list(triggerList), e);
		const restart = Date.now();
		await q.restartMain();
		const restartMs = Date.now() - restart;
		for (const id of [webhook.id, bulkAdd.id, exportCsv.id, trigger().id]) expect((await q.rest('GET', `/rest/workflows/${id}`)).json.data.active).toBe(true);
		const runs = await q.waitForExecutions(trigger().id, 2, 150_000);
		expect(runs).toHaveLength(2);
		expect(runs[1]).toMatchObject({ mode: 'trigger', status: 'success' });
		expectOnWorkers([runs[1].id]);
		expect((await q.execution(runs[1].id)).result.items('U-Mail Trigger').map((i) => i.email)).toEqual(emails);
		figures.restart = { mainRestartMs: restartMs, pollsBefore: polls, pollsAfter: unsubscribeExports(triggerList) };
		note(`restart: ${JSON.stringify(figures.restart)}`);
	}, 4 * 60_000);

	it('a worker SIGKILLed during a big Add Many: what n8n records and what had been sent', async () => {
		const id = emu.control.createList('Killed worker') as number;
		emu.control.faults.set({ latencyMs: 300, only: (e: any) => e.do === 'ml-addr-add' && e.query.list_id === String(id) });
		const before = (await q.executions(bulkAdd.id)).length;
		const answer = await post('umail-queue-bulk', { list: id, prefix: 'kill', count: 20_000, importAbove: 1_000_000 });
		expect(answer.status).toBe(200);
		const adds = () => emu.control.log.filter((e: any) => e.do === 'ml-addr-add' && e.query.list_id === String(id));
		for (let t = Date.now(); adds().length < 6; await sleep(50)) if (Date.now() - t > 60_000) throw new Error('Add Many did not start');
		const [run] = (await q.executions(bulkAdd.id)).slice(before);
		const [victim] = q.workerOf(run.id) as Array<(typeof WORKERS)[number]>;
		expect(WORKERS).toContain(victim);
		q.kill(victim);
		const killedAt = Date.now();
		await sleep(1000); // calls in flight at the kill land or die
		const sentAtKill = { calls: adds().length, answered: adds().filter((e: any) => e.status === 200).length, rows: list(id).addrs.size };
		// n8n notices when the job's lock expires (QUEUE_WORKER_LOCK_DURATION 15 s, stalled check every 5 s)
		let record = (await q.executions(bulkAdd.id)).slice(before)[0];
		for (; !['crashed', 'error', 'success', 'canceled'].includes(record.status) && Date.now() - killedAt < 90_000; await sleep(1000)) {
			record = (await q.executions(bulkAdd.id)).slice(before)[0];
		}
		const noticedMs = Date.now() - killedAt;
		await sleep(5000); // anything re-queued would have sent more by now
		const later = { calls: adds().length, rows: list(id).addrs.size, executions: (await q.executions(bulkAdd.id)).length - before };
		const { data } = await q.execution(run.id);
		const error = data.resultData.error?.message as string;
		figures.killedWorker = { victim, status: record.status, error, runDataNodes: Object.keys(data.resultData.runData ?? {}), noticedMs, sentAtKill, later, of: { rows: 20_000, calls: 40 } };
		note(`killed ${victim} running execution ${run.id}: ${JSON.stringify(figures.killedWorker)}`);
		// n8n fails the job for good (no retry), keeps none of the run's data; the pack had sent whole batches only
		expect(record.status).toBe('error');
		expect(error).toMatch(/failed to be processed too many times and will no longer retry/);
		expect(figures.killedWorker).toMatchObject({ runDataNodes: [] });
		expect(sentAtKill.rows).toBeGreaterThan(0);
		expect(sentAtKill.rows).toBeLessThan(20_000);
		expect(sentAtKill.rows).toBe(sentAtKill.answered * 500);
		expect(later).toEqual({ calls: sentAtKill.calls, rows: sentAtKill.rows, executions: 1 });

		// recovery: the same sync again completes the list, one row per address, a result for every item
		emu.control.faults.clear();
		expect((await post('umail-queue-bulk', { list: id, prefix: 'kill', count: 20_000, importAbove: 1_000_000 })).status).toBe(200);
		const [rerun] = (await q.waitForExecutions(bulkAdd.id, before + 2, 120_000)).slice(before + 1);
		expect(rerun.status).toBe('success');
		expect(list(id).addrs.size).toBe(20_000);
		const out = (await q.execution(rerun.id)).result.items('Add Many');
		expect(out).toHaveLength(20_000);
		// the whole batches sent before the kill come back as duplicates (U-Mail's counts say so), the rest as added
		const statuses = out.map((item) => String(item.status));
		expect(statuses.filter((status) => status === 'duplicate')).toHaveLength(sentAtKill.rows);
		expect(statuses.filter((status) => status === 'added')).toHaveLength(20_000 - sentAtKill.rows);
		figures.killedWorker = { ...(figures.killedWorker as object), rerun: { status: rerun.status, rows: list(id).addrs.size, calls: adds().length - sentAtKill.calls } };
	}, 3 * 60_000);

	it('no poll emitted anything twice: five unsubscribes, five items, over all trigger executions', async () => {
		const polls = unsubscribeExports(triggerList);
		for (let t = Date.now(); unsubscribeExports(triggerList) <= polls; await sleep(1000)) if (Date.now() - t > 75_000) throw new Error('no further poll');
		await sleep(3000);
		const runs = await q.waitForExecutions(trigger().id, 2, 30_000);
		const emitted: string[] = [];
		for (const r of runs) emitted.push(...(await q.execution(r.id)).result.items('U-Mail Trigger').map((i) => i.email));
		expect(emitted).toEqual(['t1@example.com', 't2@example.com', 't3@example.com', 't4@example.com', 't5@example.com']);
		figures.trigger = { events: 5, executions: runs.length, polls: unsubscribeExports(triggerList), executionsPerWorker: perWorker(runs.map((r) => r.id)) };
	}, 2 * 60_000);
});

/** the shipped event-triggered example, its credential pointed at the queue run's */
function examples() {
	const wf = exampleWorkflows(CRED).find((w) => w.id === 'umailExWebhook01');
	if (!wf) throw new Error('workflows/03-webhook-send-task.json is missing');
	return wf;
}
