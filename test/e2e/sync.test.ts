/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * Contact List → Sync Members in a real n8n (2.41.1), installed from the packed tarball, against the emulator: each
 * suppression reason, Replace, and a run stopped by an API error whose rerun finishes the list. (Example 02 in
 * examples.test.ts covers Mirror, the dry run, the guard and bad input; the queue suite two syncs at once.)
 */
import { TIMEOUT, ensureN8nSync, makeWorkflow, ok, packedN8nWithEmulator, type Emulator, type N8nInstance, type WorkflowNode } from './harness';

const n8n = ensureN8nSync();
const describeN8n = n8n ? describe : describe.skip;
const CRED = { id: 'umailSyncCred001', name: 'U-Mail sync e2e' };

const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const contactsNode = (contacts: Array<Record<string, string>>): WorkflowNode => ({
	name: 'CRM',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { mode: 'runOnceForAllItems', jsCode: `return ${JSON.stringify(contacts)}.map((json) => ({ json }));` },
});
const syncNode = (listId: number, parameters: Record<string, unknown>): WorkflowNode => ({
	name: 'Sync',
	type: 'n8n-nodes-umail.umail',
	parameters: { resource: 'contactList', operation: 'syncMembers', contactList: byId(listId), ...parameters },
	credentials: { umailApi: CRED },
});
const person = (i: number, name = `Person ${i}`) => ({ email: `p${i}@e2e-sync.example.com`, name });
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describeN8n(`Sync Members in n8n ${n8n?.version}`, () => {
	let emu: Emulator;
	let inst: N8nInstance;
	const st = () => emu.control.state;
	const list = (id: number) => st().getList(emu.control.customerOf('demo'), id);
	const emails = (id: number) => [...list(id).addrs.keys()].sort();

	beforeAll(async () => {
		({ emu, inst } = await packedN8nWithEmulator(CRED));
	}, TIMEOUT.build + TIMEOUT.execute);

	afterAll(async () => {
		await inst?.cleanup();
		await emu?.stop();
	}, TIMEOUT.execute);

	it(
		'each suppression reason keeps its contact out and says why and when',
		async () => {
			const id = emu.control.createList('e2e suppression') as number;
			const other = emu.control.createList('e2e other') as number;
			st().unsubscribe(list(id), person(0).email);
			st().unsubscribe(list(other), person(1).email);
			const customer = emu.control.customerOf('demo');
			st().smtpFailures.set(`${customer.id}|${beijingToday()}`, [{ email: person(2).email, type: 7, id: 0 }]);
			const workflow = makeWorkflow({
				id: 'umailSyncE2e0001',
				nodes: [contactsNode([0, 1, 2, 3].map((i) => person(i))), syncNode(id, { suppression: ['thisList', 'anyList', 'hardFailures'], suppressionDays: 3 })],
			});
			const out = ok(await inst.run(workflow)).items('Sync');
			expect(out.slice(0, 4).map((o) => [o.action, o.reason])).toEqual([
				['skipped', 'unsubscribed'],
				['skipped', 'unsubscribedFromOtherList'],
				['skipped', 'hardFailure'],
				['added', undefined],
			]);
			expect(out[0].reasonDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			expect(out[2].reasonDetail).toMatch(/complaint address/);
			expect(emails(id)).toEqual([person(3).email]);
		},
		TIMEOUT.execute,
	);

	it(
		'Replace and Mirror stopped by an API error: the error says what was done, the same run again finishes the list',
		async () => {
			const id = emu.control.createList('e2e replace') as number;
			st().addRows(list(id), Array.from({ length: 10 }, (_, i) => ({ address: person(i).email, fullname: person(i).name })));
			const goneId = list(id).addrs.get(person(9).email).id;
			const input = [...Array.from({ length: 9 }, (_, i) => person(i)), person(1, 'Renamed')];
			input.splice(1, 1);
			const workflow = makeWorkflow({ id: 'umailSyncE2e0002', nodes: [contactsNode(input), syncNode(id, { mode: 'mirror', changedContacts: 'replace', options: { maxRemovalPercent: 20 } })] });
			emu.control.faults.next('5xx', 1, { only: (entry: any) => entry.do === 'ml-addr-del' && entry.query.id === String(goneId) });
			const failed = await inst.run(workflow);
			expect(failed.code).not.toBe(0);
			expect(failed.error).toMatch(/Sync of contact list \d+ stopped/);
			// the replaced contact went in before the removal failed
			expect(list(id).addrs.get(person(1).email).fullname).toBe('Renamed');
			expect(emails(id)).toHaveLength(10);

			const again = ok(await inst.run({ ...workflow, id: 'umailSyncE2e0003' }));
			const out = again.items('Sync');
			expect(out.filter((o) => o.action === 'removed').map((o) => o.email)).toEqual([person(9).email]);
			expect(out.find((o) => o.email === person(1).email)).toMatchObject({ action: 'unchanged', reason: 'sameAsList' });
			expect(emails(id)).toEqual(input.map((c) => c.email).sort());
			const summary = out[out.length - 1];
			expect(summary).toMatchObject({ action: 'summary', counts: { unchanged: 9, removed: 1, added: 0, replaced: 0 } });
		},
		TIMEOUT.execute,
	);
});
