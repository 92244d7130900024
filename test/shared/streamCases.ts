/**
 * Documents the chunked decoder (nodes/Umail/shared/stream.ts) must read exactly as decodeXml reads them whole, and
 * documents it must refuse. Shared by test/shared/stream.test.ts and the benchmark's start-up check.
 */
import { Readable } from 'node:stream';

import { AnswerFormatError } from '../../nodes/Umail/shared/answers';
import { StreamFallback } from '../../nodes/Umail/shared/stream';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function openUser(i: number, extra = '') {
	return `  <user>\n    <email_id>${i}</email_id>\n    <email>open${i}@example.com</email>\n    <addr_first><![CDATA[北京市 ${extra}]]></addr_first>\n    <brithday>2000-01-0${(i % 9) + 1}</brithday>\n    <note>a &amp; b &lt;${i}&gt;</note>\n  </user>\n`;
}

const users = Array.from({ length: 40 }, (_, i) => openUser(i)).join('');
const OPENS = ['data.user'];

export interface StreamCase {
	name: string;
	text: string;
	records: string;
	lists: string[];
	emptyOk?: boolean;
}

export const SAME: StreamCase[] = [
	{ name: 'records, then fields after them', text: `${DECL}<data>\n${users}  <total_num>40</total_num>\n</data>\n`, records: 'data.user', lists: OPENS },
	{ name: 'no records at all', text: `${DECL}<data>\n  <total_num>0</total_num>\n</data>\n`, records: 'data.user', lists: OPENS },
	{ name: 'fields before the records', text: `${DECL}<data>\n  <total_num>40</total_num>\n${users}</data>`, records: 'data.user', lists: OPENS },
	{ name: 'one record', text: `${DECL}<data>${openUser(1)}</data>`, records: 'data.user', lists: OPENS },
	{ name: 'self-closing records', text: `${DECL}<data><user/>${openUser(2)}<user /></data>`, records: 'data.user', lists: OPENS },
	{ name: 'an error answer (<result>)', text: `${DECL}<result><status>param_error</status><data><![CDATA[id 参数错误]]></data></result>`, records: 'data.user', lists: OPENS },
	{ name: '§3.6 bare declaration', text: DECL, records: 'data.user', lists: OPENS, emptyOk: true },
	{
		name: 'nested lists inside the records',
		text: `${DECL}<task_list><task><id>1</id><templates><template><id>5</id></template></templates></task><task><id>2</id><templates></templates></task></task_list>`,
		records: 'task_list.task',
		lists: ['task_list.task', 'task_list.task.templates.template'],
	},
];

export const REFUSED: Array<StreamCase & { error: typeof AnswerFormatError | typeof StreamFallback }> = [
	{ name: 'cut after the last record', text: `${DECL}<data>\n${users}`, records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'cut inside a record', text: `${DECL}<data>\n${users.slice(0, users.length / 2)}`, records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'an HTML page', text: '<!DOCTYPE html><html><body><user>x</user></body></html>', records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'a closing record tag and a comment opener inside CDATA', text: `${DECL}<data>${openUser(1, '</user> <!-- ')}${openUser(2)}</data>`, records: 'data.user', lists: OPENS, error: StreamFallback },
	{ name: 'a record tag inside text', text: `${DECL}<data>${openUser(1, '</user><user>')}</data>`, records: 'data.user', lists: OPENS, error: StreamFallback },
	{ name: 'records elsewhere than the path', text: `${DECL}<data><info><user><id>1</id></user></info></data>`, records: 'data.user', lists: OPENS, error: StreamFallback },
	{ name: 'another element between records', text: `${DECL}<data>${openUser(1)}<other>1</other>${openUser(2)}</data>`, records: 'data.user', lists: OPENS, error: StreamFallback },
	{ name: 'a record inside a record', text: `${DECL}<data><user><user><id>1</id></user></user></data>`, records: 'data.user', lists: OPENS, error: StreamFallback },
];

/** The text as a byte stream cut into pieces of `size` bytes (also inside multi-byte characters). */
export function pieces(text: string, size: number): Readable {
	const bytes = Buffer.from(text, 'utf8');
	const parts: Buffer[] = [];
	for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
	return Readable.from(parts);
}

/** Piece sizes from the socket × run lengths × the decoder's own piece size: awkward ones and the shipped ones. */
export const SIZES: Array<{ piece: number; chunkChars: number; pieceBytes: number }> = [];
for (const piece of [1, 7, 100, 65_536]) {
	for (const chunkChars of [1, 64, 16 * 1024]) {
		for (const pieceBytes of [3, 16 * 1024]) SIZES.push({ piece, chunkChars, pieceBytes });
	}
}
