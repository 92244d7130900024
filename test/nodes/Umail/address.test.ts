/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
import { batchSettings } from '../../../nodes/Umail/shared/batch';
import { byId, json, runUmail, useEmulator } from './setup';

/** The emulator's contact list `id`, read from its state. */
function listOf(env: ReturnType<typeof useEmulator>, id: string | number) {
	return env.control.customerOf('demo').lists.get(Number(id));
}

/** Runs `work` while the simulated clock moves on, so imports polled by the node complete. */
async function whileClockRuns<T>(env: ReturnType<typeof useEmulator>, work: () => Promise<T>): Promise<T> {
	const timer = setInterval(() => env.control.clock.advance(1000), 5);
	try {
		return await work();
	} finally {
		clearInterval(timer);
	}
}

describe('Address', () => {
	const env = useEmulator();
	let listId: string;

	beforeAll(() => {
		batchSettings.pollScheduleMs = [20];
	});

	beforeEach(() => {
		listId = String(env.control.createList(`Addresses ${Math.random()}`));
		env.control.clearLog();
	});

	test('add posts every field with return_id=1 and returns the new id; get reads it back', async () => {
		const [added] = json(
			await runUmail(env, {
				resource: 'address',
				operation: 'add',
				contactList: byId(listId),
				email: 'anna@example.com',
				additionalFields: {
					name: '安娜',
					sex: 'F',
					birthday: '1990-01-31T00:00:00.000Z',
					phone: '13528775736',
					area: '深圳市',
					var1: 'gold',
					var10: 'ten',
				},
			}),
		);
		expect(added).toEqual({ id: expect.stringMatching(/^\d+$/), email: 'anna@example.com', contactListId: listId });
		const [entry] = env.control.log;
		expect(entry).toMatchObject({ method: 'POST', do: 'ml-addr-add', query: expect.objectContaining({ list_id: listId }) });
		expect(entry.body).toMatchObject({
			address: 'anna@example.com',
			fullname: '安娜',
			sex: 'F',
			birthday: '1990-01-31',
			phone: '13528775736',
			area: '深圳市',
			var1: 'gold',
			var10: 'ten',
			return_id: '1',
		});

		const [fetched] = json(await runUmail(env, { resource: 'address', operation: 'get', addressId: added.id as string }));
		expect(fetched).toMatchObject({
			id: added.id,
			list_id: listId,
			address: 'anna@example.com',
			fullname: '安娜',
			birthday: '1990-01-31',
			var1: 'gold',
			var10: 'ten',
		});
		// §4.7's <addr> has no <sex> (the reference's sample); the stored contact has it
		expect(fetched).not.toHaveProperty('sex');
		expect(env.control.state.getList(env.control.customerOf('demo'), listId).addrs.get('anna@example.com')).toMatchObject({ sex: 'F' });
		expect(fetched).not.toHaveProperty('brithday');
		expect(env.control.log.at(-1)?.query).toMatchObject({ address_id: added.id });
	});

	test('add refuses a bad email or birthday before any request', async () => {
		await expect(
			runUmail(env, { resource: 'address', operation: 'add', contactList: byId(listId), email: 'not-an-email' }),
		).rejects.toThrow('Item 1: "Email" is not a valid email address: "not-an-email"');
		await expect(
			runUmail(env, {
				resource: 'address',
				operation: 'add',
				contactList: byId(listId),
				email: 'ok@example.com',
				additionalFields: { birthday: '1990-02-30' },
			}),
		).rejects.toThrow('Item 1: "Birthday" is not a real date');
		expect(env.control.log).toHaveLength(0);
	});

	test('add to a list that does not exist is an API error; Continue On Fail turns it into an item', async () => {
		const parameters = { resource: 'address', operation: 'add', contactList: byId('999999'), email: 'x@example.com' };
		await expect(runUmail(env, parameters)).rejects.toThrow(/not_exist/);
		const [failed] = json(await runUmail(env, parameters, { continueOnFail: true }));
		expect(failed.error).toMatch(/not_exist/);
		expect(env.control.log.every((entry) => entry.resultStatus === 'not_exist')).toBe(true);
	});

	test('get many asks once without paging for Return All, and pages by 50 for a Limit', async () => {
		env.control.seedAddresses(listId, 120);
		const all = json(
			await runUmail(env, { resource: 'address', operation: 'getMany', scope: 'list', contactList: byId(listId), returnAll: true }),
		);
		expect(all).toHaveLength(120);
		expect(new Set(all.map((a) => a.address)).size).toBe(120);
		// §4.7: no page = every address, in one (streamed) answer
		expect(env.control.log.map((entry) => [entry.query.list_id, entry.query.page, entry.query.limit])).toEqual([
			[listId, undefined, undefined],
		]);
		// Simplify keeps the main fields only
		expect(Object.keys(all[0]).sort()).toEqual(
			['address', 'area', 'birthday', 'fullname', 'id', 'list_id', 'phone', 'time'].sort(),
		);

		env.control.clearLog();
		const some = await runUmail(env, {
			resource: 'address',
			operation: 'getMany',
			scope: 'list',
			contactList: byId(listId),
			returnAll: false,
			limit: 60,
			simplify: false,
		});
		expect(some).toHaveLength(60);
		expect(json(some)[0]).toHaveProperty('var10');
		expect(env.control.log.map((entry) => [entry.query.page, entry.query.limit])).toEqual([
			['1', '50'],
			['2', '50'],
		]);
		expect(new Set(json(some).map((a) => a.address)).size).toBe(60);
	});

	test('get many searches by keyword, and reaches unfiled or all addresses', async () => {
		await runUmail(env, { resource: 'address', operation: 'add', contactList: byId(listId), email: 'needle-1@example.com' });
		await runUmail(env, { resource: 'address', operation: 'add', contactList: byId(listId), email: 'hay@example.com' });
		env.control.clearLog();
		const found = json(
			await runUmail(env, {
				resource: 'address',
				operation: 'getMany',
				contactList: byId(listId),
				returnAll: true,
				filters: { keyword: 'needle' },
			}),
		);
		expect(found.map((a) => a.address)).toEqual(['needle-1@example.com']);
		expect(env.control.log[0].query).toMatchObject({ list_id: listId, keyword: 'needle' });

		env.control.clearLog();
		await runUmail(env, { resource: 'address', operation: 'getMany', scope: 'unfiled', returnAll: false, limit: 5 });
		expect(env.control.log[0].query.list_id).toBe('0');
		env.control.clearLog();
		const everywhere = json(
			await runUmail(env, { resource: 'address', operation: 'getMany', scope: 'all', returnAll: false, limit: 500, filters: { keyword: 'needle-1' } }),
		);
		expect(env.control.log[0].query).not.toHaveProperty('list_id');
		expect(everywhere.map((a) => a.address)).toContain('needle-1@example.com');
	});

	test('get and delete check the address id before any request', async () => {
		await expect(runUmail(env, { resource: 'address', operation: 'get', addressId: '' })).rejects.toThrow('Item 1: "Address ID" is required');
		await expect(runUmail(env, { resource: 'address', operation: 'delete', addressId: '0' })).rejects.toThrow(
			'Item 1: "Address ID" must be at least 1, got 0',
		);
		expect(env.control.log).toHaveLength(0);
	});

	test('get of an unknown id fails naming the field', async () => {
		await expect(runUmail(env, { resource: 'address', operation: 'get', addressId: '987654321' })).rejects.toThrow(
			'Item 1: "Address ID" matches no address',
		);
	});

	test('delete removes the address and answers deleted: true', async () => {
		const [added] = json(await runUmail(env, { resource: 'address', operation: 'add', contactList: byId(listId), email: 'gone@example.com' }));
		const out = json(await runUmail(env, { resource: 'address', operation: 'delete', addressId: added.id as string }));
		expect(out).toEqual([{ deleted: true, id: added.id }]);
		expect(env.control.log.at(-1)).toMatchObject({ do: 'ml-addr-del', query: expect.objectContaining({ id: added.id }) });
		expect(listOf(env, listId).addrs.has('gone@example.com')).toBe(false);
		await expect(runUmail(env, { resource: 'address', operation: 'delete', addressId: added.id as string })).rejects.toThrow(/not_exist/);
	});

	test('import file uploads the binary as field "file", waits, and reports the counts', async () => {
		const rows = 'imp1@example.com;Imp One;M;1980-05-06;135;北京;a;b\nimp2@example.com;Imp Two\nbroken-address;x\nimp1@example.com;again\n';
		const items = [
			{ json: {}, binary: { data: { data: Buffer.from(rows).toString('base64'), mimeType: 'text/plain', fileName: 'crm.txt' } } },
		];
		const [out] = json(
			await whileClockRuns(env, async () =>
				await runUmail(env, { resource: 'address', operation: 'importFile', contactList: byId(listId), source: 'binary', binaryPropertyName: 'data', wait: true, maxWait: 60 }, { items }),
			),
		);
		const upload = env.control.log.find((entry) => entry.do === 'ml-addr-add-file');
		expect(upload).toMatchObject({ method: 'POST', query: expect.objectContaining({ list_id: listId }) });
		expect(upload?.body.file).toEqual({ filename: 'crm.txt', size: Buffer.byteLength(rows) });
		expect(out).toMatchObject({
			importId: expect.stringMatching(/^\d+$/),
			contactListId: listId,
			status: 'success',
			status_label: 'parsed',
			counts: { total: 4, invalid: 1, duplicate: 1, added: 2, status: '1', status_label: 'success' },
		});
		const list = listOf(env, listId);
		expect(list.addrs.get('imp1@example.com')).toMatchObject({ fullname: 'Imp One', sex: 'M', birthday: '1980-05-06', area: '北京' });
		expect(list.addrs.get('imp1@example.com').vars.slice(0, 2)).toEqual(['a', 'b']);
	});

	test('import file from text without waiting returns the import id; get import status follows it', async () => {
		const [out] = json(
			await runUmail(env, { resource: 'address', operation: 'importFile', contactList: byId(listId), source: 'text', rows: 'txt@example.com;Text' }),
		);
		expect(out).toEqual({ importId: expect.stringMatching(/^\d+$/), contactListId: listId, fileName: 'contacts.txt' });
		expect(env.control.log).toHaveLength(1);

		const status = async () =>
			json(await runUmail(env, { resource: 'address', operation: 'getImportStatus', importId: out.importId as string }))[0];
		expect(await status()).toMatchObject({ importId: out.importId, status: 'no_complete', status_label: 'still parsing' });
		env.control.clock.advance(env.control.timing.importParseMs);
		expect(await status()).toMatchObject({ status: 'success', status_label: 'parsed' });
		expect(env.control.log.at(-1)).toMatchObject({ do: 'ml-addr-add-file-query', query: expect.objectContaining({ id: out.importId }) });

		// an id U-Mail does not know (it answers not_exist) fails, naming the id; with Continue On Fail the item says so
		const missing = { resource: 'address', operation: 'getImportStatus', importId: '99999999' };
		await expect(runUmail(env, missing)).rejects.toThrow('Address → Get Import Status: U-Mail knows no file import with ID 99999999');
		expect(env.control.log.at(-1)).toMatchObject({ resultStatus: 'not_exist' });
		const [failed] = json(await runUmail(env, missing, { continueOnFail: true }));
		expect(failed.error).toBe('Address → Get Import Status: U-Mail knows no file import with ID 99999999');
		await expect(runUmail(env, { resource: 'address', operation: 'getImportStatus', importId: 'abc' })).rejects.toThrow(
			'"Import ID" must be a numeric ID, got "abc"',
		);
	});

	test('import file without a binary field fails before any request', async () => {
		await expect(
			runUmail(env, { resource: 'address', operation: 'importFile', contactList: byId(listId), source: 'binary', binaryPropertyName: 'data' }),
		).rejects.toThrow(/data/);
		expect(env.control.log).toHaveLength(0);
	});

	test('get import history lists imports with counts and a status label', async () => {
		await runUmail(env, { resource: 'address', operation: 'importFile', contactList: byId(listId), source: 'text', rows: 'h1@example.com\nbad\n' });
		env.control.clock.advance(env.control.timing.importParseMs);
		env.control.clearLog();
		const history = json(await runUmail(env, { resource: 'address', operation: 'getImportHistory', returnAll: true }));
		expect(env.control.log[0]).toMatchObject({ do: 'ml-addr-add-log' });
		const subject = listOf(env, listId).subject;
		const mine = history.find((entry) => entry.subject === subject);
		expect(mine).toMatchObject({ filename: 'contacts.txt', count_all: '2', count_err_1: '1', count_err_2: '0', status: '1', status_label: 'success' });
		const one = await runUmail(env, { resource: 'address', operation: 'getImportHistory', returnAll: false, limit: 1 });
		expect(one).toHaveLength(1);
	});
});
