import { AnswerFormatError } from '../../nodes/Umail/shared/answers';
import { decodeJsonArrayStream } from '../../nodes/Umail/shared/jsonStream';
import { streamSettings } from '../../nodes/Umail/shared/stream';
import { pieces, SIZES } from './streamCases';

const shipped = { ...streamSettings };
afterEach(() => Object.assign(streamSettings, shipped));

const emails = Array.from({ length: 300 }, (_, i) => `bounce${i}@例子.example.com`);
const tricky = [
	'a, b',
	'quote " inside',
	'back\\slash\\',
	'[not, an] {array}',
	{ email: 'x@example.com', type: '8', nested: { list: [1, [2, 3], { deep: 'a,b]' }] } },
	'"',
	'\\"',
	'',
	null,
	42,
	true,
];

const ARRAYS: Array<[string, string]> = [
	['addresses, one a line (as the emulator writes them)', `[\n${emails.map((email) => JSON.stringify(email)).join(',\n')}\n]`],
	['addresses, no white space (as PHP json_encode writes them)', JSON.stringify(emails)],
	['commas, quotes, escapes and brackets inside strings; nested values', JSON.stringify([...tricky, ...tricky, ...tricky])],
	['objects with an escaped slash and unicode escapes', JSON.stringify(emails.map((email, i) => ({ email, type: String(i % 9), task_id: '7' }))).replace(/@/g, '\\u0040').replace(/\./g, '\\/.')],
	['an empty array', '[]'],
	['a byte order mark and white space first', `\uFEFF \n ${JSON.stringify(emails.slice(0, 5))} \n`],
];

describe('a JSON array read in runs gives what JSON.parse gives for the whole text', () => {
	test.each(ARRAYS)('%s', async (_name, text) => {
		const whole = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown[];
		for (const { piece, chunkChars, pieceBytes } of SIZES) {
			Object.assign(streamSettings, { chunkChars, pieceBytes });
			await expect(decodeJsonArrayStream(pieces(text, piece))).resolves.toEqual({ elements: whole });
		}
	});
});

describe('answers that are not a JSON array come back whole, byte for byte', () => {
	test.each([
		['an XML <result> refusing a parameter', '<?xml version="1.0" encoding="UTF-8"?>\n<result><status>param_error</status><data><![CDATA[type 参数错误]]></data></result>'],
		['an HTML page', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'],
		['a JSON object', '{"lists": []}'],
		['white space only', ' \n '],
		['nothing', ''],
	])('%s', async (_name, text) => {
		for (const piece of [1, 5, 65_536]) {
			streamSettings.pieceBytes = 3;
			const outcome = await decodeJsonArrayStream(pieces(text, piece));
			expect(outcome.elements).toBeUndefined();
			expect(outcome.whole?.toString('utf8')).toBe(text);
		}
	});
});

describe('a broken array fails clearly', () => {
	const text = JSON.stringify(emails);
	test.each([
		['cut off in the middle', text.slice(0, text.length / 2)],
		['cut off before the closing bracket', text.slice(0, -1)],
		['something after the array', `${text} trailing`],
		['a missing comma', text.replace('","', '" "')],
	])('%s', async (_name, broken) => {
		streamSettings.chunkChars = 64;
		const failure = await decodeJsonArrayStream(pieces(broken, 100)).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(AnswerFormatError);
		expect((failure as AnswerFormatError).message).toBe('The server sent JSON that cannot be read');
		expect((failure as AnswerFormatError).head.startsWith('["bounce0@')).toBe(true);
	});
});
