import type { IDataObject, INodeExecutionData, INodeParameters, NodeOperationError } from 'n8n-workflow';

import { byId, json, runUmail, useEmulator } from './setup';

/** The playground scenario: 300 CRM contacts (3 duplicates, 2 invalid) → Add Many, run twice, two unsubscribe, run again. */
function crm(): INodeExecutionData[] {
	const contacts: IDataObject[] = Array.from({ length: 295 }, (_, i) => ({ email: `crm${i}@truth.example.com`, name: `CRM ${i}` }));
	contacts.push({ email: 'crm1@truth.example.com' }, { email: 'CRM2@truth.example.com' }, { email: 'crm3@truth.example.com' });
	contacts.push({ email: 'crm-broken' }, { email: 'two@@truth.example.com' });
	return contacts.map((c) => ({ json: c }));
}

describe('Address → Add Many tells the truth', () => {
	const env = useEmulator();
	let listId: string;
	beforeEach(() => {
		listId = String(env.control.createList(`Truth ${Math.random()}`));
		env.control.clearLog();
	});
	const addMany = async (items: INodeExecutionData[], options: IDataObject = { onInvalid: 'skip' }) =>
		json(await runUmail(env, { resource: 'address', operation: 'addMany', contactList: byId(listId), options: options as INodeParameters }, { items }));
	const count = (out: IDataObject[]) => out.reduce<Record<string, number>>((acc, o) => ({ ...acc, [String(o.status)]: (acc[String(o.status)] ?? 0) + 1 }), {});

	test('run, run again, two unsubscribe, run again: every status is what U-Mail reported', async () => {
		const first = await addMany(crm());
		expect(count(first)).toEqual({ added: 295, duplicate: 3, rejected: 2 });
		expect(first[0]).toMatchObject({ batchCounts: { rows: 295, added: 295, duplicates: 0, invalid: 0 }, batchMessage: expect.stringContaining('成功添加 295') });
		expect(env.control.log.filter((entry) => entry.do === 'unsubscribe-export')).toHaveLength(1);

		const second = await addMany(crm());
		expect(count(second)).toEqual({ duplicate: 298, rejected: 2 });
		expect(second[0]).toMatchObject({ status: 'duplicate', reason: expect.stringContaining('Already in the contact list'), batchCounts: { added: 0, duplicates: 295 } });

		const state = env.control.state as unknown as { unsubscribe: (l: unknown, e: string) => void };
		const list = env.control.customerOf('demo').lists.get(Number(listId));
		state.unsubscribe(list, 'crm10@truth.example.com');
		state.unsubscribe(list, 'crm20@truth.example.com');
		const third = await addMany(crm());
		expect(count(third)).toEqual({ duplicate: 296, skipped: 2, rejected: 2 });
		expect(third[10]).toMatchObject({ status: 'skipped', reason: 'unsubscribed', reasonDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} /) });
		expect(list.addrs.size).toBe(293);
		expect(list.addrs.has('crm10@truth.example.com')).toBe(false);
	});

	test('a call U-Mail only partly took says "accepted" with the counts, never "added"', async () => {
		await addMany(crm().slice(0, 2));
		const out = await addMany(crm().slice(0, 4));
		expect(out.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
		expect(out[0]).toMatchObject({ batchCounts: { rows: 4, added: 2, duplicates: 2, invalid: 0 }, reason: expect.stringContaining('added 2 of the 4 rows') });
	});

	test('On Invalid Contact = Fail: one item number (1-based) and the way around it', async () => {
		const error = (await addMany(crm(), {}).catch((caught: NodeOperationError) => caught)) as NodeOperationError;
		expect(error.message).toBe('Item 299: "Email" is not a valid email address: "crm-broken"');
		expect(error.description).toContain('input item 299');
		expect(error.description).toContain('"Skip and Report"');
		expect(error.description).not.toMatch(/298/);
		expect(env.control.log).toHaveLength(0);
	});
});
