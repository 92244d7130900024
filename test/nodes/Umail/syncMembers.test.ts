/* eslint-disable no-console -- runs in Node, not in n8n (README: Linting) */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { batchSettings } from '../../../nodes/Umail/shared/batch';
import { byId, json, runUmail, useEmulator } from './setup';

type Env = ReturnType<typeof useEmulator>;

const contact = (i: number, extra: IDataObject = {}): IDataObject => ({ email: `p${i}@sync.example.com`, name: `Person ${i}`, var1: `v${i}`, ...extra });
const range = (from: number, to: number, extra: IDataObject = {}) => Array.from({ length: to - from }, (_, k) => contact(from + k, extra));

function listOf(env: Env, listId: string) {
	env.control.clock.advance(0);
	return env.control.customerOf('demo').lists.get(Number(listId));
}
const emailsOf = (env: Env, listId: string) => [...listOf(env, listId).addrs.keys()].sort();
const writes = (env: Env) => env.control.log.filter((entry) => ['ml-addr-add', 'ml-addr-add-file', 'ml-addr-del'].includes(String(entry.do)));
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('Contact List → Sync Members', () => {
	const env = useEmulator();
	let listId: string;

	beforeAll(() => {
		batchSettings.pollScheduleMs = [20];
	});
	beforeEach(() => {
		listId = String(env.control.createList(`Sync ${Math.random()}`));
		env.control.setRefuseUnsubscribed(false);
		env.control.clearLog();
	});

	const sync = async (contacts: IDataObject[], parameters: IDataObject = {}, options: { continueOnFail?: boolean } = {}) =>
		json(
			await runUmail(
				env,
				{ resource: 'contactList', operation: 'syncMembers', contactList: byId(listId), ...parameters } as INodeParameters,
				{ items: contacts.map((c) => ({ json: c })), continueOnFail: options.continueOnFail },
			),
		);
	const perItem = (out: IDataObject[], n: number) => out.slice(0, n);
	const summary = (out: IDataObject[]) => out[out.length - 1];

	test('Add Missing: first run adds, invalid and duplicate items are reported, a rerun writes nothing', async () => {
		const input = [...range(0, 5), { email: 'not-an-email', name: 'x' }, contact(1, { name: 'copy' }), { ...contact(9), name: 'a;b' }];
		const first = await sync(input);
		expect(perItem(first, 8).map((o) => o.action)).toEqual(['added', 'added', 'added', 'added', 'added', 'rejected', 'skipped', 'rejected']);
		expect(first[6]).toMatchObject({ reason: 'duplicateInInput', duplicateOf: 2 });
		expect(first[7].reasonDetail).toMatch(/Item 8: "Name" holds a ";"/);
		expect(summary(first)).toMatchObject({ action: 'summary', counts: { added: 5, rejected: 2, skipped: 1, removed: 0 }, apiCalls: { adds: 1 } });
		expect(emailsOf(env, listId)).toEqual(range(0, 5).map((c) => String(c.email)).sort());
		// the first copy won
		expect(listOf(env, listId).addrs.get('p1@sync.example.com').fullname).toBe('Person 1');

		env.control.clearLog();
		const second = await sync(input);
		expect(perItem(second, 5).map((o) => o.action)).toEqual(new Array(5).fill('unchanged'));
		expect(writes(env)).toHaveLength(0);
	});

	test('Mirror removes members not in the input; the guard refuses too large a share and an empty input', async () => {
		await sync(range(0, 20));
		env.control.clearLog();
		const out = await sync(range(0, 19), { mode: 'mirror' });
		expect(out.filter((o) => o.action === 'removed').map((o) => o.email)).toEqual(['p19@sync.example.com']);
		expect(summary(out).counts).toMatchObject({ unchanged: 19, removed: 1 });
		expect(writes(env).map((entry) => entry.do)).toEqual(['ml-addr-del']);

		// 19 members, 3 would go: 15.8 % > 10 %
		await expect(sync(range(0, 16), { mode: 'mirror' })).rejects.toThrow(/Mirror would remove 3 of the 19 members .*\(15\.8 %\), more than Max Removal \(10 %\)/);
		await expect(sync(range(0, 16), { mode: 'mirror' })).rejects.toMatchObject({ description: expect.stringContaining('raise Options → Max Removal (%) to at least 16') });
		await expect(sync([{ email: '' }], { mode: 'mirror' })).rejects.toThrow(/Mirror refuses an empty input: it would remove all 19 member/);
		expect(emailsOf(env, listId)).toHaveLength(19);

		const raised = await sync(range(0, 16), { mode: 'mirror', options: { maxRemovalPercent: 20 } });
		expect(summary(raised).counts).toMatchObject({ removed: 3 });
		expect(emailsOf(env, listId)).toEqual(range(0, 16).map((c) => String(c.email)).sort());
	});

	test('Dry Run reports the whole plan and writes nothing, also when the guard would refuse', async () => {
		await sync(range(0, 10));
		env.control.clearLog();
		const out = await sync([...range(5, 12)], { mode: 'mirror', dryRun: true });
		expect(perItem(out, 7).map((o) => o.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'added', 'added']);
		expect(out.filter((o) => o.action === 'removed')).toHaveLength(5);
		expect(summary(out)).toMatchObject({ dryRun: true, guard: expect.stringContaining('Mirror would remove 5 of the 10 members') });
		expect(writes(env)).toHaveLength(0);
		expect(emailsOf(env, listId)).toHaveLength(10);
	});

	test('suppression: this list, any list, hard failures; each kept-out item says why and when', async () => {
		const state = env.control.state as unknown as IDataObject & { unsubscribe: (l: unknown, e: string) => void; smtpFailures: Map<string, unknown[]> };
		const other = String(env.control.createList('Other'));
		state.unsubscribe(listOf(env, listId), 'p0@sync.example.com');
		state.unsubscribe(listOf(env, other), 'p1@sync.example.com');
		const customer = env.control.customerOf('demo') as unknown as IDataObject;
		state.smtpFailures.set(`${String(customer.id)}|${today()}`, [{ email: 'p2@sync.example.com', type: 6, id: 0 }, { email: 'p3@sync.example.com', type: 2, id: 0 }]);

		const defaults = await sync(range(0, 4), { dryRun: true });
		expect(defaults.slice(0, 4).map((o) => o.action)).toEqual(['skipped', 'added', 'added', 'added']);
		expect(defaults[0]).toMatchObject({ reason: 'unsubscribed', reasonDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/) });

		const all = await sync(range(0, 4), { suppression: ['thisList', 'anyList', 'hardFailures'], suppressionDays: 7 });
		expect(all.slice(0, 4).map((o) => [o.action, o.reason])).toEqual([
			['skipped', 'unsubscribed'],
			['skipped', 'unsubscribedFromOtherList'],
			['skipped', 'hardFailure'],
			// mailbox full is not a hard failure
			['added', undefined],
		]);
		expect(all[2].reasonDetail).toMatch(/recipient blacklisted/);
		expect(emailsOf(env, listId)).toEqual(['p3@sync.example.com']);
	});

	test.each([false, true])('suppression off, server refusing re-adds = %s: each item says what U-Mail did', async (refuse) => {
		env.control.setRefuseUnsubscribed(refuse);
		const state = env.control.state as unknown as { unsubscribe: (l: unknown, e: string) => void };
		state.unsubscribe(listOf(env, listId), 'p0@sync.example.com');
		const out = await sync(range(0, 3), { suppression: [] });
		expect(out.slice(0, 3).map((o) => o.action)).toEqual([refuse ? 'rejected' : 'added', 'added', 'added']);
		if (refuse) expect(out[0]).toMatchObject({ reason: 'refusedByUmail' });
		expect(emailsOf(env, listId)).toHaveLength(refuse ? 2 : 3);
	});

	test('changed contacts: Leave As Is reports the differences, Replace deletes and adds', async () => {
		await sync(range(0, 3));
		const changed = [contact(0), contact(1, { name: 'New Name', var1: 'new' }), contact(2)];
		const leave = await sync(changed);
		expect(leave[1]).toMatchObject({ action: 'unchanged', reason: 'differs', differences: ['name', 'var1'] });
		expect(summary(leave).differing).toBe(1);
		env.control.clearLog();
		const replaced = await sync(changed, { changedContacts: 'replace' });
		expect(replaced.slice(0, 3).map((o) => o.action)).toEqual(['unchanged', 'replaced', 'unchanged']);
		expect(writes(env).map((entry) => entry.do)).toEqual(['ml-addr-del', 'ml-addr-add']);
		expect(listOf(env, listId).addrs.get('p1@sync.example.com')).toMatchObject({ fullname: 'New Name' });
	});

	test('an interrupted run says what it did, and the same run again converges', async () => {
		await sync(range(0, 100));
		let seen = 0;
		env.control.faults.next('5xx', 1, { only: (info: IDataObject) => info.do === 'ml-addr-del' && ++seen === 3 } as never);
		const input = range(5, 103);
		const error = await sync(input, { mode: 'mirror' }).catch((caught: Error & { description?: string }) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/^Sync of contact list \d+ stopped: /);
		expect((error as { description: string }).description).toMatch(/Done before it stopped: sent 3 of 3 add\(s\), removed \d of 5 member\(s\)\. Run the same sync again/);
		const rerun = await sync(input, { mode: 'mirror' });
		expect(summary(rerun).counts).toMatchObject({ added: 0, unchanged: 98 });
		expect(emailsOf(env, listId)).toEqual(input.map((c) => String(c.email)).sort());
	});

	test('an unknown list fails before any write; Fail on invalid stops before any request and names Skip and Report', async () => {
		await expect(sync(range(0, 3), { contactList: byId(999999) })).rejects.toThrow(/not_exist|联系人分类不存在/);
		expect(writes(env)).toHaveLength(0);
		env.control.clearLog();
		const failing = sync([contact(0), { email: 'bad' }], { options: { onInvalid: 'fail' } });
		await expect(failing).rejects.toThrow(/^Item 2: "Email" is not a valid email address/);
		await expect(sync([contact(0), { email: 'bad' }], { options: { onInvalid: 'fail' } })).rejects.toMatchObject({ description: expect.stringContaining('Skip and Report') });
		expect(env.control.log).toHaveLength(0);
	});

	test('two syncs of the same list started together: every contact once, nothing lost or doubled', async () => {
		await sync(range(0, 50));
		const input = range(10, 1_200);
		const [a, b] = await Promise.all([sync(input, { mode: 'mirror', options: { maxRemovalPercent: 50 } }), sync(input, { mode: 'mirror', options: { maxRemovalPercent: 50 } })]);
		expect(emailsOf(env, listId)).toEqual(input.map((c) => String(c.email)).sort());
		for (const out of [a, b]) {
			expect(out.slice(0, input.length).every((o) => ['added', 'unchanged'].includes(String(o.action)))).toBe(true);
			expect(out.filter((o) => o.action === 'removed')).toHaveLength(10);
		}
		const addedBoth = a.slice(0, input.length).filter((o, i) => o.action === 'added' && b[i].action === 'added').length;
		console.log(`two concurrent syncs: ${addedBoth} item(s) reported added by both (batches with mixed counts are read back)`);
	});

	test('Summary Only: one item with the counts and the removed emails', async () => {
		await sync(range(0, 10));
		const out = await sync(range(1, 10), { mode: 'mirror', output: 'summary', options: { maxRemovalPercent: 10 } });
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ action: 'summary', counts: { unchanged: 9, removed: 1 }, removed: ['p0@sync.example.com'] });
	});

	test('Map Each Column Manually reads the mapped expressions', async () => {
		const out = await sync([{ mail: 'm1@sync.example.com', who: 'Mapped' }], {
			columns: { mappingMode: 'defineBelow', value: { email: '={{ $json.mail }}', name: '={{ $json.who }}' } },
		});
		expect(out[0]).toMatchObject({ action: 'added', email: 'm1@sync.example.com' });
		expect(listOf(env, listId).addrs.get('m1@sync.example.com')).toMatchObject({ fullname: 'Mapped' });
	});
});
