/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
import type { ServerResponse } from 'node:http';
import * as zlib from 'node:zlib';

import { type INodeParameters, NodeApiError } from 'n8n-workflow';

import { transportSettings } from '../../nodes/Umail/shared/transport';
import { byId, json, runUmail } from '../nodes/Umail/setup';
import { useFakeServer, xml, XML_TYPE } from './fakeServer';

/** Answers are bounded in size (after decompression) and in time (nodes/Umail/shared/bounds.ts). */

const server = useFakeServer();
const MB = 1024 * 1024;

// a whole answer, declared small (16 MB)
const INFO: INodeParameters = { resource: 'account', operation: 'getInfo' };
// a list read whole, bounded by the credential's Max Answer Size
const LISTS: INodeParameters = { resource: 'contactList', operation: 'getMany', returnAll: true };
// a streamed list
const ADDRESSES: INodeParameters = { resource: 'address', operation: 'getMany', scope: 'list', contactList: byId('5'), returnAll: true, simplify: false };
const CREATE: INodeParameters = { resource: 'contactList', operation: 'create', name: 'N', status: 'enabled' };

const INFO_XML = xml('<customer><id>1001</id><company><![CDATA[某某科技有限公司]]></company></customer>');
const addr = (i: number) => `<addr><id>${i}</id><list_id>5</list_id><address>user${i}@example.com</address><fullname><![CDATA[用户 ${i}]]></fullname></addr>\n`;
const addresses = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => addr(from + i)).join('');

async function failure(parameters: INodeParameters, credentials = server.credentials): Promise<NodeApiError> {
	const error = await runUmail(server, parameters, { credentials }).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

/**
 * gzip members of `text` repeated `times` times (a valid gzip stream: members may follow each other), so a few hundred
 * KB on the wire inflate to `times × text` without the test ever holding that.
 */
function bomb(head: string, text: string, times: number): Buffer {
	const member = zlib.gzipSync(Buffer.from(text.repeat(Math.ceil((8 * MB) / text.length))));
	return Buffer.concat([zlib.gzipSync(head), ...Array.from({ length: times }, () => member)]);
}

/** Headers at once, then `pieces` one after another, `everyMs` apart (the connection stays open while they come). */
function drip(res: ServerResponse, pieces: Array<string | Buffer>, everyMs: number, headers: Record<string, string> = {}) {
	res.writeHead(200, { 'content-type': XML_TYPE, ...headers });
	let at = 0;
	const next = () => {
		if (res.destroyed) return;
		if (at >= pieces.length) return void res.end();
		res.write(pieces[at++], () => setTimeout(next, everyMs));
	};
	next();
}

/** Peak RSS growth while `work` runs, sampled every 10 ms. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
	const before = process.memoryUsage().rss;
	let peak = before;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
	try {
		const result = await work();
		return { result, growthMb: (Math.max(peak, process.memoryUsage().rss) - before) / MB };
	} finally {
		clearInterval(timer);
	}
}

describe('size: counted after decompression, memory bounded while it is', () => {
	// 1 GB once inflated, about 1 MB on the wire
	const GZIP_BOMB = bomb(`<?xml version="1.0" encoding="UTF-8"?>\n<data>\n`, addr(1), 128);
	// for the streamed decoder: records, then whitespace it reads quickly (records would take seconds under jest)
	const STREAM_BOMB = bomb(`<?xml version="1.0" encoding="UTF-8"?>\n<data>\n${addresses(0, 100)}`, ' '.repeat(1024), 128);

	beforeAll(() => expect(Math.max(GZIP_BOMB.length, STREAM_BOMB.length)).toBeLessThan(4 * MB));

	test('a compressed bomb on a small answer fails at the 16 MB bound, naming the operation, memory bounded', async () => {
		server.reply = (res) => {
			res.writeHead(200, { 'content-type': XML_TYPE, 'content-encoding': 'gzip' });
			res.end(GZIP_BOMB);
		};
		const { result: error, growthMb } = await peakGrowth(async () => await failure(INFO));
		expect(error.message).toBe('The answer to Account → Get Info (account.php?do=customer-info) is larger than the limit of 16 MB (counted after decompression)');
		expect(error.description).toMatch(/^Reading stopped after 16(\.\d)? MB\. This operation answers with one record/);
		expect(growthMb).toBeLessThan(100);
		// not asked again: the same answer would come again
		expect(server.seen).toHaveLength(1);
	});

	test('a compressed bomb on a streamed list stops at the credential\'s Max Answer Size', async () => {
		server.reply = (res) => {
			res.writeHead(200, { 'content-type': XML_TYPE, 'content-encoding': 'gzip' });
			res.end(STREAM_BOMB);
		};
		const { result: error, growthMb } = await peakGrowth(async () => await failure(ADDRESSES, { ...server.credentials, maxAnswerMb: 2 }));
		expect(error.message).toBe('The answer to Address → Get Many (mloperate.php?do=ml-addr-list) is larger than the limit of 2 MB (counted after decompression)');
		expect(error.description).toMatch(/raise Max Answer Size in the U-Mail API credential/);
		expect(growthMb).toBeLessThan(100);
	});

	test('a list read whole past Max Answer Size fails; under a raised one it is read', async () => {
		const item = (i: number) => `<item><id>${i}</id><subject><![CDATA[会员 ${i}]]></subject><count>0</count><status>1</status></item>\n`;
		const body = xml(`<maillist>\n${Array.from({ length: 15_000 }, (_, i) => item(i)).join('')}</maillist>\n`);
		expect(Buffer.byteLength(body)).toBeGreaterThan(1.2 * MB);
		server.reply = (res) => {
			res.writeHead(200, { 'content-type': XML_TYPE });
			res.end(body);
		};
		const error = await failure(LISTS, { ...server.credentials, maxAnswerMb: 1 });
		expect(error.message).toMatch(/^The answer to Contact List → Get Many \(.*\) is larger than the limit of 1 MB/);
		const items = json(await runUmail(server, LISTS, { credentials: { ...server.credentials, maxAnswerMb: 2 } }));
		expect(items).toHaveLength(15_000);
	});
});

describe('time: a deadline that grows with the bytes received', () => {
	beforeEach(() => {
		// short windows: 400 ms, then 200 KB for every further second
		Object.assign(transportSettings, { timeoutMs: 400, minBytesPerSecond: 200 * 1024, readAttempts: 2 });
	});

	test('a single answer trickling a byte at a time fails in about the timeout; a read is asked again once', async () => {
		server.reply = (res) => drip(res, [...INFO_XML], 50);
		const started = Date.now();
		const error = await failure(INFO);
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(error.message).toMatch(/^The answer to Account → Get Info \(account\.php\?do=customer-info\) came too slowly: \d+ bytes in 0\.\d s$/);
		expect(error.description).toBe(
			'The node waits 0.4 s for an answer, plus a second for every 200 KB/s received; the server (or a proxy on the way) sent less than that, as if it had stalled',
		);
		expect(server.seen).toHaveLength(2);
	});

	test('a write that trickles is never asked again', async () => {
		server.reply = (res) => drip(res, [...xml('<result><status>success</status><data>12</data></result>')], 50);
		const error = await failure(CREATE);
		expect(error.message).toMatch(/^The answer to Contact List → Create .* came too slowly/);
		expect(server.seen).toHaveLength(1);
	});

	test('a streamed list trickling a record at a time fails, naming the operation', async () => {
		const records = Array.from({ length: 200 }, (_, i) => addr(i));
		server.reply = (res) => drip(res, [xml('<data>\n'), ...records, '</data>\n'], 20);
		const started = Date.now();
		const error = await failure(ADDRESSES);
		expect(Date.now() - started).toBeLessThan(3_000);
		expect(error.message).toMatch(/^The answer to Address → Get Many \(mloperate\.php\?do=ml-addr-list\) came too slowly/);
		expect(server.seen).toHaveLength(2);
	});

	test('headers sent a byte at a time cannot escape either', async () => {
		server.reply = (res) => {
			const head = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nX-Pad: ' + 'a'.repeat(200) + '\r\n\r\n');
			let at = 0;
			const timer = setInterval(() => {
				if (res.socket?.destroyed || at >= head.length) return clearInterval(timer);
				res.socket?.write(head.subarray(at, ++at));
			}, 50);
		};
		const started = Date.now();
		const error = await failure(INFO);
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(error.message).toBe('U-Mail could not be reached for Account → Get Info (account.php?do=customer-info): the request timed out');
		// n8n's own timeout or ours, whichever ends it first
		expect(error.description).toMatch(/^Error code: (ETIMEDOUT|ECONNABORTED)$/);
	});

	test('a big, healthy answer still completes, well past the timeout, with pauses shorter than it', async () => {
		const count = 12_000;
		const body = Buffer.from(xml(`<data>\n${addresses(0, count)}</data>\n`));
		expect(body.length).toBeGreaterThan(1.4 * MB);
		// ~1 MB/s (16 times the minimum) in 32 KB pieces, with a 300 ms pause halfway
		const pieces: Buffer[] = [];
		for (let at = 0; at < body.length; at += 32 * 1024) pieces.push(body.subarray(at, at + 32 * 1024));
		server.reply = (res) => {
			res.writeHead(200, { 'content-type': XML_TYPE });
			let at = 0;
			const next = () => {
				if (at >= pieces.length) return void res.end();
				const wait = at === Math.floor(pieces.length / 2) ? 300 : 30;
				res.write(pieces[at++], () => setTimeout(next, wait));
			};
			next();
		};
		// a margin for a busy machine (the decoder under jest reads a few MB/s): 64 KB/s
		transportSettings.minBytesPerSecond = 64 * 1024;
		const started = Date.now();
		const items = json(await runUmail(server, ADDRESSES));
		expect(Date.now() - started).toBeGreaterThan(1_000);
		expect(items).toHaveLength(count);
		expect(items.at(-1)).toMatchObject({ id: String(count - 1), fullname: `用户 ${count - 1}` });
		expect(server.seen).toHaveLength(1);
	});

	test('an answer that goes silent for longer than the timeout says it stalled; a read is asked again', async () => {
		// 300 KB at once earn 1.5 s at 200 KB/s: the rate holds, then nothing comes
		server.reply = (res) => drip(res, [xml(`<data>\n${addresses(0, 2_500)}`), addr(1), addr(2)], 2_000);
		const error = await failure(ADDRESSES);
		expect(error.message).toMatch(/^The answer to Address → Get Many \(mloperate\.php\?do=ml-addr-list\) stalled: nothing came for 0\.\d s after \d+ bytes$/);
		expect(error.description).toMatch(/ends an answer silent for 0\.4 s; the server \(or a proxy on the way\) stopped sending$/);
		expect(server.seen).toHaveLength(2);
	});
});
