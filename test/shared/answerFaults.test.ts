import { type INodeParameters, NodeApiError } from 'n8n-workflow';

import { transportSettings } from '../../nodes/Umail/shared/transport';
import { byId, json, runUmail, useEmulator } from '../nodes/Umail/setup';

/**
 * The emulator's broken-server answers (test/emulator/answerFaults.js) through the node in n8n-core: trickles, legacy
 * charsets, gzip; and a big healthy answer under tight time bounds.
 */

const env = useEmulator();
const saved = { ...transportSettings };

let listId = 0;
let contactList: INodeParameters;
let addresses: INodeParameters;
let fewAddresses: INodeParameters;
const NAME = '会员中心（北京）';

beforeAll(() => {
	listId = env.control.createList(NAME);
	env.control.seedAddresses(listId, 10_000);
	contactList = { resource: 'contactList', operation: 'get', contactList: byId(listId) };
	addresses = { resource: 'address', operation: 'getMany', scope: 'list', contactList: byId(listId), returnAll: true, simplify: false };
	const few = env.control.createList('few');
	env.control.seedAddresses(few, 30);
	fewAddresses = { ...addresses, contactList: byId(few) };
});

beforeEach(() => {
	env.control.faults.clear();
	env.control.setCharset(null);
	env.control.setGzip(false);
	env.control.clearLog();
	Object.assign(transportSettings, saved, { timeoutMs: 500, backoffMs: 5, readAttempts: 2, minBytesPerSecond: 64 * 1024 });
});

afterAll(() => Object.assign(transportSettings, saved));

async function failure(parameters: INodeParameters): Promise<NodeApiError> {
	const error = await runUmail(env, parameters).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('trickling answers', () => {
	test('Contact List → Get trickling a byte every 50 ms fails in about the timeout; the read is asked again once', async () => {
		env.control.faults.next('trickle', 2, { everyMs: 50 });
		const started = Date.now();
		const error = await failure(contactList);
		expect(Date.now() - started).toBeLessThan(4_000);
		expect(error.message).toMatch(/^The answer to Contact List → Get \(mloperate\.php\?do=maillist-detail\) came too slowly: \d+ bytes in \d\.\d s$/);
		expect(env.control.log.map((entry) => entry.fault)).toEqual(['trickle', 'trickle']);
	});

	test('Address → Get Many (Return All, streamed) trickling a record at a time fails the same way', async () => {
		env.control.faults.next('trickle', 2, { pieceBytes: 300, everyMs: 50 });
		const error = await failure(fewAddresses);
		expect(error.message).toMatch(/^The answer to Address → Get Many \(mloperate\.php\?do=ml-addr-list\) came too slowly/);
		expect(env.control.log).toHaveLength(2);
	});

	test('a write that trickles is sent once', async () => {
		env.control.faults.next('trickle', 1, { everyMs: 50 });
		const error = await failure({ resource: 'contactList', operation: 'create', name: 'Trickled', status: 'enabled' });
		expect(error.message).toMatch(/^The answer to Contact List → Create .* came too slowly/);
		expect(env.control.log).toHaveLength(1);
	});

	test('a trickle that ends within the bound is read: one call', async () => {
		env.control.faults.next('trickle', 1, { pieceBytes: 64, everyMs: 5 });
		expect(json(await runUmail(env, contactList))[0]).toMatchObject({ id: String(listId), subject: NAME });
		expect(env.control.log).toHaveLength(1);
	});
});

describe('a big healthy answer under tight bounds', () => {
	test('10,000 addresses (about 6 MB), streamed, under a 2 s timeout: all read, one call', async () => {
		// (test/shared/bounds.test.ts paces a big answer well past its timeout; here the emulator sends at its speed)
		Object.assign(transportSettings, { timeoutMs: 2_000, minBytesPerSecond: 256 * 1024 });
		const items = json(await runUmail(env, addresses));
		expect(items).toHaveLength(10_000);
		expect(env.control.log).toHaveLength(1);
	});
});

describe('legacy charsets declared by the server', () => {
	test.each([
		['GBK', NAME],
		['GB18030', NAME],
		['Big5', '會員中心（臺北）'],
	])('%s: Contact List → Get gives the name right', async (charset, name) => {
		const id = env.control.createList(name);
		env.control.setCharset(charset);
		const [list] = json(await runUmail(env, { resource: 'contactList', operation: 'get', contactList: byId(id) }));
		expect(list).toMatchObject({ id: String(id), subject: name });
	});

	test('GBK, gzip-compressed, streamed: Address → Get Many reads every address', async () => {
		// the emulator builds a converted answer whole before its headers
		transportSettings.timeoutMs = 20_000;
		env.control.setCharset('GBK');
		env.control.setGzip(true);
		const id = env.control.createList('GBK');
		env.control.seedAddresses(id, 2_000);
		const items = json(await runUmail(env, { ...addresses, contactList: byId(id) }));
		expect(items).toHaveLength(2_000);
		expect(new Set(items.map((item) => item.list_id))).toEqual(new Set([String(id)]));
	});
});
