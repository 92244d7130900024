/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
import { type INodeParameters, NodeApiError } from 'n8n-workflow';

import { transportSettings } from '../../nodes/Umail/shared/transport';
import { start, type Emulator } from '../emulator';
import { byId, json, runUmail } from '../nodes/Umail/setup';
import { reset, resultXml, send, useFakeServer, xml } from './fakeServer';

const GET: INodeParameters = { resource: 'contactList', operation: 'get', contactList: byId('42') };
const POST: INodeParameters = { resource: 'contactList', operation: 'create', name: 'Newsletter', status: 'enabled' };
const LIST = xml('<maillist>\n  <id>42</id>\n  <subject><![CDATA[会员]]></subject>\n  <count>007</count>\n</maillist>');
const CREATED = resultXml('success', '78');

const server = useFakeServer();

async function failure(parameters: INodeParameters): Promise<NodeApiError> {
	const error = await runUmail(server, parameters).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

/** Fails the first `failures` requests with `fail`, then answers `body`. */
function failThen(failures: number, fail: (res: import('node:http').ServerResponse) => void, body: string) {
	server.reply = (res, _seen, n) => (n <= failures ? fail(res) : send(res, body));
}

const http500 = (res: import('node:http').ServerResponse) => send(res, '<html><body>500</body></html>', 500, 'text/html');

describe('reads are retried', () => {
	test('a GET succeeds after one 5xx: two requests', async () => {
		failThen(1, http500, LIST);
		expect(json(await runUmail(server, GET))).toEqual([{ id: '42', subject: '会员', count: '007' }]);
		expect(server.seen).toHaveLength(2);
		expect(server.seen.every((seen) => seen.method === 'GET' && seen.query.get('do') === 'maillist-detail')).toBe(true);
	});

	test('a GET succeeds after one connection reset: two requests', async () => {
		failThen(1, reset, LIST);
		expect(json(await runUmail(server, GET))).toEqual([{ id: '42', subject: '会员', count: '007' }]);
		expect(server.seen).toHaveLength(2);
	});

	test('a GET succeeds after two resets with readAttempts 3', async () => {
		failThen(2, reset, LIST);
		await runUmail(server, GET);
		expect(server.seen).toHaveLength(3);
	});

	test.each([1, 2, 4])('a GET gives up after readAttempts = %i on 5xx', async (attempts) => {
		transportSettings.readAttempts = attempts;
		server.reply = http500;
		await failure(GET);
		expect(server.seen).toHaveLength(attempts);
	});

	test('a GET gives up after readAttempts on resets', async () => {
		server.reply = reset;
		await failure(GET);
		expect(server.seen).toHaveLength(3);
	});

	test('a GET that times out is asked again, readAttempts times', async () => {
		transportSettings.timeoutMs = 150;
		server.reply = () => undefined;
		const error = await failure(GET);
		expect(error.description).toMatch(/^Error code: (ETIMEDOUT|ECONNABORTED)$/);
		expect(server.seen).toHaveLength(3);
	});

	test('a GET that times out once, then answers', async () => {
		transportSettings.timeoutMs = 150;
		server.reply = (res, _seen, n) => (n === 1 ? undefined : send(res, LIST));
		expect(json(await runUmail(server, GET))[0].id).toBe('42');
		expect(server.seen).toHaveLength(2);
	});

	test('backoff doubles between attempts', async () => {
		transportSettings.backoffMs = 80;
		server.reply = http500;
		await failure(GET);
		const [first, second, third] = server.seen.map((seen) => seen.at);
		expect(second - first).toBeGreaterThanOrEqual(75);
		expect(third - second).toBeGreaterThanOrEqual(155);
	});

	test.each([
		['HTTP 400', (res: import('node:http').ServerResponse) => send(res, 'bad', 400, 'text/plain')],
		['HTTP 401', (res: import('node:http').ServerResponse) => send(res, 'no', 401, 'text/html')],
		['HTTP 404', (res: import('node:http').ServerResponse) => send(res, 'none', 404, 'text/html')],
		['a <result> error', (res: import('node:http').ServerResponse) => send(res, resultXml('not_exist', '不存在'))],
		['an HTML page', (res: import('node:http').ServerResponse) => send(res, '<!DOCTYPE html><html></html>', 200, 'text/html')],
		['a truncated answer', (res: import('node:http').ServerResponse) => send(res, LIST.slice(0, 60))],
	])('a GET is not retried on %s', async (_label, reply) => {
		server.reply = reply;
		await failure(GET);
		expect(server.seen).toHaveLength(1);
	});
});

describe('writes are never retried', () => {
	test.each([
		['HTTP 500', http500],
		['HTTP 503', (res: import('node:http').ServerResponse) => send(res, '', 503, 'text/html')],
		['a connection reset', reset],
	])('a POST that meets %s is sent once', async (_label, reply) => {
		server.reply = reply;
		await failure(POST);
		expect(server.seen).toHaveLength(1);
		expect(server.seen[0].method).toBe('POST');
	});

	test('a POST that times out is sent once', async () => {
		transportSettings.timeoutMs = 150;
		server.reply = () => undefined;
		await failure(POST);
		expect(server.seen).toHaveLength(1);
	});

	test('a POST failing once is not sent again even when the next answer would succeed', async () => {
		failThen(1, http500, CREATED);
		await failure(POST);
		expect(server.seen).toHaveLength(1);
	});
});

describe('UTF-8 round trip', () => {
	const CHINESE = '会员 Newsletter 「十一月」 한국어 Ñandú ✓ 😀 & = + % ;';

	test('query string: a keyword in Chinese arrives decoded', async () => {
		server.reply = (res, seen) => send(res, xml(`<data><addr><address>${seen.query.get('keyword')}</address></addr></data>`));
		const [out] = json(
			await runUmail(server, { resource: 'address', operation: 'getMany', contactList: byId('7'), filters: { keyword: '会员-7' }, limit: 1, simplify: false }),
		);
		expect(server.seen[0].query.get('keyword')).toBe('会员-7');
		expect(out.address).toBe('会员-7');
	});

	test('form-urlencoded: Chinese fields arrive intact, declared UTF-8', async () => {
		server.reply = (res) => send(res, CREATED);
		await runUmail(server, { ...POST, name: CHINESE, description: '说明：第一行\n第二行' });
		const [seen] = server.seen;
		expect(seen.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded;\s*charset=utf-8$/i);
		const form = new URLSearchParams(seen.body.toString('utf8'));
		expect(form.get('subject')).toBe(CHINESE);
		expect(form.get('description')).toBe('说明：第一行\n第二行');
		expect(form.get('status')).toBe('enabled');
		// username and password never travel in the body or the query
		expect(form.has('password')).toBe(false);
		expect(seen.query.has('password')).toBe(false);
	});

	test('multipart: Chinese fields and a Chinese file name arrive intact, file bytes unchanged', async () => {
		server.reply = (res) => send(res, resultXml('success', '67'));
		const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xe4, 0xbc, 0x9a, 0x0d, 0x0a]);
		const items = [
			{
				json: {},
				binary: { data: { data: bytes.toString('base64'), mimeType: 'application/pdf', fileName: '报价单 2026.pdf' } },
			},
		];
		const [out] = json(
			await runUmail(
				server,
				{
					resource: 'template',
					operation: 'create',
					name: '十一月模板',
					subjects: ['主题一', '主题二'],
					content: '<p>你好，世界</p>',
					additionalFields: { attachments: 'data', textContent: '你好' },
				},
				{ items },
			),
		);
		expect(out.id).toBe('67');
		const [seen] = server.seen;
		const type = String(seen.headers['content-type']);
		expect(type).toMatch(/^multipart\/form-data; boundary=/);
		const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body: seen.body }).formData();
		expect(form.get('name')).toBe('十一月模板');
		expect(form.get('subject')).toBe('主题一|主题二');
		expect(form.get('content')).toBe('<p>你好，世界</p>');
		expect(form.get('text_content')).toBe('你好');
		const file = form.get('file') as File;
		expect(file.name).toBe('报价单 2026.pdf');
		expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
	});

	test('an answer split inside a multi-byte character decodes', async () => {
		server.reply = (res) => {
			const body = Buffer.from(LIST, 'utf8');
			const cut = body.indexOf(Buffer.from('会', 'utf8')) + 1;
			res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
			res.write(body.subarray(0, cut));
			setTimeout(() => res.end(body.subarray(cut)), 20);
		};
		expect(json(await runUmail(server, GET))[0].subject).toBe('会员');
	});

	test('an answer without a content type is still read as UTF-8 XML', async () => {
		server.reply = (res) => {
			res.writeHead(200);
			res.end(LIST);
		};
		expect(json(await runUmail(server, GET))[0].subject).toBe('会员');
	});
});

describe('against the emulator\'s fault injection', () => {
	let emulator: Emulator;
	let env: { credentials: { username: string; password: string; baseUrl: string } };
	let listId: number;

	beforeAll(async () => {
		emulator = await start({ seed: 7 });
		env = { credentials: { username: 'demo', password: 'demo-pass', baseUrl: emulator.url } };
		listId = emulator.control.createList('会员');
	});
	afterAll(async () => {
		await emulator.stop();
	});
	beforeEach(() => {
		emulator.control.faults.clear();
		emulator.control.clearLog();
	});

	const get = () => runUmail(env, { ...GET, contactList: byId(listId) });
	const create = () => runUmail(env, { ...POST, name: `列表 ${Date.now()}` });

	test('5xx then success on a read: two requests', async () => {
		emulator.control.faults.next('5xx');
		expect(json(await get())[0].subject).toBe('会员');
		expect(emulator.control.log.map((entry) => entry.status)).toEqual([500, 200]);
	});

	test('resets on every attempt of a read', async () => {
		emulator.control.faults.next('reset', 3);
		await expect(get()).rejects.toThrow(NodeApiError);
		expect(emulator.control.log.map((entry) => entry.fault)).toEqual(['reset', 'reset', 'reset']);
	});

	test('a reset on a write: one request', async () => {
		emulator.control.faults.next('reset', 3);
		await expect(create()).rejects.toThrow(NodeApiError);
		expect(emulator.control.log).toHaveLength(1);
	});

	test('an HTML error page with status 200', async () => {
		emulator.control.faults.next('html');
		await expect(get()).rejects.toThrow('The server sent an HTML page instead of an API answer to Contact List → Get (mloperate.php?do=maillist-detail)');
		expect(emulator.control.log).toHaveLength(1);
	});

	test('a truncated answer', async () => {
		emulator.control.faults.next('truncate');
		await expect(get()).rejects.toThrow('The server sent a truncated XML answer to Contact List → Get (mloperate.php?do=maillist-detail)');
	});

	test('a hung request times out, then the next attempt answers', async () => {
		transportSettings.timeoutMs = 200;
		emulator.control.faults.next('hang', 1, { hangMs: 2_000 });
		expect(json(await get())[0].subject).toBe('会员');
		expect(emulator.control.log.map((entry) => entry.status)).toEqual([-2, 200]);
	});
});
