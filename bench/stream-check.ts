/**
 * Run before the figures: the chunked decoder must give exactly what decodeXml gives for the whole document, fail the
 * same way, and fall back (StreamFallback) where the shape is not what the record path says.
 */
import { deepStrictEqual, rejects, strictEqual } from 'node:assert';
import { Readable } from 'node:stream';

import { AnswerFormatError, decodeXml } from '../nodes/Umail/shared/answers';
import { decodeXmlStream, StreamFallback, streamSettings } from '../nodes/Umail/shared/stream';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

function user(i: number, extra = '') {
	return `  <user>\n    <email_id>${i}</email_id>\n    <email>open${i}@example.com</email>\n    <addr_first><![CDATA[北京市 ${extra}]]></addr_first>\n    <brithday>2000-01-0${i % 9 + 1}</brithday>\n    <note>a &amp; b &lt;${i}&gt;</note>\n  </user>\n`;
}

/** Splits text into pieces of awkward sizes (and inside multi-byte characters). */
function pieces(text: string, size: number): Readable {
	const bytes = Buffer.from(text, 'utf8');
	const parts: Buffer[] = [];
	for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
	return Readable.from(parts);
}

async function same(text: string, records: string, lists: string[], emptyOk = false) {
	for (const size of [1, 7, 100, 4096, 1 << 20]) {
		for (const chunkChars of [1, 64, 16 * 1024]) {
			streamSettings.chunkChars = chunkChars;
			const streamed = await decodeXmlStream(pieces(text, size), { records }, lists, emptyOk);
			deepStrictEqual(streamed, decodeXml(text, lists, emptyOk), `piece ${size}, chunk ${chunkChars}`);
		}
	}
}

async function fails(text: string, records: string, lists: string[], kind: typeof AnswerFormatError | typeof StreamFallback) {
	streamSettings.chunkChars = 64;
	await rejects(decodeXmlStream(pieces(text, 50), { records }, lists), kind);
}

export async function checkStream(): Promise<number> {
	const saved = streamSettings.chunkChars;
	let checks = 0;
	const body = Array.from({ length: 40 }, (_, i) => user(i)).join('');
	// open details: records, then fields after them
	await same(`${DECL}<data>\n${body}  <total_num>40</total_num>\n</data>\n`, 'data.user', ['data.user']);
	// fields before the records, and none at all
	await same(`${DECL}<data>\n  <total_num>0</total_num>\n</data>\n`, 'data.user', ['data.user']);
	await same(`${DECL}<data>\n  <total_num>40</total_num>\n${body}</data>`, 'data.user', ['data.user']);
	// one record, self-closing records, a closing tag inside CDATA
	await same(`${DECL}<data>${user(1)}</data>`, 'data.user', ['data.user']);
	await same(`${DECL}<data><user/>${user(2)}<user /></data>`, 'data.user', ['data.user']);
	// error answers come as <result>, HTML and cut-off bodies fail as the whole decode does
	await same(`${DECL}<result><status>param_error</status><data><![CDATA[id 参数错误]]></data></result>`, 'data.user', ['data.user']);
	// §3.6 bare declaration
	await same(DECL, 'data.user', ['data.user'], true);
	// nested lists inside the records
	await same(`${DECL}<task_list><task><id>1</id><templates><template><id>5</id></template></templates></task><task><id>2</id><templates></templates></task></task_list>`, 'task_list.task', ['task_list.task', 'task_list.task.templates.template']);
	checks += 8;
	await fails(`${DECL}<data>\n${body}`, 'data.user', ['data.user'], AnswerFormatError);
	await fails(`${DECL}<data>\n${body.slice(0, body.length / 2)}`, 'data.user', ['data.user'], AnswerFormatError);
	await fails('<!DOCTYPE html><html><body><user>x</user></body></html>', 'data.user', ['data.user'], AnswerFormatError);
	await fails(`${DECL}<data>${user(1, '</user><user>')}</data>`, 'data.user', ['data.user'], StreamFallback);
	// shapes the record path does not describe: fall back
	await fails(`${DECL}<data><info><user><id>1</id></user></info></data>`, 'data.user', ['data.user'], StreamFallback);
	await fails(`${DECL}<data>${user(1)}<other>1</other>${user(2)}</data>`, 'data.user', ['data.user'], StreamFallback);
	await fails(`${DECL}<data><user><user><id>1</id></user></user></data>`, 'data.user', ['data.user'], StreamFallback);
	checks += 7;
	strictEqual(saved > 0, true);
	streamSettings.chunkChars = saved;
	return checks;
}
