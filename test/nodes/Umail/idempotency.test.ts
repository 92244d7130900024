/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * Task → Create with an Idempotency Key, against the emulator over HTTP: each rule of the README's "Exactly once"
 * section, with the emulator's faults for a refused create (`refuse`) and a lost answer (`reset` after the call).
 * Each run gets its own node static data unless a test shares it, as two workers or two executions would.
 */
import type { IDataObject } from 'n8n-workflow';

import { byId, json, runUmail, useEmulator } from './setup';

const SENDER = 'news@mail.verified-demo.example.com';

describe('Task → Create with an Idempotency Key', () => {
	const env = useEmulator({ demoData: true });
	const ids = { template: '', contactList: '' };
	let n = 0;

	beforeAll(async () => {
		const templates = json(await runUmail(env, { resource: 'template', operation: 'getMany', returnAll: true }));
		ids.template = String(templates.find((t) => t.name === '十一月新闻通讯')?.id);
		const lists = json(await runUmail(env, { resource: 'contactList', operation: 'getMany', returnAll: true }));
		ids.contactList = String(lists.find((l) => l.subject === 'Newsletter 订阅用户')?.id);
	});
	beforeEach(() => {
		env.control.faults.clear();
		env.control.clearLog();
		env.control.resetRateLimit();
		n++;
	});

	/** a campaign of its own per test: send times a day apart, in the future */
	const params = (extra: IDataObject = {}) => ({
		resource: 'task',
		operation: 'create',
		template: byId(ids.template),
		contactList: byId(ids.contactList),
		sender: 'mailbox',
		mailbox: byId(SENDER),
		senderName: `Event ${n}`,
		sendTime: `2027-01-${String(n).padStart(2, '0')} 09:00`,
		idempotencyKey: `evt-${n}`,
		...extra,
	});
	const calls = (name: string) => env.control.log.filter((e: any) => e.do === name).length;
	const tasksNamed = (name: string) => [...env.control.state.tasks.values()].filter((t: any) => t.sendFullname === name && !t.deleted);
	const create = async (extra: IDataObject = {}, staticData: IDataObject = {}) => json(await runUmail(env, params(extra), { staticData }))[0];

	test('the same key again makes no second task: the first ID, duplicate, and when it was made', async () => {
		const memory = {};
		const first = await create({}, memory);
		const again = await create({}, memory);
		expect(first).toMatchObject({ id: expect.stringMatching(/^\d+$/), duplicate: false, createdAt: expect.any(String) });
		// U-Mail's Chinese message (and its English summary) belongs to the first answer; a repeat says in English what it is
		const firstFields = { ...first };
		delete firstFields.summary;
		expect(again).toEqual({ ...firstFields, duplicate: true, message: expect.stringContaining('same key') });
		expect(calls('add-task')).toBe(1);
		expect(tasksNamed(`Event ${n}`)).toHaveLength(1);
		// made held, then started as asked: it waits for its send time (status 1), as without a key
		expect(env.control.state.taskStatus(tasksNamed(`Event ${n}`)[0])).toBe(1);
	});

	test('another worker (no shared memory) finds the task in U-Mail: same ID, createdAt unknown', async () => {
		const first = await create();
		const again = await create();
		expect(again).toMatchObject({ id: first.id, duplicate: true, createdAt: null });
		expect(tasksNamed(`Event ${n}`)).toHaveLength(1);
	});

	test('two items of one run with the same key make one task', async () => {
		const out = json(await runUmail(env, params(), { items: [{ json: {} }, { json: {} }] }));
		expect(out.map((o) => [o.id, o.duplicate])).toEqual([
			[out[0].id, false],
			[out[0].id, true],
		]);
		expect(calls('add-task')).toBe(1);
	});

	test('two executions with the same key at the same moment make one task; the other one is removed unsent', async () => {
		const answers = await Promise.all([create(), create(), create()]);
		expect(new Set(answers.map((a) => a.id)).size).toBe(1);
		expect(answers.filter((a) => a.duplicate === false).length).toBeGreaterThanOrEqual(1);
		const live = tasksNamed(`Event ${n}`);
		expect(live.map((t: any) => String(t.id))).toEqual([answers[0].id]);
		// a removed racer never started: the emulator drops a deleted task that sent nothing
		const made = calls('add-task');
		expect(calls('del-task')).toBe(made - 1);
		expect([...env.control.state.tasks.values()].filter((t: any) => t.sendFullname === `Event ${n}` && t.deleted)).toHaveLength(0);
	});

	test('a refused create does not spend the key: the retry makes the task', async () => {
		env.control.faults.next('refuse', 1, { only: (e) => e.do === 'add-task', refusal: 'tpl_checking' });
		await expect(create()).rejects.toThrow(/still being checked/);
		expect(tasksNamed(`Event ${n}`)).toHaveLength(0);
		const retry = await create();
		expect(retry).toMatchObject({ duplicate: false, id: expect.stringMatching(/^\d+$/) });
		expect(tasksNamed(`Event ${n}`)).toHaveLength(1);
	});

	test('a lost answer (U-Mail made it, the connection dropped): the retry finds it and starts it, no second task', async () => {
		env.control.faults.next('reset', 1, { only: (e) => e.do === 'add-task', after: true });
		await expect(create()).rejects.toThrow();
		const [orphan] = tasksNamed(`Event ${n}`);
		expect(env.control.state.taskStatus(orphan)).toBe(-1); // made held: nothing went out
		const retry = await create();
		expect(retry).toMatchObject({ id: String(orphan.id), duplicate: true });
		expect(tasksNamed(`Event ${n}`)).toHaveLength(1);
		expect(env.control.state.taskStatus(orphan)).toBe(1);
		expect(calls('add-task')).toBe(1);
	});

	test('scope: different keys for the same campaign are two tasks in a workflow, one across the account', async () => {
		const memory = {};
		const a = await create({ idempotencyKey: 'a' }, memory);
		const b = await create({ idempotencyKey: 'b' }, memory);
		expect([a.duplicate, b.duplicate, a.id === b.id]).toEqual([false, false, false]);
		const c = await create({ idempotencyKey: 'c', idempotency: { scope: 'account' } }, memory);
		expect(c).toMatchObject({ id: a.id, duplicate: true });
		expect(tasksNamed(`Event ${n}`)).toHaveLength(2);
	});

	test('the window: a key remembered longer ago than the window, for a send time past the window, makes a new task', async () => {
		const past = new Date(Date.now() - 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
		const memory = {};
		const first = await create({ sendTime: `${past} 09:00` }, memory);
		(memory as any).idempotencyKeys[`evt-${n}`].at -= 25 * 3_600_000;
		const later = await create({ sendTime: `${past} 09:00` }, memory);
		expect(later).toMatchObject({ duplicate: false });
		expect(later.id).not.toBe(first.id);
		// with a window of 96 hours the same task is found
		const wide = await create({ sendTime: `${past} 09:00`, idempotencyKey: `other-${n}`, idempotency: { windowHours: 96, scope: 'account' } }, {});
		expect(wide).toMatchObject({ duplicate: true, id: first.id });
	});

	test('no key: one add-task call, nothing looked up, no duplicate field', async () => {
		const out = await create({ idempotencyKey: '' });
		expect(out.duplicate).toBeUndefined();
		expect(env.control.log.map((e: any) => e.do)).toEqual(['add-task']);
	});

	test('a cancelled task is not the same campaign: the key makes a new one', async () => {
		const memory = {};
		const first = await create({}, memory);
		await runUmail(env, { resource: 'task', operation: 'update', task: byId(first.id as string), updateFields: { sendStatus: '-3' } });
		const again = await create({}, memory);
		expect(again).toMatchObject({ duplicate: false });
		expect(again.id).not.toBe(first.id);
	});

	test('a retry that asks another send time (e.g. "now") is answered from what this workflow remembers', async () => {
		const memory = {};
		const first = await create({}, memory);
		const later = await create({ sendTime: `2027-02-${String(n).padStart(2, '0')} 10:00` }, memory);
		expect(later).toMatchObject({ id: first.id, duplicate: true, createdAt: first.createdAt });
		expect(calls('add-task')).toBe(1);
	});
});

describe('Contact List → Create and Template → Create with an Idempotency Key', () => {
	// the emulator's clock at real time: a template's `created` is compared with the node's clock for the window
	const env = useEmulator({ demoData: true, now: Date.now() });
	beforeEach(() => {
		env.control.faults.clear();
		env.control.clearLog();
	});
	const lists = (name: string) => [...env.control.customerOf('demo').lists.values()].filter((l: any) => l.subject === name);
	const list = (name: string, key: string, memory: IDataObject = {}) =>
		runUmail(env, { resource: 'contactList', operation: 'create', name, status: 'enabled', idempotencyKey: key }, { staticData: memory }).then((o) => json(o)[0]);

	test('the same key twice, three at once, and a lost answer: one list each time', async () => {
		const first = await list('Idem A', 'list-a');
		expect(await list('Idem A', 'list-a')).toMatchObject({ id: first.id, duplicate: true });
		const racing = await Promise.all([list('Idem B', 'list-b'), list('Idem B', 'list-b'), list('Idem B', 'list-b')]);
		expect(new Set(racing.map((r) => r.id)).size).toBe(1);
		expect(lists('Idem B')).toHaveLength(1);
		env.control.faults.next('reset', 1, { only: (e) => e.do === 'maillist-add', after: true });
		await expect(list('Idem C', 'list-c')).rejects.toThrow();
		const retry = await list('Idem C', 'list-c');
		expect(retry).toMatchObject({ duplicate: true, id: String(lists('Idem C')[0].id) });
		expect(lists('Idem C')).toHaveLength(1);
	});

	test('a template: the same key twice makes one; a refused create spends nothing', async () => {
		const params = { resource: 'template', operation: 'create', name: 'Idem T', subjects: ['Hello'], content: '<p>Hi</p>', idempotencyKey: 'tpl-1' };
		env.control.faults.next('refuse', 1, { only: (e) => e.do === 'add-tpl', refusal: 'add_tpl_error', message: 'busy' });
		await expect(runUmail(env, params)).rejects.toThrow();
		const [first] = json(await runUmail(env, params));
		const [again] = json(await runUmail(env, params));
		expect(first.duplicate).toBe(false);
		expect(again).toMatchObject({ id: first.id, duplicate: true });
		expect([...env.control.state.templates.values()].filter((t: any) => t.name === 'Idem T')).toHaveLength(1);
	});
});
