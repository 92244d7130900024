import { AnswerFormatError, decodeXml } from '../../nodes/Umail/shared/answers';
import { decodeXmlStream, StreamFallback, streamSettings } from '../../nodes/Umail/shared/stream';
import { FALLBACK, pieces, randomDocument, REFUSED, SAME, SIZES } from './streamCases';

const shipped = { ...streamSettings };
afterEach(() => Object.assign(streamSettings, shipped));

/** decodeXml's outcome for the whole text: the answer, or the message it refuses it with. */
function whole(text: string, lists: string[], emptyOk?: boolean): { answer?: unknown; refused?: string } {
	try {
		return { answer: decodeXml(text, lists, emptyOk) };
	} catch (error) {
		expect(error).toBeInstanceOf(AnswerFormatError);
		return { refused: (error as Error).message };
	}
}

describe('the streamed decoder reads as decodeXml reads the whole text', () => {
	test.each(SAME)('$name', async ({ text, records, lists, emptyOk }) => {
		const expected = decodeXml(text, lists, emptyOk);
		for (const { piece, pieceBytes } of SIZES.filter(({ chunkChars }) => chunkChars === shipped.chunkChars)) {
			streamSettings.pieceBytes = pieceBytes;
			await expect(decodeXmlStream(pieces(text, piece), { records }, lists, emptyOk)).resolves.toStrictEqual(expected);
		}
	});

	test('a Chinese answer cut inside its characters, 2,000 records', async () => {
		const text = `<?xml version="1.0"?>\n<data>${Array.from({ length: 2000 }, (_, i) => `<user><email_id>${i}</email_id><addr_first><![CDATA[江苏省南京市]]></addr_first></user>`).join('')}</data>`;
		const decoded = await decodeXmlStream(pieces(text, 4097), { records: 'data.user' }, ['data.user']);
		expect(decoded).toStrictEqual(decodeXml(text, ['data.user']));
		expect((decoded.data as { user: unknown[] }).user).toHaveLength(2000);
	});

	test('600 random documents, each in random pieces: the same answer, or handed back only when marked odd', async () => {
		let handedBack = 0;
		for (let seed = 1; seed <= 600; seed++) {
			const { text, records, lists, odd } = randomDocument(seed);
			const expected = whole(text, lists);
			streamSettings.pieceBytes = 1 + (seed % 37);
			const outcome = await decodeXmlStream(pieces(text, 1 + ((seed * 7) % 23)), { records }, lists).then(
				(answer) => ({ answer }),
				(error: Error) => (error instanceof StreamFallback ? { fallback: true } : { refused: error.message }),
			);
			if ('fallback' in outcome) {
				expect({ seed, odd }).toEqual({ seed, odd: true });
				handedBack++;
			} else expect({ seed, ...outcome }).toStrictEqual({ seed, ...expected });
		}
		// most documents are decoded in the stream
		expect(handedBack).toBeLessThan(150);
	});
});

describe('documents decoded whole instead (StreamFallback)', () => {
	test.each(FALLBACK)('$name', async ({ text, records, lists }) => {
		for (const piece of [1, 50, 65_536]) {
			await expect(decodeXmlStream(pieces(text, piece), { records }, lists)).rejects.toBeInstanceOf(StreamFallback);
		}
	});
});

describe('documents it refuses, with decodeXml\'s own message', () => {
	test.each(REFUSED)('$name', async ({ text, records, lists, error }) => {
		const expected = whole(text, lists).refused;
		expect(expected).toBeDefined();
		for (const piece of [1, 50, 65_536]) {
			const refused = await decodeXmlStream(pieces(text, piece), { records }, lists).catch((thrown: unknown) => thrown);
			expect(refused).toBeInstanceOf(error);
			expect((refused as Error).message).toBe(expected);
		}
	});
});

describe('entities are never expanded, streamed too', () => {
	const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
<!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i === 0 ? '' : i + 1};`.repeat(10)}">`).join('\n')}
]>
<data><user><a>&lol10;</a></user></data>`;

	test.each([
		['a billion-laughs document', BILLION_LAUGHS],
		['an external entity', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><data><user><a>&x;</a></user></data>'],
	])('%s: what decodeXml makes of it, nothing expanded', async (_label, text) => {
		const streamed = await decodeXmlStream(pieces(text, 64), { records: 'data.user' }, ['data.user']).then(
			(answer) => ({ answer }),
			(error: Error) => ({ refused: error.message }),
		);
		expect(streamed).toStrictEqual(whole(text, ['data.user']));
		expect(JSON.stringify(streamed)).not.toMatch(/lollol|root:/);
	});
});

describe('Limit: reading stops once enough records are in', () => {
	const text = SAME[4].text; // <total_num> before 40 records

	test('the first records and the fields before them, the same as the whole decode', async () => {
		const expected = decodeXml(text, ['data.user']) as { data: { total_num: string; user: unknown[] } };
		const early = (await decodeXmlStream(pieces(text, 100), { records: 'data.user', upTo: 5 }, ['data.user'])) as typeof expected;
		expect(early.data.total_num).toBe('40');
		expect(early.data.user).toStrictEqual(expected.data.user.slice(0, 5));
	});

	test('the stream is closed, the rest never read', async () => {
		const body = pieces(text, 100);
		await decodeXmlStream(body, { records: 'data.user', upTo: 2 }, ['data.user']);
		expect(body.destroyed).toBe(true);
		expect(body.readableEnded).toBe(false);
	});

	test('more records asked for than there are: all of them', async () => {
		const all = await decodeXmlStream(pieces(text, 100), { records: 'data.user', upTo: 1000 }, ['data.user']);
		expect(all).toStrictEqual(decodeXml(text, ['data.user']));
	});

	test('records under another element than the path are not counted: all read, as the whole decode', async () => {
		const odd = text.replace('<data>', '<data><wrap>').replace('</data>', '</wrap></data>');
		const body = pieces(odd, 100);
		await expect(decodeXmlStream(body, { records: 'data.user', upTo: 2 }, ['data.user'])).resolves.toStrictEqual(decodeXml(odd, ['data.user']));
		expect(body.readableEnded).toBe(true);
	});
});
