/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not in n8n (README: Linting) */
/**
 * Run before the figures: the streamed decoder must give exactly what decodeXml gives for the whole document, fail the
 * same way, and hand back (StreamFallback) what decodeXml reads in ways that depend on the whole text. The cases are
 * the unit tests' (test/shared/streamCases.ts).
 */
import { deepStrictEqual, rejects } from 'node:assert';

import { decodeXml } from '../nodes/Umail/shared/answers';
import { decodeXmlStream, StreamFallback, streamSettings } from '../nodes/Umail/shared/stream';
import { FALLBACK, pieces, REFUSED, SAME, SIZES } from '../test/shared/streamCases';

export async function checkStream(): Promise<number> {
	const shipped = { ...streamSettings };
	try {
		for (const { name, text, records, lists, emptyOk } of SAME) {
			for (const { piece, pieceBytes } of SIZES.filter(({ chunkChars }) => chunkChars === shipped.chunkChars)) {
				streamSettings.pieceBytes = pieceBytes;
				const streamed = await decodeXmlStream(pieces(text, piece), { records }, lists, emptyOk);
				deepStrictEqual(streamed, decodeXml(text, lists, emptyOk), `${name}: piece ${piece}, own piece ${pieceBytes}`);
			}
		}
		for (const { text, records, lists } of FALLBACK) await rejects(decodeXmlStream(pieces(text, 50), { records }, lists), StreamFallback);
		for (const { text, records, lists, error } of REFUSED) await rejects(decodeXmlStream(pieces(text, 50), { records }, lists), error);
	} finally {
		Object.assign(streamSettings, shipped);
	}
	return SAME.length + FALLBACK.length + REFUSED.length;
}
