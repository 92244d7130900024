/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
import type { ServerResponse } from 'node:http';

import { type INodeParameters, NodeApiError } from 'n8n-workflow';

import { byId, json, runUmail } from '../nodes/Umail/setup';
import { useFakeServer } from './fakeServer';

/** Answers declaring GBK, GB18030 or Big5 are decoded by it; an unknown charset is refused (shared/charset.ts). */

const server = useFakeServer();

const GET: INodeParameters = { resource: 'contactList', operation: 'get', contactList: byId('42') };
const ADDRESSES: INodeParameters = { resource: 'address', operation: 'getMany', scope: 'list', contactList: byId('5'), returnAll: true, simplify: false };

const COMPANY = '某某科技有限公司会员中心';
const TRADITIONAL = '會員中心臺北資訊';

/**
 * Text in a two-byte legacy charset, by a table read back from Node's own TextDecoder (Node has no encoder for them),
 * so the test holds exactly the bytes a server in that charset sends.
 */
function encoder(charset: string): (text: string) => Buffer {
	const decoder = new TextDecoder(charset);
	const table = new Map<string, number[]>();
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			const char = decoder.decode(Uint8Array.of(lead, trail));
			if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
		}
	}
	return (text) =>
		Buffer.from(
			[...text].flatMap((char) => {
				if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
				const bytes = table.get(char);
				if (!bytes) throw new Error(`${char} has no ${charset} bytes`);
				return bytes;
			}),
		);
}

const gbk = encoder('gbk');
const big5 = encoder('big5');

const declaration = (charset: string) => `<?xml version="1.0" encoding="${charset}"?>\n`;
const listXml = (charset: string, name: string) =>
	`${declaration(charset)}<maillist>\n  <id>42</id>\n  <subject><![CDATA[${name}]]></subject>\n  <description>${name} &amp; 北京</description>\n</maillist>\n`;

function answer(res: ServerResponse, body: Buffer, type: string) {
	res.writeHead(200, { 'content-type': type, 'content-length': body.length });
	res.end(body);
}

async function failure(parameters: INodeParameters): Promise<NodeApiError> {
	const error = await runUmail(server, parameters).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('a whole answer in a declared charset', () => {
	test('GBK in Content-Type and the XML declaration', async () => {
		server.reply = (res) => answer(res, gbk(listXml('GBK', COMPANY)), 'text/xml; charset=GBK');
		expect(json(await runUmail(server, GET))[0]).toMatchObject({ id: '42', subject: COMPANY, description: `${COMPANY} & 北京` });
	});

	test('GBK in the XML declaration only (a header without charset)', async () => {
		server.reply = (res) => answer(res, gbk(listXml('gbk', COMPANY)), 'text/xml');
		expect(json(await runUmail(server, GET))[0]).toMatchObject({ subject: COMPANY });
	});

	test('GBK in the XML declaration under a header a proxy set to UTF-8', async () => {
		server.reply = (res) => answer(res, gbk(listXml('GBK', COMPANY)), 'text/xml; charset=utf-8');
		expect(json(await runUmail(server, GET))[0]).toMatchObject({ subject: COMPANY });
	});

	test('GB18030 in Content-Type', async () => {
		server.reply = (res) => answer(res, gbk(listXml('GB18030', COMPANY)), 'text/xml; charset="gb18030"');
		expect(json(await runUmail(server, GET))[0]).toMatchObject({ subject: COMPANY });
	});

	test('Big5', async () => {
		server.reply = (res) => answer(res, big5(listXml('Big5', TRADITIONAL)), 'text/xml; charset=big5');
		expect(json(await runUmail(server, GET))[0]).toMatchObject({ subject: TRADITIONAL, description: `${TRADITIONAL} & 北京` });
	});

	test('a JSON answer in GBK (Statistics → Get Send Log)', async () => {
		const log = JSON.stringify({ lists: [{ email: 'a@example.com', subject: COMPANY }] });
		server.reply = (res) => answer(res, gbk(log), 'application/json; charset=GBK');
		const items = json(await runUmail(server, { resource: 'statistics', operation: 'getSendLog', date: '2026-11-02' }));
		expect(JSON.stringify(items)).toContain(COMPANY);
	});

	test('a charset Node cannot decode is refused, naming the operation and the charset', async () => {
		server.reply = (res) => answer(res, Buffer.from(listXml('x-klingon', 'abc')), 'text/xml; charset=x-klingon');
		const error = await failure(GET);
		expect(error.message).toBe(
			'The answer to Contact List → Get (mloperate.php?do=maillist-detail) declares the charset "x-klingon", which this node cannot decode',
		);
		expect(error.description).toMatch(/GBK, GB18030, Big5/);
	});
});

describe('a streamed answer in a declared charset (Address → Get Many, Return All)', () => {
	const records = (charset: string, count: number) =>
		`${declaration(charset)}<data>\n${Array.from({ length: count }, (_, i) => `<addr><id>${i}</id><address>u${i}@example.com</address><fullname><![CDATA[${i % 2 ? COMPANY : '张伟'}]]></fullname></addr>\n`).join('')}</data>\n`;

	/** in 1,000-byte pieces, so characters are cut between pieces */
	function pieces(res: ServerResponse, body: Buffer, type: string) {
		res.writeHead(200, { 'content-type': type });
		let at = 0;
		const next = () => {
			if (at >= body.length) return void res.end();
			res.write(body.subarray(at, (at += 999)), () => setImmediate(next));
		};
		next();
	}

	test('GBK, characters cut between pieces: every record right', async () => {
		server.reply = (res) => pieces(res, gbk(records('GBK', 400)), 'text/xml; charset=GBK');
		const items = json(await runUmail(server, ADDRESSES));
		expect(items).toHaveLength(400);
		expect(items.filter((item) => item.fullname === COMPANY)).toHaveLength(200);
		expect(items.filter((item) => item.fullname === '张伟')).toHaveLength(200);
		expect(server.seen).toHaveLength(1);
	});

	test('Big5 from the XML declaration only', async () => {
		const body = big5(records('big5', 50).replace(new RegExp(COMPANY, 'g'), TRADITIONAL).replace(/张伟/g, '張偉'));
		server.reply = (res) => pieces(res, body, 'text/xml');
		const items = json(await runUmail(server, ADDRESSES));
		expect(items.map((item) => item.fullname)).toEqual(Array.from({ length: 50 }, (_, i) => (i % 2 ? TRADITIONAL : '張偉')));
	});

	test('an unknown charset is refused', async () => {
		server.reply = (res) => pieces(res, Buffer.from(records('x-klingon', 5)), 'text/xml; charset=x-klingon');
		const error = await failure(ADDRESSES);
		expect(error.message).toMatch(/^The answer to Address → Get Many \(.*\) declares the charset "x-klingon"/);
	});
});
