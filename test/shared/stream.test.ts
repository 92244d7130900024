import { decodeXml } from '../../nodes/Umail/shared/answers';
import { decodeXmlStream, StreamFallback, streamSettings } from '../../nodes/Umail/shared/stream';
import { pieces, REFUSED, SAME, SIZES } from './streamCases';

const shipped = { ...streamSettings };
afterEach(() => Object.assign(streamSettings, shipped));

describe('the chunked decoder reads as decodeXml reads the whole text', () => {
	test.each(SAME)('$name', async ({ text, records, lists, emptyOk }) => {
		const whole = decodeXml(text, lists, emptyOk);
		for (const { piece, chunkChars, pieceBytes } of SIZES) {
			Object.assign(streamSettings, { chunkChars, pieceBytes });
			await expect(decodeXmlStream(pieces(text, piece), { records }, lists, emptyOk)).resolves.toEqual(whole);
		}
	});

	test('a Chinese answer cut inside its characters, 2,000 records', async () => {
		const text = `<?xml version="1.0"?>\n<data>${Array.from({ length: 2000 }, (_, i) => `<user><email_id>${i}</email_id><addr_first><![CDATA[江苏省南京市]]></addr_first></user>`).join('')}</data>`;
		const decoded = await decodeXmlStream(pieces(text, 4097), { records: 'data.user' }, ['data.user']);
		expect(decoded).toEqual(decodeXml(text, ['data.user']));
		expect((decoded.data as { user: unknown[] }).user).toHaveLength(2000);
	});
});

describe('documents it refuses', () => {
	test.each(REFUSED)('$name', async ({ text, records, lists, error }) => {
		streamSettings.chunkChars = 64;
		await expect(decodeXmlStream(pieces(text, 50), { records }, lists)).rejects.toBeInstanceOf(error);
	});
});

describe('Limit: reading stops once enough records are in', () => {
	const text = SAME[2].text; // <total_num> before 40 records

	test('the first records and the fields before them, the same as the whole decode', async () => {
		streamSettings.chunkChars = 64;
		const whole = decodeXml(text, ['data.user']) as { data: { total_num: string; user: unknown[] } };
		const early = (await decodeXmlStream(pieces(text, 100), { records: 'data.user', upTo: 5 }, ['data.user'])) as typeof whole;
		expect(early.data.total_num).toBe('40');
		expect(early.data.user.length).toBeGreaterThanOrEqual(5);
		expect(early.data.user.length).toBeLessThan(40);
		expect(early.data.user).toEqual(whole.data.user.slice(0, early.data.user.length));
	});

	test('the stream is closed, the rest never read', async () => {
		streamSettings.chunkChars = 64;
		const body = pieces(text, 100);
		await decodeXmlStream(body, { records: 'data.user', upTo: 2 }, ['data.user']);
		expect(body.destroyed).toBe(true);
		expect(body.readableEnded).toBe(false);
	});

	test('more records asked for than there are: all of them', async () => {
		const all = await decodeXmlStream(pieces(text, 100), { records: 'data.user', upTo: 1000 }, ['data.user']);
		expect(all).toEqual(decodeXml(text, ['data.user']));
	});

	test('records under another element than the path says: falls back', async () => {
		streamSettings.chunkChars = 64;
		const odd = text.replace('<data>', '<data><wrap>').replace('</data>', '</wrap></data>');
		await expect(decodeXmlStream(pieces(odd, 100), { records: 'data.user', upTo: 2 }, ['data.user'])).rejects.toBeInstanceOf(StreamFallback);
	});
});
