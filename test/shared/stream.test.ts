import { decodeXml } from '../../nodes/Umail/shared/answers';
import { decodeXmlStream, streamSettings } from '../../nodes/Umail/shared/stream';
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
