/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not in n8n (README: Linting) */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { type INodeParameters, NodeApiError } from 'n8n-workflow';

import { transportSettings } from '../../nodes/Umail/shared/transport';
import { MAX_ERROR_TEXT } from '../../nodes/Umail/shared/errors';
import { start, type Emulator } from '../emulator';
import { byId, json, runUmail } from '../nodes/Umail/setup';
import { resultXml, send, useFakeServer, xml } from './fakeServer';

const GET: INodeParameters = { resource: 'contactList', operation: 'get', contactList: byId('42') };
const LIST = xml('<maillist>\n  <id>42</id>\n  <subject><![CDATA[会员]]></subject>\n</maillist>');

const server = useFakeServer();

async function failure(parameters: INodeParameters, credentials = server.credentials): Promise<NodeApiError> {
	const error = await runUmail(server, parameters, { credentials }).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('Retry-After', () => {
	test('a read answered 503 with Retry-After: 1 waits a second, then asks again', async () => {
		server.reply = (res, _seen, n) => {
			if (n > 1) return send(res, LIST);
			res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' });
			res.end('busy');
		};
		expect(json(await runUmail(server, GET))[0].id).toBe('42');
		expect(server.seen).toHaveLength(2);
		expect(server.seen[1].at - server.seen[0].at).toBeGreaterThanOrEqual(950);
	});

	test('a read answered 429 with Retry-After is asked again after it', async () => {
		server.reply = (res, _seen, n) => {
			if (n > 1) return send(res, LIST);
			res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' });
			res.end('slow down');
		};
		await runUmail(server, GET);
		expect(server.seen).toHaveLength(2);
		expect(server.seen[1].at - server.seen[0].at).toBeGreaterThanOrEqual(950);
	});

	test('a Retry-After beyond the bound is not waited for: the error says when to try again', async () => {
		server.reply = (res) => {
			res.writeHead(429, { 'retry-after': String(transportSettings.maxRetryAfterMs / 1000 + 1), 'content-type': 'text/plain' });
			res.end('slow down');
		};
		const error = await failure(GET);
		expect(error.message).toBe(
			`U-Mail answered Contact List → Get (mloperate.php?do=maillist-detail) with an error: HTTP 429 (too many requests): try again in ${transportSettings.maxRetryAfterMs / 1000 + 1} s (the server's Retry-After)`,
		);
		expect(server.seen).toHaveLength(1);
	});

	test('the waits of one read are capped in total', async () => {
		transportSettings.readAttempts = 10;
		transportSettings.maxTotalWaitMs = 1500;
		server.reply = (res) => {
			res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' });
			res.end('busy');
		};
		const error = await failure(GET);
		expect(error.message).toMatch(/HTTP 503: try again in 1 s/);
		expect(server.seen).toHaveLength(2);
	});

	test('a write answered 429 is not asked again; the message says when to try again', async () => {
		server.reply = (res) => {
			res.writeHead(429, { 'retry-after': '5', 'content-type': 'text/plain' });
			res.end('slow down');
		};
		const error = await failure({ resource: 'contactList', operation: 'create', name: 'N', status: 'enabled' });
		expect(error.message).toMatch(/HTTP 429 \(too many requests\): try again in 5 s/);
		expect(server.seen).toHaveLength(1);
	});
});

describe('answers of another shape are errors naming the operation', () => {
	test('Get Send Log (JSON) answered with XML records', async () => {
		server.reply = (res) => send(res, xml('<lists><item><mail_to>a@example.com</mail_to></item><item><mail_to>b@example.com</mail_to></item></lists>'));
		const error = await failure({ resource: 'statistics', operation: 'getSendLog', date: '2026-11-02', returnAll: true });
		expect(error.message).toMatch(/^The server sent XML <lists> where JSON was expected to Statistic → Get Send Log/);
	});

	test('Contact List → Get Many answered <error>', async () => {
		server.reply = (res) => send(res, xml('<error><code>maintenance</code><message>系统维护中</message></error>'));
		const error = await failure({ resource: 'contactList', operation: 'getMany', returnAll: true });
		expect(error.message).toBe('U-Mail refused Contact List → Get Many (mloperate.php?do=maillist-list): maintenance (系统维护中)');
	});

	test('Contact List → Get Many answered another root', async () => {
		server.reply = (res) => send(res, xml('<task_list><task><id>1</id></task></task_list>'));
		const error = await failure({ resource: 'contactList', operation: 'getMany', returnAll: true });
		expect(error.message).toMatch(/^The server sent XML <task_list> where <maillist> was expected to Contact List → Get Many/);
	});
});

describe('§4.8.1 Add with return_id=1', () => {
	const ADD: INodeParameters = { resource: 'address', operation: 'add', contactList: byId('7'), email: 'a@example.com' };

	test('an <id> element is the new address id, not the <data> message or count', async () => {
		server.reply = (res) => send(res, xml('<result><status>success</status><id>9051</id><data><![CDATA[1]]></data></result>'));
		expect(json(await runUmail(server, ADD))[0]).toEqual({ id: '9051', email: 'a@example.com', contactListId: '7' });
		expect(server.seen[0].body.toString()).toMatch(/(^|&)return_id=1(&|$)/);
	});

	test('a <data> that is no id gives id null, not a message', async () => {
		server.reply = (res) => send(res, resultXml('success', '添加地址成功'));
		expect(json(await runUmail(server, ADD))[0].id).toBeNull();
	});
});

describe('error texts are capped', () => {
	test('a status with 1 MB of text gives a message and description of a few KB', async () => {
		server.reply = (res) => send(res, resultXml('error', 'x'.repeat(1_000_000)));
		const error = await failure(GET);
		expect(error.message.length).toBeLessThan(MAX_ERROR_TEXT + 100);
		expect(String(error.description).length).toBeLessThan(MAX_ERROR_TEXT + 100);
		expect(error.message).toMatch(/more characters not shown\)$/);
		expect(JSON.stringify(error.errorResponse).length).toBeLessThan(4 * MAX_ERROR_TEXT);
	});
});

describe('redirects', () => {
	let other: http.Server;
	let otherUrl = '';
	const seenThere: http.IncomingHttpHeaders[] = [];
	beforeAll(async () => {
		other = http.createServer((req, res) => {
			seenThere.push(req.headers);
			send(res, LIST);
		});
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => other.close(() => resolve())));

	test('a 302 to another origin does not carry the credentials there', async () => {
		seenThere.length = 0;
		server.reply = (res, seen) => {
			res.writeHead(302, { location: `${otherUrl}${seen.path}?do=maillist-detail&id=42` });
			res.end();
		};
		await runUmail(server, GET).catch(() => undefined);
		expect(server.seen[0].headers.authorization).toMatch(/^Basic /);
		expect(seenThere).toHaveLength(1);
		expect(seenThere[0].authorization).toBeUndefined();
	});

	test('a 302 within the same origin keeps them', async () => {
		server.reply = (res, seen, n) => {
			if (n > 1) return send(res, LIST);
			res.writeHead(302, { location: `${seen.path}?do=maillist-detail&id=42&moved=1` });
			res.end();
		};
		expect(json(await runUmail(server, GET))[0].id).toBe('42');
		expect(server.seen[1].headers.authorization).toBe(server.seen[0].headers.authorization);
	});
});

describe('a connection reset in the middle of a read answer (emulator fault "cut")', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await start({ seed: 3, demoData: true });
	});
	afterAll(async () => await emulator.stop());
	const credentials = () => ({ username: 'demo', password: 'demo-pass', baseUrl: emulator.url });

	test('an ordinary read is asked again and succeeds', async () => {
		emulator.control.clearLog();
		emulator.control.faults.next('cut', 1, { only: (entry) => entry.do === 'maillist-list' });
		const lists = json(await runUmail(server, { resource: 'contactList', operation: 'getMany', returnAll: true }, { credentials: credentials() }));
		expect(lists.length).toBe(2);
		expect(emulator.control.log.filter((entry) => entry.do === 'maillist-list').map((entry) => entry.fault)).toEqual(['cut', null]);
	});

	test('a streamed read is asked again and gives every record once', async () => {
		const listId = emulator.control.createList('Streamed');
		emulator.control.seedAddresses(listId, 3000);
		emulator.control.clearLog();
		emulator.control.faults.next('cut', 1, { only: (entry) => entry.do === 'ml-addr-list' });
		const addresses = json(
			await runUmail(server, { resource: 'address', operation: 'getMany', contactList: byId(listId), returnAll: true }, { credentials: credentials() }),
		);
		expect(addresses).toHaveLength(3000);
		expect(new Set(addresses.map((a) => a.address)).size).toBe(3000);
		expect(emulator.control.log.filter((entry) => entry.do === 'ml-addr-list').map((entry) => entry.fault)).toEqual(['cut', null]);
	});

	test('a write whose answer is cut is not sent again', async () => {
		emulator.control.clearLog();
		emulator.control.faults.next('cut', 1, { only: (entry) => entry.do === 'maillist-add' });
		await expect(
			runUmail(server, { resource: 'contactList', operation: 'create', name: 'Cut', status: 'enabled' }, { credentials: credentials() }),
		).rejects.toThrow();
		expect(emulator.control.log.filter((entry) => entry.do === 'maillist-add')).toHaveLength(1);
	});
});
