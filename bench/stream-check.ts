/**
 * Run before the figures: the chunked decoder must give exactly what decodeXml gives for the whole document, fail the
 * same way, and fall back (StreamFallback) where the shape is not what the record path says. The cases are the unit
 * tests' (test/shared/streamCases.ts).
 */
import { deepStrictEqual, rejects } from 'node:assert';

import { decodeXml } from '../nodes/Umail/shared/answers';
import { decodeXmlStream, streamSettings } from '../nodes/Umail/shared/stream';
import { pieces, REFUSED, SAME, SIZES } from '../test/shared/streamCases';

export async function checkStream(): Promise<number> {
	const shipped = { ...streamSettings };
	try {
		for (const { name, text, records, lists, emptyOk } of SAME) {
			for (const { piece, chunkChars, pieceBytes } of SIZES) {
				Object.assign(streamSettings, { chunkChars, pieceBytes });
				const streamed = await decodeXmlStream(pieces(text, piece), { records }, lists, emptyOk);
				deepStrictEqual(streamed, decodeXml(text, lists, emptyOk), `${name}: piece ${piece}, run ${chunkChars}, own piece ${pieceBytes}`);
			}
		}
		streamSettings.chunkChars = 64;
		for (const { text, records, lists, error } of REFUSED) await rejects(decodeXmlStream(pieces(text, 50), { records }, lists), error);
	} finally {
		Object.assign(streamSettings, shipped);
	}
	return SAME.length + REFUSED.length;
}
