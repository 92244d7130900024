/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
import type { ServerResponse } from 'node:http';

import { type INodeParameters, NodeApiError } from 'n8n-workflow';

import { decodeXml } from '../../nodes/Umail/shared/answers';
import { byId, json, runUmail } from '../nodes/Umail/setup';
import { send, useFakeServer, xml, XML_TYPE } from './fakeServer';
import { openUser } from './streamCases';

// Get Opens asks for its answer streamed (stream: { records: 'data.user' })
const OPENS: INodeParameters = { resource: 'tracking', operation: 'getOpens', selectBy: 'task', task: byId('7'), returnAll: true, simplify: false };
const BODY = xml(`<data>\n${Array.from({ length: 3000 }, (_, i) => openUser(i)).join('')}</data>\n`);
const RECORDS = (decodeXml(BODY, ['data.user']).data as { user: unknown[] }).user;

const server = useFakeServer();

/** Writes `body` in small pieces without a length, as a big answer arrives; stops after `upTo` bytes if given. */
function trickle(res: ServerResponse, body: string, upTo?: number, then: 'end' | 'reset' = 'end', pauseMs = 0) {
	const bytes = Buffer.from(body, 'utf8');
	const stop = upTo ?? bytes.length;
	res.writeHead(200, { 'content-type': XML_TYPE });
	let at = 0;
	const next = () => {
		if (at >= stop) {
			if (then === 'reset') res.socket?.destroy();
			else res.end();
			return;
		}
		if (res.destroyed) return;
		res.write(bytes.subarray(at, Math.min(stop, at + 7000)), () => setTimeout(next, pauseMs));
		at += 7000;
	};
	next();
}

async function failure(): Promise<NodeApiError> {
	const error = await runUmail(server, OPENS).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('a streamed answer (Get Opens)', () => {
	test('arriving in pieces: every record, one request', async () => {
		server.reply = (res) => trickle(res, BODY);
		expect(json(await runUmail(server, OPENS))).toEqual(RECORDS);
		expect(server.seen).toHaveLength(1);
	});

	test('another element between records: decoded in the stream, same records, one request', async () => {
		const odd = BODY.replace('</user>\n', '</user>\n<note>between records</note>\n');
		server.reply = (res) => trickle(res, odd);
		const items = json(await runUmail(server, OPENS));
		expect(items).toEqual((decodeXml(odd, ['data.user']).data as { user: unknown[] }).user);
		expect(items).toHaveLength(3000);
		expect(server.seen).toHaveLength(1);
	});

	test('a comment inside the answer (read by decodeXml in its own way): asked again and decoded whole, same records', async () => {
		const odd = BODY.replace('</user>\n', '</user>\n<!-- page 2 -->\n');
		server.reply = (res) => trickle(res, odd);
		const items = json(await runUmail(server, OPENS));
		expect(items).toEqual((decodeXml(odd, ['data.user']).data as { user: unknown[] }).user);
		expect(items).toHaveLength(3000);
		expect(server.seen).toHaveLength(2);
	});

	test('a connection reset halfway: the read is retried and every record arrives', async () => {
		server.reply = (res, _seen, n) => (n === 1 ? trickle(res, BODY, BODY.length / 2, 'reset') : trickle(res, BODY));
		expect(json(await runUmail(server, OPENS))).toEqual(RECORDS);
		expect(server.seen).toHaveLength(2);
	});

	test('with a Limit: those records, and the rest of the answer is never sent', async () => {
		let closedEarly: boolean | undefined;
		server.reply = (res) => {
			res.on('close', () => (closedEarly = !res.writableFinished));
			trickle(res, BODY, undefined, 'end', 20);
		};
		const items = json(await runUmail(server, { ...OPENS, returnAll: false, limit: 10 }));
		expect(items).toEqual(RECORDS.slice(0, 10));
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(closedEarly).toBe(true);
		expect(server.seen).toHaveLength(1);
	});

	test('cut off and closed cleanly: a clear error, no partial list', async () => {
		server.reply = (res) => trickle(res, BODY, BODY.length / 2);
		const error = await failure();
		expect(error.message).toMatch(/truncated/i);
	});

	test('an API error answer instead of records: the API\'s message', async () => {
		server.reply = (res) => send(res, xml('<result><status>param_error</status><data><![CDATA[id 参数错误]]></data></result>'));
		const error = await failure();
		expect(`${error.message} ${error.description}`).toMatch(/参数错误|param_error/);
	});
});

describe('a streamed JSON export (Export Failed Addresses)', () => {
	const EXPORT: INodeParameters = { resource: 'statistics', operation: 'exportFailedAddresses', failureType: '-1', selectBy: 'batchNumber', batchNumber: '20260302-362-F9B1E5', output: 'items' };
	const addresses = Array.from({ length: 5000 }, (_, i) => `bounce${i}@example.com`);

	test('arriving in pieces: one item per address, one request', async () => {
		server.reply = (res) => {
			res.setHeader('content-type', 'application/json; charset=utf-8');
			trickle(res, JSON.stringify(addresses));
		};
		expect(json(await runUmail(server, EXPORT))).toEqual(addresses.map((email) => ({ email })));
		expect(server.seen).toHaveLength(1);
		expect(server.seen[0].query.get('out_type')).toBe('json');
	});

	test('refused with an XML <result>: the API\'s message', async () => {
		server.reply = (res) => send(res, xml('<result><status>param_error</status><data><![CDATA[task_ident 参数错误]]></data></result>'));
		const error = await runUmail(server, EXPORT).catch((thrown: unknown) => thrown as NodeApiError);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(`${(error as NodeApiError).message} ${(error as NodeApiError).description}`).toMatch(/task_ident 参数错误/);
	});

	test('cut off: a clear error', async () => {
		server.reply = (res) => trickle(res, JSON.stringify(addresses), 30_000);
		const error = await runUmail(server, EXPORT).catch((thrown: unknown) => thrown as NodeApiError);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toMatch(/JSON that cannot be read/);
	});
});
