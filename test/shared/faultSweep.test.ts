/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
import type { ServerResponse } from 'node:http';
import * as zlib from 'node:zlib';

import { type INodeParameters, NodeApiError } from 'n8n-workflow';

import { transportSettings } from '../../nodes/Umail/shared/transport';
import { byId, runUmail } from '../nodes/Umail/setup';
import { reset, resultXml, send, useFakeServer, xml, XML_TYPE } from './fakeServer';

/**
 * Every kind of failure the transport knows, through the node in n8n-core: each gives a message that names the
 * operation and a description, neither empty, neither holding the password.
 */

const server = useFakeServer({ timeoutMs: 300, readAttempts: 1 });

const GET = { params: { resource: 'contactList', operation: 'get', contactList: byId('42') }, label: 'Contact List → Get' };
const CREATE = { params: { resource: 'contactList', operation: 'create', name: 'N', status: 'enabled' }, label: 'Contact List → Create' };
const LISTS = { params: { resource: 'contactList', operation: 'getMany', returnAll: true }, label: 'Contact List → Get Many' };
const SEND_LOG = { params: { resource: 'statistics', operation: 'getSendLog', date: '2026-11-02' }, label: 'Statistic → Get Send Log' };
const ADDRESSES = {
	params: { resource: 'address', operation: 'getMany', scope: 'list', contactList: byId('5'), returnAll: true },
	label: 'Address → Get Many',
};

type Call = { params: INodeParameters; label: string };
type Fault = [name: string, call: Call, reply: (res: ServerResponse) => void, before?: () => void];

const LIST = xml('<maillist><id>42</id></maillist>');
const STREAM_HEAD = xml('<data>\n<addr><id>1</id></addr>\n');

function drip(res: ServerResponse, text: string, everyMs: number) {
	res.writeHead(200, { 'content-type': XML_TYPE });
	let at = 0;
	const next = () => {
		if (res.destroyed || at >= text.length) return void res.end();
		res.write(text[at++], () => setTimeout(next, everyMs));
	};
	next();
}

function gzipped(res: ServerResponse, text: string) {
	res.writeHead(200, { 'content-type': XML_TYPE, 'content-encoding': 'gzip' });
	res.end(zlib.gzipSync(text));
}

const FAULTS: Fault[] = [
	['HTTP 401', GET, (res) => send(res, '', 401, 'text/html')],
	['HTTP 403 with a page', GET, (res) => send(res, '<html>Forbidden</html>', 403, 'text/html')],
	['HTTP 404, empty', GET, (res) => send(res, '', 404, 'text/plain')],
	['HTTP 500 on a write', CREATE, (res) => send(res, 'Fatal error', 500, 'text/plain')],
	['HTTP 503 on a read', GET, (res) => send(res, '', 503, 'text/plain')],
	['HTTP 429 with a far Retry-After', GET, (res) => {
		res.writeHead(429, { 'retry-after': '3600', 'content-type': 'text/plain' });
		res.end();
	}],
	['connection reset', GET, reset],
	['connection refused', GET, () => undefined, () => (server.credentials = { ...server.credentials, baseUrl: 'http://127.0.0.1:1/mm-ms/apinew' })],
	['no answer at all', GET, () => undefined],
	['an HTML page', GET, (res) => send(res, '<!DOCTYPE html><html><body>Login</body></html>', 200, 'text/html')],
	['an empty 200', GET, (res) => send(res, '')],
	['XML cut off', GET, (res) => send(res, LIST.slice(0, 30))],
	['not XML at all', GET, (res) => send(res, 'Warning: mysql_connect() failed', 200, 'text/plain')],
	['a refused status', GET, (res) => send(res, resultXml('error', ''))],
	['an <error> answer', GET, (res) => send(res, xml('<error><code>500</code></error>'))],
	['another root', LISTS, (res) => send(res, xml('<task><id>1</id></task>'))],
	['JSON that cannot be read', SEND_LOG, (res) => send(res, '{"lists": [', 200, 'application/json')],
	['XML where JSON was expected', SEND_LOG, (res) => send(res, xml('<task><id>1</id></task>'))],
	['too big once inflated', GET, (res) => gzipped(res, `${LIST}<!-- ${'x'.repeat(64 * 1024)} -->`), () => (transportSettings.smallAnswerBytes = 32 * 1024)],
	['too slow', GET, (res) => drip(res, LIST, 40)],
	['stalled', GET, (res) => drip(res, LIST.padEnd(64 * 1024, ' ') + LIST, 1_000)],
	['an unknown charset', GET, (res) => send(res, LIST, 200, 'text/xml; charset=x-klingon')],
	['streamed: an HTML page', ADDRESSES, (res) => send(res, '<html><body>502 Bad Gateway</body></html>', 200, 'text/html')],
	['streamed: cut off', ADDRESSES, (res) => send(res, STREAM_HEAD)],
	['streamed: reset in the middle', ADDRESSES, (res) => {
		res.writeHead(200, { 'content-type': XML_TYPE });
		res.write(STREAM_HEAD, () => res.socket?.destroy());
	}],
	['streamed: too big once inflated', ADDRESSES, (res) => gzipped(res, STREAM_HEAD + '<addr><id>2</id></addr>\n'.repeat(80_000) + '</data>'), () => {
		server.credentials = { ...server.credentials, maxAnswerMb: 1 };
	}],
	['streamed: too slow', ADDRESSES, (res) => drip(res, `${STREAM_HEAD}</data>`, 40)],
	['streamed: an unknown charset', ADDRESSES, (res) => send(res, `${STREAM_HEAD}</data>`, 200, 'text/xml; charset=x-klingon')],
];

describe('no empty error', () => {
	let credentials = server.credentials;
	beforeEach(() => (credentials = server.credentials));
	afterEach(() => (server.credentials = credentials));

	test.each(FAULTS.map(([name, call, reply, before]) => ({ name, call, reply, before })))('$name', async ({ call, reply, before }) => {
		before?.();
		server.reply = reply;
		const error = await runUmail(server, call.params).then(
			() => undefined,
			(thrown: unknown) => thrown,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		const { message, description } = error as NodeApiError;
		expect(message).toContain(call.label);
		expect(message.trim().length).toBeGreaterThan(call.label.length + 10);
		expect(String(description ?? '').trim()).not.toBe('');
		expect(`${message} ${description}`).not.toContain('demo-pass');
	});
});
