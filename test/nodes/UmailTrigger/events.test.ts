import { type IDataObject, type INodeParameters, NodeApiError } from 'n8n-workflow';

import { transportSettings } from '../../../nodes/Umail/shared/transport';
import { HOUR, MIN, byId, chosenTasks, poll, roundTrip, seedOpeners, seedTask, seedTemplate, useTriggerEmulator } from './setup';

const env = useTriggerEmulator({ demoData: true });

beforeEach(() => {
	transportSettings.readAttempts = 1;
	env.control.faults.clear();
});

const calls = () => env.control.log.map((entry) => `${entry.file}${entry.do ? `?do=${entry.do}` : ''}`);

/** Seeds, lets one more poll find nothing new, and returns the requests of that idle poll. */
async function idleCalls(parameters: INodeParameters, staticData: IDataObject): Promise<string[]> {
	await poll(env, parameters, staticData);
	env.control.clearLog();
	expect(await poll(env, parameters, staticData)).toBeNull();
	return calls();
}

describe('New Open', () => {
	let task: number;
	beforeAll(() => {
		task = seedTask(env.control, [seedOpeners(env.control, 40, 'open')], { hourSpeed: 400 });
		env.control.clock.advance(40 * MIN);
	});

	test('first activation remembers what exists and emits nothing; later opens fire', async () => {
		const parameters = { event: 'newOpen', scope: 'chosen', tasks: chosenTasks(task) };
		const staticData: IDataObject = {};
		expect(await poll(env, parameters, staticData)).toBeNull();
		const cursor = (staticData.newOpen as IDataObject).state as IDataObject;
		expect(Object.keys(cursor.tasks as IDataObject)).toEqual([String(task)]);

		env.control.clock.advance(30 * MIN);
		const items = (await poll(env, parameters, staticData)) ?? [];
		expect(items.length).toBeGreaterThan(0);
		const before = (cursor.tasks as Record<string, { cursor: { at: string } }>)[String(task)].cursor.at;
		for (const item of items) {
			expect(item.send_id).toBe(String(task));
			expect(String(item.open_first) > before).toBe(true);
			expect(item.email).toMatch(/^open\d+\.open@example\.com$/);
		}
	});

	test('the Emit Existing option emits what exists on the first poll', async () => {
		const parameters = { event: 'newOpen', scope: 'chosen', tasks: chosenTasks(task), options: { emitExisting: true } };
		const items = (await poll(env, parameters, {})) ?? [];
		const openers = env.control.state.trackAggregate(env.control.state.tasks.get(task)).openUnique;
		expect(items).toHaveLength(openers);
	});

	test('Fetch Test Event returns the newest real open and leaves the cursor alone', async () => {
		const parameters = { event: 'newOpen', scope: 'recent', maxTasks: 1 };
		const staticData: IDataObject = {};
		await poll(env, parameters, staticData);
		const saved = roundTrip(staticData);
		env.control.clock.advance(5 * MIN);
		const items = (await poll(env, parameters, staticData, 'manual')) ?? [];
		expect(items).toHaveLength(1);
		expect(items[0].email).toEqual(expect.any(String));
		expect(items[0].open_first).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		expect(staticData).toEqual(saved);
		// nor does a manual run seed a cursor that does not exist yet
		const empty: IDataObject = {};
		await poll(env, parameters, empty, 'manual');
		expect(empty).toEqual({});
	});

	test('an idle poll costs at most 2 calls, and reads only the small overview', async () => {
		// the openers are not downloaded again while the overview's counters stand still
		expect(await idleCalls({ event: 'newOpen', scope: 'chosen', tasks: chosenTasks(task) }, {})).toEqual(['track?do=overview']);
		expect(await idleCalls({ event: 'newOpen', scope: 'recent', maxTasks: 1 }, {})).toEqual(['task?do=list-task', 'track?do=overview']);
	});

	test('a failed poll throws a NodeApiError, keeps the cursor, and the next poll delivers', async () => {
		const parameters = { event: 'newClick', scope: 'chosen', tasks: chosenTasks(task) };
		const staticData: IDataObject = {};
		await poll(env, parameters, staticData);
		const saved = roundTrip(staticData);
		env.control.clock.advance(40 * MIN);
		env.control.faults.next('5xx', 1);
		await expect(poll(env, parameters, staticData)).rejects.toBeInstanceOf(NodeApiError);
		expect(staticData).toEqual(saved);
		const items = (await poll(env, parameters, staticData)) ?? [];
		expect(items.length).toBeGreaterThan(0);
		expect(items[0]).toMatchObject({ send_id: String(task), link: expect.stringMatching(/^https:\/\/www\.example\.com\//) });
	});
});

describe('Task Status Changed and Task Completed', () => {
	test('a status change fires with the previous and new status, filtered by status', async () => {
		const list = seedOpeners(env.control, 10, 'status');
		const anyChange = { event: 'taskStatusChanged', scope: 'recent', days: 7 };
		const toCompleted = { ...anyChange, statuses: ['3'] };
		const [a, b] = [{}, {}] as IDataObject[];
		await poll(env, anyChange, a);
		await poll(env, toCompleted, b);

		const task = seedTask(env.control, [list], { startInMs: 10 * MIN, status: 1, hourSpeed: 100 });
		let items = (await poll(env, anyChange, a)) ?? [];
		expect(items).toEqual([expect.objectContaining({ id: String(task), previous_status: null, send_status: '1', send_status_label: 'waiting to start' })]);
		expect(await poll(env, toCompleted, b)).toBeNull();

		env.control.clock.advance(12 * MIN);
		items = (await poll(env, anyChange, a)) ?? [];
		expect(items).toEqual([
			expect.objectContaining({ id: String(task), previous_status: '1', previous_status_label: 'waiting to start', send_status: '2', send_status_label: 'sending' }),
		]);
		env.control.completeTask(task);
		items = (await poll(env, toCompleted, b)) ?? [];
		// the filter picks what fires, not what is tracked: the previous status is the one seen at the last poll
		expect(items).toEqual([expect.objectContaining({ id: String(task), previous_status: '1', send_status: '3', send_status_label: 'completed' })]);
		items = (await poll(env, anyChange, a)) ?? [];
		expect(items).toEqual([expect.objectContaining({ id: String(task), previous_status: '2', send_status: '3' })]);
	});

	test('chosen tasks: one call per task', async () => {
		const task = seedTask(env.control, [seedOpeners(env.control, 5, 'chosen')], { status: -1 });
		const parameters = { event: 'taskStatusChanged', scope: 'chosen', tasks: chosenTasks(task) };
		expect(await idleCalls(parameters, {})).toEqual(['task?do=list-task']);
		expect(env.control.log[0].query).toMatchObject({ id: String(task) });
	});

	test('Task Completed comes with tracking overview and billing stats; idle costs one call', async () => {
		const parameters = { event: 'taskCompleted', days: 7 };
		const staticData: IDataObject = {};
		expect(await idleCalls(parameters, staticData)).toEqual(['task?do=list-task']);
		expect(env.control.log[0].query).toMatchObject({ state: '3', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

		const task = seedTask(env.control, [seedOpeners(env.control, 8, 'done')], { hourSpeed: 2000 });
		env.control.completeTask(task);
		env.control.clearLog();
		const items = (await poll(env, parameters, staticData)) ?? [];
		expect(calls()).toEqual(['task?do=list-task', 'track?do=overview', 'stask']);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			id: String(task),
			send_status: '3',
			send_status_label: 'completed',
			tracking: expect.objectContaining({ send_id: String(task), open_unique: '8' }),
			billing: [expect.objectContaining({ totalsum: '8' })],
		});
	});
});

describe('New Failed Address and New Unsubscribe', () => {
	test('failures of a chosen task fire once, with type label; idle costs one call', async () => {
		const c = env.control.customerOf('demo');
		const list = seedOpeners(env.control, 3, 'fail');
		env.control.state.addRows(env.control.state.getList(c, list), [{ address: 'x.bounce@example.com' }]);
		const task = seedTask(env.control, [list]);
		const parameters = { event: 'newFailedAddress', scope: 'chosen', tasks: chosenTasks(task) };
		const staticData: IDataObject = {};
		await poll(env, parameters, staticData);
		env.control.clock.advance(HOUR);
		const items = (await poll(env, parameters, staticData)) ?? [];
		expect(items).toEqual([
			{ email: 'x.bounce@example.com', type: '1', type_label: 'mailbox does not exist', task_id: expect.stringMatching(/^\d+$/) },
		]);
		env.control.seedFailedAddresses(task, 2, { type: 8 });
		expect((await poll(env, parameters, staticData))?.map((item) => item.type_label)).toEqual(['invalid address', 'invalid address']);
		env.control.clearLog();
		expect(await poll(env, parameters, staticData)).toBeNull();
		expect(calls()).toEqual(['failexportall']);
		expect(env.control.log[0].query).toMatchObject({ type: 'all', out_type: 'json', is_repeat: '1' });
	});

	test('unsubscribes of chosen lists fire once, also two in the same second', async () => {
		const list = env.control.createList('Unsub test');
		env.control.seedAddresses(list, 5);
		const parameters = { event: 'newUnsubscribe', listScope: 'chosen', lists: { values: [{ contactList: byId(list) }] } };
		const staticData: IDataObject = {};
		expect(await idleCalls(parameters, staticData)).toEqual(['mloperate?do=unsubscribe-export']);
		const st = env.control.state;
		const l = st.getList(env.control.customerOf('demo'), list);
		const [first, second] = [...l.addrs.values()].map((a: { email: string }) => a.email);
		st.unsubscribe(l, first);
		expect((await poll(env, parameters, staticData))?.map((item) => item.email)).toEqual([first]);
		st.unsubscribe(l, second); // same simulated second as the first
		expect(await poll(env, parameters, staticData)).toEqual([{ list_id: String(list), email: second, time: env.control.clock.format() }]);
		expect(await poll(env, parameters, staticData)).toBeNull();
	});
});

describe('File Import Finished, Template Check Finished, Domain Verification Changed', () => {
	test('a finished import fires with its counts', async () => {
		const parameters = { event: 'fileImportFinished', days: 7 };
		const staticData: IDataObject = {};
		expect(await idleCalls(parameters, staticData)).toEqual(['mloperate?do=ml-addr-add-log']);
		const c = env.control.customerOf('demo');
		const st = env.control.state;
		st.createImport(c, st.getList(c, env.control.createList('Import test')), 'people.csv', 'a@example.com\nb@example.com\nnot-an-address\n');
		expect(await poll(env, parameters, staticData)).toBeNull(); // still parsing
		env.control.clock.advance(10_000);
		const items = (await poll(env, parameters, staticData)) ?? [];
		expect(items).toEqual([
			expect.objectContaining({ filename: 'people.csv', status: '1', status_label: 'success', success: true, count_all: '3', count_err_1: '1', count_imported: 2 }),
		]);
		expect(await poll(env, parameters, staticData)).toBeNull();
	});

	test('template checks fire once when they end, filtered by result', async () => {
		const any = { event: 'templateCheckFinished', templateScope: 'all', result: 'any' };
		const rejected = { ...any, result: 'rejected' };
		const [a, b] = [{}, {}] as IDataObject[];
		expect(await idleCalls(any, a)).toEqual(['template?do=list-tpl']);
		await poll(env, rejected, b);
		const c = env.control.customerOf('demo');
		const good = env.control.state.createTemplate(c, { name: 'Good', subject: 's', content: '<p>fine</p>' });
		const spam = env.control.state.createTemplate(c, { name: 'Spam', subject: 's', content: '<p>SPAM-TEST</p>' });
		env.control.clearLog();
		expect(await poll(env, any, a)).toBeNull(); // both still checking
		expect(calls()).toEqual(['template?do=list-tpl', 'template?do=get-tpl-status', 'template?do=get-tpl-status']);
		env.control.clock.advance(61_000);
		const items = (await poll(env, any, a)) ?? [];
		expect(items.map((item) => [item.name, item.status_label, item.colour, item.passed])).toEqual([
			['Good', 'passed', 'green', true],
			['Spam', 'rejected', 'red', false],
		]);
		expect((await poll(env, rejected, b))?.map((item) => item.id)).toEqual([String(spam.id)]);
		expect(await idleCalls(any, a)).toEqual(['template?do=list-tpl']);
		void good;
	});

	test('a domain whose verification changes fires with previous and new status; idle costs two calls', async () => {
		const parameters = { event: 'domainVerificationChanged', domainScope: 'all' };
		const staticData: IDataObject = {};
		expect(await idleCalls(parameters, staticData)).toEqual(['bs?do=domain-list', 'bs?do=domain-check']);
		env.control.setDomainDns('news.demo.example.com', true);
		expect(await poll(env, parameters, staticData)).toEqual([
			expect.objectContaining({ domain: 'news.demo.example.com', status: '3', status_label: 'added and verified', previous_status: '2', verified: true }),
		]);
		const chosen = { event: 'domainVerificationChanged', domainScope: 'chosen', domain: byId('news.demo.example.com') };
		expect(await idleCalls(chosen, {})).toEqual(['bs?do=domain-check']);
	});

	test('a template check of a chosen template: manual run shows it', async () => {
		const tpl = seedTemplate(env.control, 'Manual sample');
		const items = await poll(env, { event: 'templateCheckFinished', templateScope: 'chosen', template: byId(tpl) }, {}, 'manual');
		expect(items).toEqual([expect.objectContaining({ id: String(tpl), name: 'Manual sample', status: '1' })]);
	});
});

describe('scope changes', () => {
	test('another scope starts afresh instead of flooding, and only the watched event keeps state', async () => {
		const staticData: IDataObject = {};
		await poll(env, { event: 'taskStatusChanged', scope: 'recent', days: 7 }, staticData);
		await poll(env, { event: 'fileImportFinished', days: 7 }, staticData);
		expect(Object.keys(staticData)).toEqual(['fileImportFinished']);
		// a wider window is a new scope: the first poll with it seeds again and emits nothing
		expect(await poll(env, { event: 'fileImportFinished', days: 30 }, staticData)).toBeNull();
		expect(JSON.parse(String((staticData.fileImportFinished as IDataObject).scope))).toEqual([30]);
	});
});
