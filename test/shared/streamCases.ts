/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not in n8n (README: Linting) */
/**
 * Documents the streamed decoder (nodes/Umail/shared/stream.ts, xmlTree.ts) must read exactly as decodeXml reads them
 * whole, documents it must hand back to be decoded whole, and documents it must refuse with decodeXml's own message.
 * Shared by test/shared/stream.test.ts and the benchmark's start-up check.
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

const typos = `${DECL}<data>${[1, 2].map((i) => `<task><id>${i}</id><point>5</point><rebate>${i}</rebtae><send_id>9${i}</task_sn><send_satus>3</send_satus><brithday>2000-01-01</brithday></task>`).join('')}</data>`;

export const SAME: StreamCase[] = [
	{ name: 'records, then fields after them', text: `${DECL}<data>\n${users}  <total_num>40</total_num>\n</data>\n`, records: 'data.user', lists: OPENS },
	{ name: 'no records at all', text: `${DECL}<data>\n  <total_num>0</total_num>\n</data>\n`, records: 'data.user', lists: OPENS },
	{ name: 'an empty record list', text: `${DECL}<data></data>`, records: 'data.user', lists: OPENS },
	{ name: 'a self-closing root', text: `${DECL}<data/>`, records: 'data.user', lists: OPENS },
	{ name: 'fields before the records', text: `${DECL}<data>\n  <total_num>40</total_num>\n${users}</data>`, records: 'data.user', lists: OPENS },
	{ name: 'one record', text: `${DECL}<data>${openUser(1)}</data>`, records: 'data.user', lists: OPENS },
	{ name: 'self-closing records', text: `${DECL}<data><user/>${openUser(2)}<user /></data>`, records: 'data.user', lists: OPENS },
	{ name: 'an error answer (<result>)', text: `${DECL}<result><status>param_error</status><data><![CDATA[id 参数错误]]></data></result>`, records: 'data.user', lists: OPENS },
	{ name: 'an error answer with text beside its elements', text: `${DECL}<result>\n<status>success</status>\n<data><![CDATA[解析完成]]></data>;\n</result>`, records: 'data.user', lists: OPENS },
	{ name: '§3.6 bare declaration', text: DECL, records: 'data.user', lists: OPENS, emptyOk: true },
	{
		name: 'nested lists inside the records',
		text: `${DECL}<task_list><task><id>1</id><templates><template><id>5</id></template></templates></task><task><id>2</id><templates></templates></task></task_list>`,
		records: 'task_list.task',
		lists: ['task_list.task', 'task_list.task.templates.template'],
	},
	{ name: "the reference's typo'd closing tags and misspelt names", text: typos, records: 'data.task', lists: ['data.task'] },
	{ name: 'the §4.2 typo closing the root', text: `${DECL}<maillist><id>5</id><subject><![CDATA[会员]]></subject></aillist>`, records: 'maillist.item', lists: ['maillist.item'] },
	{
		name: 'entities: predefined, numeric, unknown, double-escaped; CDATA left as it is',
		text: `${DECL}<data><user><a>&lt;b&gt; &amp; &quot;q&quot; &apos;</a><b>&#20013;&#x6587;&unknown;&amp;lt;</b><c><![CDATA[ x &amp; <y> ]]></c></user></data>`,
		records: 'data.user',
		lists: OPENS,
	},
	{
		name: 'text beside CDATA, and two CDATA sections side by side',
		text: `${DECL}<data><user><a>注 <![CDATA[a & b]]> end &amp; more</a><b><![CDATA[one]]><![CDATA[two]]></b><c> <![CDATA[ alone ]]> </c></user></data>`,
		records: 'data.user',
		lists: OPENS,
	},
	{ name: 'text beside child elements', text: `${DECL}<data><user> lead <id>1</id> tail &amp; </user><user>x<id>2</id></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'a repeated field that is not a list', text: `${DECL}<data><user><tag>a</tag><tag>b</tag><id>1</id><tag>c</tag></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'attributes are ignored', text: `${DECL}<data version="2"><user id="1"><a lang="zh">x</a><b x='>'/></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'a comment and a declaration before the root, a byte-order mark', text: `\uFEFF${DECL}<!-- generated -->\n<data>${openUser(3)}</data>`, records: 'data.user', lists: OPENS },
	{ name: 'records elsewhere than the path', text: `${DECL}<data><info><user><id>1</id></user></info></data>`, records: 'data.user', lists: OPENS },
	{ name: 'another element between records', text: `${DECL}<data>${openUser(1)}<other>1</other>${openUser(2)}</data>`, records: 'data.user', lists: OPENS },
	{ name: 'a record inside a record', text: `${DECL}<data><user><user><id>1</id></user></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'a closing record tag and a comment opener inside CDATA', text: `${DECL}<data>${openUser(1, '</user> <!-- ')}${openUser(2)}</data>`, records: 'data.user', lists: OPENS },
	{ name: 'a record tag inside CDATA', text: `${DECL}<data>${openUser(1, '</user><user>')}</data>`, records: 'data.user', lists: OPENS },
	{ name: 'Unicode spaces around values', text: `${DECL}<data><user><a>\u3000x\u00a0</a><b>\u00a0</b></user></data>\u3000`, records: 'data.user', lists: OPENS },
];

/** Documents decodeXml reads in ways that depend on the whole text: the streamed decoder hands them back (StreamFallback). */
export const FALLBACK: StreamCase[] = [
	{ name: 'a comment inside the root', text: `${DECL}<data>${openUser(1)}<!-- page 2 -->${openUser(2)}</data>`, records: 'data.user', lists: OPENS },
	{ name: 'a processing instruction inside the root', text: `${DECL}<data><user><a>1<?pi x?>2</a></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'CDATA beside a child element', text: `${DECL}<data><user><a><![CDATA[x]]><b>1</b></a></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'a "<" in text', text: `${DECL}<data><user><a>1 < 2</a></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'an element named __proto__', text: `${DECL}<data><user><__proto__><p>1</p></__proto__></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'text ending in ">" before CDATA', text: `${DECL}<data><user><a>x><![CDATA[y]]></a></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'a closing tag too many, the root closed at the end', text: `${DECL}<data><user><a>1</a></b></user></data>`, records: 'data.user', lists: OPENS },
	{ name: 'a second root', text: `${DECL}<data><user/></data><data><user/></data>`, records: 'data.user', lists: OPENS },
];

export const REFUSED: Array<StreamCase & { error: typeof AnswerFormatError | typeof StreamFallback }> = [
	{ name: 'cut after the last record', text: `${DECL}<data>\n${users}`, records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'cut inside a record', text: `${DECL}<data>\n${users.slice(0, users.length / 2)}`, records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'cut inside CDATA', text: `${DECL}<data><user><a><![CDATA[北京`, records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'an HTML page', text: '<!DOCTYPE html><html><body><user>x</user></body></html>', records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'an HTML page without doctype', text: '<html>\n<body><h1>502 Bad Gateway</h1></body></html>', records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'an empty answer', text: '', records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'not XML', text: 'Fatal error: database gone', records: 'data.user', lists: OPENS, error: AnswerFormatError },
	{ name: 'something after the root', text: `${DECL}<data>${openUser(1)}</data>\ntrailing`, records: 'data.user', lists: OPENS, error: AnswerFormatError },
];

/** A small deterministic generator (mulberry32), so a failing random document can be made again from its seed. */
function generator(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
	return { next, pick };
}

const SPACES = ['', ' ', '\n  ', '\t', '\r\n', '\u00a0', '\u3000'];
const WORDS = ['x', '北京市', 'a &amp; b', '&lt;i&gt;', '&#20013;', '&unknown;', 'Ñandú ✓ 😀', '2026-11-02 09:24:13', '>', 'q&quot;', ']]'];
const NAMES = ['email', 'ip_first', 'brithday', 'send_satus', 'rebate', 'tag', 'text', 'a:b', 'note'];

/**
 * Random open-detail-like documents mixing everything decodeXml has rules for: whitespace (also Unicode spaces),
 * entities, CDATA alone, beside text and side by side, typo'd closing tags, misspelt names, repeated fields, nested
 * elements with text beside them, attributes, self-closing elements, fields around the records. `odd` marks a document
 * holding something the streamed decoder hands back (a comment or processing instruction inside the root).
 */
export function randomDocument(seed: number): StreamCase & { odd: boolean } {
	const { next, pick } = generator(seed);
	let odd = false;
	const space = () => (next() < 0.5 ? '' : pick(SPACES));
	const text = () => `${space()}${Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(WORDS)).join(pick([' ', '', '\n']))}${space()}`;
	const value = (depth: number): string => {
		const roll = next();
		if (roll < 0.3) return text();
		if (roll < 0.45) return `${space()}<![CDATA[${pick(WORDS)}${pick(['', ' <x> ', ' &amp; '])}]]>${space()}`;
		if (roll < 0.55) {
			const before = text();
			// text ending in ">" (not "]]>") before CDATA: decodeXml's CDATA check does not see it as beside text
			odd ||= /(?<!\]\])>[ \t\r\n]*$/.test(before);
			return `${before}<![CDATA[${pick(WORDS)}]]>${next() < 0.5 ? text() : ''}`;
		}
		if (roll < 0.6) return `<![CDATA[${pick(WORDS)}]]>${space()}<![CDATA[${pick(WORDS)}]]>`;
		if (roll < 0.65) return '';
		if (roll < 0.7 && depth < 2) {
			odd ||= next() < 0.3;
			return odd ? `${text()}<!-- c -->${text()}` : text();
		}
		if (depth >= 2) return text();
		return `${next() < 0.3 ? text() : space()}${element(depth + 1)}${element(depth + 1)}${next() < 0.3 ? text() : space()}`;
	};
	const element = (depth: number): string => {
		const name = pick(NAMES);
		const attributes = next() < 0.2 ? ` id="${Math.floor(next() * 9)}"` : '';
		if (next() < 0.1) return `${space()}<${name}${attributes}/>`;
		const close = name === 'rebate' && next() < 0.5 ? 'rebtae' : name;
		return `${space()}<${name}${attributes}>${value(depth)}</${close}>`;
	};
	const record = () => `${space()}<user>${Array.from({ length: Math.floor(next() * 5) }, () => element(1)).join('')}${space()}</user>`;
	const records = Array.from({ length: Math.floor(next() * 6) }, record).join('');
	const around = () => (next() < 0.5 ? `<total_num>${Math.floor(next() * 99)}</total_num>` : '');
	return { name: `random document ${seed}`, text: `${DECL}<data>${around()}${records}${around()}${space()}</data>${space()}`, records: 'data.user', lists: OPENS, odd };
}

/** The text as a byte stream cut into pieces of `size` bytes (also inside multi-byte characters). */
export function pieces(text: string, size: number): Readable {
	const bytes = Buffer.from(text, 'utf8');
	const parts: Buffer[] = [];
	for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
	return Readable.from(parts);
}

/** Piece sizes from the socket × run lengths (JSON) × the decoder's own piece size: awkward ones and the shipped ones. */
export const SIZES: Array<{ piece: number; chunkChars: number; pieceBytes: number }> = [];
for (const piece of [1, 7, 100, 65_536]) {
	for (const chunkChars of [1, 64, 16 * 1024]) {
		for (const pieceBytes of [3, 16 * 1024]) SIZES.push({ piece, chunkChars, pieceBytes });
	}
}
