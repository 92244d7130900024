/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node, not in n8n (README: Linting) */
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { batchSettings } from '../../../nodes/Umail/shared/batch';
import { byId, json, runUmail, useEmulator } from './setup';

type Env = ReturnType<typeof useEmulator>;

const VARS = ['var1', 'var2', 'var3', 'var4', 'var5', 'var6', 'var7', 'var8', 'var9', 'var10'];

/** Every contact field mapped from the item, as a user would map a CRM export. */
const mapping = {
	email: '={{ $json.email }}',
	name: '={{ $json.name }}',
	additionalFields: {
		sex: '={{ $json.sex }}',
		birthday: '={{ $json.birthday }}',
		phone: '={{ $json.phone }}',
		area: '={{ $json.area }}',
		...Object.fromEntries(VARS.map((name) => [name, `={{ $json.${name} }}`])),
	},
};

function contact(i: number, tag = 'bulk'): IDataObject {
	const day = String((i % 28) + 1).padStart(2, '0');
	return {
		email: `c${i}@${tag}.example.com`,
		name: `名字 ${i}`,
		sex: i % 2 ? 'M' : 'F',
		birthday: `1990-0${(i % 9) + 1}-${day}`,
		phone: `135${String(i).padStart(8, '0')}`,
		area: `区 ${i % 7}`,
		...Object.fromEntries(VARS.map((name, k) => [name, k === 4 && i % 3 ? '' : `${name}-${i}`])),
	};
}

const items = (contacts: IDataObject[]): INodeExecutionData[] => contacts.map((c) => ({ json: c }));

function addressesOf(env: Env, listId: string): Map<string, IDataObject> {
	env.control.clock.advance(0); // applies due imports
	return env.control.customerOf('demo').lists.get(Number(listId)).addrs;
}

/** Every field of every expected row, compared with what the emulator stored. */
function expectStored(env: Env, listId: string, expected: IDataObject[]) {
	const stored = addressesOf(env, listId);
	expect(stored.size).toBe(expected.length);
	const mismatches: string[] = [];
	for (const c of expected) {
		const a = stored.get(String(c.email).toLowerCase()) as IDataObject | undefined;
		if (!a) {
			mismatches.push(`${c.email}: missing`);
			continue;
		}
		const vars = (a.vars as string[] | null) ?? new Array(10).fill('');
		const got = {
			email: a.email,
			name: a.fullname,
			sex: a.sex,
			birthday: a.birthday,
			phone: a.phone,
			area: a.area,
			...Object.fromEntries(VARS.map((name, k) => [name, vars[k]])),
		};
		const want: IDataObject = { ...c, birthday: c.birthday || '0000-00-00' };
		for (const key of Object.keys(got)) {
			if (String(got[key as keyof typeof got] ?? '') !== String(want[key] ?? '')) {
				mismatches.push(`${c.email} ${key}: ${String(got[key as keyof typeof got])} ≠ ${String(want[key])}`);
			}
		}
	}
	expect(mismatches.slice(0, 10)).toEqual([]);
}

async function whileClockRuns<T>(env: Env, work: () => Promise<T>): Promise<T> {
	const timer = setInterval(() => env.control.clock.advance(1000), 5);
	try {
		return await work();
	} finally {
		clearInterval(timer);
	}
}

describe('Address → Add Many (bulk add)', () => {
	const env = useEmulator();
	let listId: string;
	/** the calls after the suppression read (§4.6, one per list: checked in addManyTruth.test.ts) */
	const sent = () => env.control.log.filter((entry) => entry.do !== 'unsubscribe-export');

	beforeAll(() => {
		batchSettings.pollScheduleMs = [20];
	});

	beforeEach(() => {
		listId = String(env.control.createList(`Bulk ${Math.random()}`));
		env.control.clearLog();
	});

	const run = async (
		contacts: IDataObject[],
		options: IDataObject = {},
		extra: { continueOnFail?: boolean; contactList?: unknown; suppression?: string[] } = {},
	) =>
		await runUmail(
			env,
			{
				resource: 'address',
				operation: 'addMany',
				contactList: (extra.contactList ?? byId(listId)) as INodeParameters,
				...mapping,
				...(extra.suppression ? { suppression: extra.suppression } : {}),
				options: options as INodeParameters,
			},
			{ items: items(contacts), continueOnFail: extra.continueOnFail },
		);

	test('10,000 items in batches of 500: 20 calls, every field of every row stored', async () => {
		const contacts = Array.from({ length: 10_000 }, (_, i) => contact(i));
		const out = await run(contacts, { importAbove: 20_000 });
		const calls = sent().length;
		console.log(`bulk add of 10,000 items, batch path: ${calls} calls`);
		expect(calls).toBeLessThanOrEqual(21);
		expect(sent().every((entry) => entry.do === 'ml-addr-add' && entry.method === 'POST')).toBe(true);
		const rowsPerCall = sent().map((entry) => String(entry.body.ml_addr).split('\n').length);
		expect(rowsPerCall).toEqual(new Array(20).fill(500));
		expect(out).toHaveLength(10_000);
		out.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ email: contacts[i].email, status: 'added', contactListId: listId, batch: Math.floor(i / 500) + 1 });
		});
		expectStored(env, listId, contacts);
	}, 120_000);

	test('10,000 items above the import threshold: one upload, its status polls, one history read', async () => {
		const contacts = Array.from({ length: 10_000 }, (_, i) => contact(i, 'imp'));
		const out = await whileClockRuns(env, async () => await run(contacts));
		const kinds = sent().map((entry) => entry.do);
		console.log(`bulk add of 10,000 items, import path: ${kinds.length} calls (${kinds.filter((k) => k === 'ml-addr-add-file-query').length} status polls)`);
		expect(kinds.filter((k) => k === 'ml-addr-add-file')).toHaveLength(1);
		expect(kinds.filter((k) => k === 'ml-addr-add-log')).toHaveLength(1);
		expect(kinds.filter((k) => k !== 'ml-addr-add-file-query')).toHaveLength(2);
		expect(kinds.filter((k) => k === 'ml-addr-add')).toHaveLength(0);
		const upload = sent().find((entry) => entry.do === 'ml-addr-add-file');
		expect(upload?.query.list_id).toBe(listId);
		expect(upload?.body.file).toMatchObject({ filename: expect.stringMatching(new RegExp(`^n8n-contacts-${listId}-.+\\.txt$`)) });

		expect(out).toHaveLength(10_000);
		const [first] = json(out);
		expect(first).toMatchObject({
			email: contacts[0].email,
			status: 'added',
			contactListId: listId,
			importId: expect.stringMatching(/^\d+$/),
			importStatus: 'success',
			importCounts: { rows: 10_000, invalid: 0, duplicates: 0, added: 10_000 },
		});
		expect(out.every((item, i) => item.json.email === contacts[i].email && item.json.status === 'added')).toBe(true);
		expectStored(env, listId, contacts);
	}, 120_000);

	const awkward = () => {
		const good = Array.from({ length: 12 }, (_, i) => contact(i, 'mixed'));
		return [
			good[0],
			{ ...contact(100, 'mixed'), name: 'Semi;colon' }, // 1: would shift columns
			good[1],
			{ ...contact(101, 'mixed'), area: 'line\nbreak' }, // 3: would split the row
			{ ...contact(102, 'mixed'), email: 'not-an-email' }, // 4
			good[2],
			{ ...good[0], name: 'second copy' }, // 6: duplicate of item 1
			{ ...contact(103, 'mixed'), var7: 'tab\there' }, // 7
			{ ...contact(104, 'mixed'), birthday: '1990-13-01' }, // 8
			{ ...good[3], sex: 'male', name: '  padded  ' }, // 9: normalised
			...good.slice(4),
		];
	};

	test('Skip and Report: separators, bad emails and duplicates are reported, the rest stored unshifted', async () => {
		const contacts = awkward();
		const out = json(await run(contacts, { onInvalid: 'skip', batchSize: 4 }));
		expect(out.map((o) => o.status)).toEqual([
			'added', 'rejected', 'added', 'rejected', 'rejected', 'added', 'duplicate', 'rejected', 'rejected', 'added',
			...new Array(8).fill('added'),
		]);
		expect(out[1].reason).toBe(
			'Item 2: "Name" holds a ";", a TAB or a line break, which would shift the columns of its row (U-Mail has no escaping)',
		);
		expect(out[3].reason).toMatch(/^Item 4: "Area" holds a ";"/);
		expect(out[4].reason).toBe('Item 5: "Email" is not a valid email address: "not-an-email"');
		expect(out[6]).toMatchObject({ status: 'duplicate', duplicateOf: 1, email: contacts[0].email });
		expect(out[7].reason).toMatch(/^Item 8: "Variable 7" holds/);
		expect(out[8].reason).toMatch(/^Item 9: "Birthday" must be a date|^Item 9: "Birthday" is not a real date/);
		expect(out.some((o) => 'error' in o)).toBe(false);
		// 12 good rows in batches of 4
		expect(sent().map((entry) => String(entry.body.ml_addr).split('\n').length)).toEqual([4, 4, 4]);
		const stored = [0, 2, 5, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((i) => contacts[i]);
		stored[3] = { ...stored[3], sex: 'M', name: 'padded' };
		expectStored(env, listId, stored);
	});

	test('the same, through file import: every stored field matches', async () => {
		const contacts = awkward();
		const out = json(await whileClockRuns(env, async () => await run(contacts, { onInvalid: 'skip', importAbove: 5 })));
		expect(out.filter((o) => o.status === 'added')).toHaveLength(12);
		expect(out.find((o) => o.status === 'added')?.importCounts).toMatchObject({ rows: 12, invalid: 0, duplicates: 0, added: 12 });
		const stored = [0, 2, 5, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((i) => contacts[i]);
		stored[3] = { ...stored[3], sex: 'M', name: 'padded' };
		expectStored(env, listId, stored);
	});

	test('On Invalid Contact = Fail stops before any request, naming the item and field', async () => {
		await expect(run(awkward())).rejects.toThrow(
			'Item 2: "Name" holds a ";", a TAB or a line break, which would shift the columns of its row (U-Mail has no escaping)',
		);
		expect(sent()).toHaveLength(0);
	});

	test('with Continue On Fail, invalid items carry an error and the rest go through', async () => {
		const contacts = awkward();
		const out = await run(contacts, {}, { continueOnFail: true });
		const rows = json(out);
		expect(rows.filter((o) => o.error).map((o) => out[rows.indexOf(o)].pairedItem)).toEqual([
			{ item: 1 },
			{ item: 3 },
			{ item: 4 },
			{ item: 7 },
			{ item: 8 },
		]);
		expect(rows[4]).toMatchObject({ status: 'rejected', email: 'not-an-email', error: expect.stringContaining('"Email"') });
		expect(rows.filter((o) => o.status === 'added')).toHaveLength(12);
		expect(sent()).toHaveLength(1);
	});

	test('Remove Duplicates off sends every copy; the service keeps one', async () => {
		const contacts = [contact(1, 'dup'), { ...contact(1, 'dup'), name: 'copy' }, contact(2, 'dup')];
		const out = json(await run(contacts, { dedupe: false }));
		// U-Mail counts 2 added and 1 duplicate for the call and does not say which: no item claims "added"
		expect(out.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted']);
		expect(out[0]).toMatchObject({ batchCounts: { rows: 3, added: 2, duplicates: 1, invalid: 0 } });
		expect(String(sent()[0].body.ml_addr).split('\n')).toHaveLength(3);
		expect(addressesOf(env, listId).size).toBe(2);
	});

	test('items are grouped by their contact list', async () => {
		const other = String(env.control.createList('Bulk other'));
		const contacts = Array.from({ length: 6 }, (_, i) => ({ ...contact(i, 'groups'), list: i % 2 ? other : listId }));
		const out = json(
			await run(contacts, {}, { contactList: { __rl: true, mode: 'id', value: '={{ $json.list }}' } }),
		);
		expect(sent().map((entry) => entry.query.list_id)).toEqual([listId, other]);
		expect(out.map((o) => o.contactListId)).toEqual(contacts.map((c) => c.list));
		expect(addressesOf(env, listId).size).toBe(3);
		expect(addressesOf(env, other).size).toBe(3);
	});

	test('an unknown list stops the run before any write, or fails its items with Continue On Fail', async () => {
		const contacts: IDataObject[] = Array.from({ length: 5 }, (_, i) => ({ ...contact(i, 'fail'), list: i < 3 ? listId : '999999' }));
		const contactList = { __rl: true, mode: 'id', value: '={{ $json.list }}' };
		await expect(run(contacts, {}, { contactList })).rejects.toThrow(/not_exist/);
		expect(sent()).toHaveLength(0);
		// without suppression the unknown list is found by its add call
		await expect(run(contacts, {}, { contactList, suppression: [] })).rejects.toThrow(/^Item 4: batch 2 \(items 4–5\) failed: .*not_exist/);

		env.control.clearLog();
		const out = json(await run(contacts.map((c) => ({ ...c, email: `again-${String(c.email)}` })), {}, { contactList, continueOnFail: true }));
		expect(out.map((o) => o.status)).toEqual(['added', 'added', 'added', 'failed', 'failed']);
		expect(out[3].error).toMatch(/not_exist/);
		expect(sent().map((entry) => entry.resultStatus)).toEqual(['success']);
	});

	test('without Continue On Fail a failed batch stops the run; the error says which items were accepted', async () => {
		const contacts = Array.from({ length: 2500 }, (_, i) => contact(i, 'partial'));
		// the third call fails; the second is in flight beside it and finishes; nothing is sent after the failure
		env.control.faults.next('5xx', 1, { only: (entry) => entry.do === 'ml-addr-add' && sent().filter((e) => e.do === 'ml-addr-add').length === 3 });
		const error = await run(contacts).then(
			() => undefined,
			(thrown: NodeApiError) => thrown,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		const calls = sent().filter((entry) => entry.do === 'ml-addr-add');
		// batches 1 and 2, the failed batch 3, and batch 4 only if it was already in flight: never batch 5
		expect(calls.map((entry) => entry.status).slice(0, 3)).toEqual([200, 200, 500]);
		expect(calls.length).toBeLessThanOrEqual(4);
		const stored = addressesOf(env, listId);
		const accepted = contacts.map((c, i) => (stored.has(String(c.email)) ? i : -1)).filter((i) => i >= 0);
		expect(accepted.length).toBe(500 * (calls.length - 1));
		const ranges = accepted.length === 1500 ? '1–1000, 1501–2000' : '1–1000';
		expect(error!.message).toMatch(new RegExp(`^Item 1001: batch 3 \\(items 1001–1500\\) failed: .*HTTP 500\\. ${accepted.length} item\\(s\\) already accepted$`));
		expect(error!.description).toMatch(new RegExp(`^${accepted.length} item\\(s\\) were already sent and taken by U-Mail \\(items ${ranges}\\); no call was made after the failure`));
	});

	test('an import that outlasts Max Import Wait is reported as still parsing', async () => {
		const contacts = Array.from({ length: 3 }, (_, i) => contact(i, 'slow'));
		const out = json(await run(contacts, { importAbove: 1, maxWait: 0 }));
		expect(out[0]).toMatchObject({ status: 'accepted', importStatus: 'no_complete', importStatus_label: 'still parsing' });
		expect(out[0]).not.toHaveProperty('importCounts');
		expect(sent().map((entry) => entry.do)).toEqual(['ml-addr-add-file', 'ml-addr-add-file-query']);
	});

	test('the import status is checked on the schedule, short waits first, until Max Import Wait', async () => {
		const shipped = batchSettings.pollScheduleMs;
		batchSettings.pollScheduleMs = [100, 200, 400];
		try {
			const contacts = Array.from({ length: 3 }, (_, i) => contact(i, 'sched'));
			const started = Date.now();
			// the emulator's clock stands still: the import stays unparsed; checks at 0, 100, 300, 700 ms (then 1,100 > 1,000)
			const out = json(await run(contacts, { importAbove: 1, maxWait: 1 }));
			expect(Date.now() - started).toBeGreaterThanOrEqual(700);
			expect(out[0]).toMatchObject({ status: 'accepted', importStatus: 'no_complete' });
			expect(sent().map((entry) => entry.do)).toEqual(['ml-addr-add-file', ...new Array(4).fill('ml-addr-add-file-query')]);
		} finally {
			batchSettings.pollScheduleMs = shipped;
		}
	});

	test('any expression works, not only $json paths; a constant field applies to every item', async () => {
		const contacts = [
			{ email: 'E1@Expr.example.com', first: 'Ann', last: 'Lee', crm: { tier: 'gold' } },
			{ email: 'e2@expr.example.com', first: 'Bo', last: 'Wu', crm: { tier: 'silver' } },
		];
		const out = json(
			await runUmail(
				env,
				{
					resource: 'address',
					operation: 'addMany',
					contactList: byId(listId),
					email: '={{ $json.email.toLowerCase() }}',
					name: "={{ $json.first + ' ' + $json.last }}",
					additionalFields: { area: '北京', var1: '={{ $json.crm.tier }}', var2: "={{ $json['first'] }}" },
				},
				{ items: items(contacts) },
			),
		);
		expect(out.map((o) => o.email)).toEqual(['e1@expr.example.com', 'e2@expr.example.com']);
		expect(String(sent()[0].body.ml_addr).split('\n')).toEqual([
			'e1@expr.example.com;Ann Lee;;;;北京;gold;Ann;;;;;;;;',
			'e2@expr.example.com;Bo Wu;;;;北京;silver;Bo;;;;;;;;',
		]);
	});

	test('Batch Size above 500 is refused before any request', async () => {
		await expect(run([contact(1)], { batchSize: 501 })).rejects.toThrow('"Batch Size" must be at most 500');
		expect(sent()).toHaveLength(0);
	});
});
