import type { IDataObject } from 'n8n-workflow';

import { AnswerFormatError, decodeXml, looksLikeHtml } from './answers';
import { StreamFallback, XmlTree } from './xmlTree';

export { StreamFallback } from './xmlTree';

/**
 * Streamed decoding of big XML list answers (open and click details, address lists): the answer is tokenized as it
 * arrives and its tree built on the way (xmlTree.ts), so the whole answer never sits in memory as one string beside
 * one whole tree: only the records already decoded and the piece of text in hand do.
 *
 * The result is exactly what decodeXml gives for the whole document. A document whose beginning is not plain XML (an
 * HTML page, a DOCTYPE, no element at all) is read whole and given to decodeXml; one that xmlTree.ts cannot read as
 * decodeXml does throws StreamFallback, so the caller asks again and decodes the whole document the ordinary way.
 */

export interface StreamSpec {
	/** the dotted path of the repeated record element, e.g. `data.user`, also listed in `lists`; `[]` for a JSON array */
	records: string;
	/** Limit: reading stops once this many records are in; what follows them (other fields, more records) is not read */
	upTo?: number;
}

/**
 * chunkChars: JSON text parsed per run (jsonStream.ts).
 * pieceBytes: what the socket delivers is taken in pieces this big, so no string in flight outgrows V8's regular heap
 * objects (about 128 KB, two bytes a character once a record holds Chinese); bigger ones go to the large-object space,
 * which only a full collection frees: with the socket's 64 KB pieces that cost 50 MB of peak RSS at 100,000 records.
 */
export const streamSettings = { chunkChars: 16 * 1024, pieceBytes: 16 * 1024 };

/**
 * Whitespace, the declaration, comments and processing instructions, then a whole root start tag: the tree starts
 * here. A DOCTYPE (and its entities) or a CDATA section before the root is left to decodeXml on the whole text.
 */
const PROLOG_CHARS = 64 * 1024;
const PROLOG = /^(?:\s|<\?(?:(?!<!\[CDATA\[)[\s\S])*?\?>|<!--(?:(?!<!\[CDATA\[)[\s\S])*?-->)*<[A-Za-z_][\w.:-]*[\s/>]/;

/**
 * Decodes an XML answer read from `body` (a Node stream or any async iterable of bytes). Same result and the same
 * AnswerFormatError messages as decodeXml on the whole text; throws StreamFallback when it cannot promise that.
 * Errors of the stream itself (a reset connection) pass through unchanged.
 */
export async function decodeXmlStream(
	body: AsyncIterable<Uint8Array | string>,
	spec: StreamSpec,
	lists: readonly string[] = [],
	emptyOk = false,
): Promise<IDataObject> {
	const allLists = lists.includes(spec.records) ? lists : [...lists, spec.records];
	let tree: XmlTree | undefined;
	// the bytes until the tree starts; all of them when the answer is to be decoded whole
	const head: Buffer[] = [];
	let whole = false;
	// leaving the loop early ends the iteration, which closes the stream (and the connection)
	for await (const bytes of bytePieces(body)) {
		if (tree) {
			tree.write(bytes);
			if (tree.enough) return tree.endEarly();
			continue;
		}
		head.push(bytes);
		if (whole) continue;
		const text = Buffer.concat(head).toString('utf8');
		if (!PROLOG.test(text) || looksLikeHtml(text)) {
			// no root element in sight after this much: not an answer this decoder reads
			whole = !PROLOG.test(text) ? text.length > PROLOG_CHARS : true;
			continue;
		}
		tree = new XmlTree(spec.records, allLists, spec.upTo);
		for (const piece of head.splice(0)) tree.write(piece);
		if (tree.enough) return tree.endEarly();
	}
	if (!tree) return decodeXml(Buffer.concat(head).toString('utf8'), lists, emptyOk);
	return tree.end();
}

/** The answer's bytes in pieces of at most `streamSettings.pieceBytes`. Ending the iteration early closes `body`. */
async function* bytePieces(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
	for await (const piece of body) {
		const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
		for (let at = 0; at < bytes.length; at += streamSettings.pieceBytes) yield bytes.subarray(at, at + streamSettings.pieceBytes);
	}
}

export interface StreamOutcome {
	decoded?: unknown;
	/** not the kind of answer that is streamed (a JSON export refused with XML): the bytes, to decode the ordinary way */
	whole?: Buffer;
	/** the answer is not API XML (HTML page, cut off, unreadable) */
	problem?: AnswerFormatError;
	/** the answer is not shaped as the record path says: decode it whole */
	fallback?: boolean;
}

/**
 * A chunked decode's expected failures as values (a bad answer, a shape to decode whole); errors of the stream itself
 * (a reset) are thrown.
 */
export async function outcomeOf(decoding: Promise<StreamOutcome>, body: AsyncIterable<unknown>): Promise<StreamOutcome> {
	return await decoding.catch(async (error: unknown): Promise<StreamOutcome> => {
		if (error instanceof AnswerFormatError) return { problem: error };
		if (!(error instanceof StreamFallback)) return await Promise.reject(error);
		// stop reading: the answer is asked for again
		(body as { destroy?: () => void }).destroy?.();
		return { fallback: true };
	});
}

/** The XML decoder decodeStreamed uses; replaceable so `npm run bench` can time the one it replaced end to end. */
export const streamDecoders = { xml: decodeXmlStream };

/** decodeXmlStream as a StreamOutcome. */
export async function decodeStreamed(
	body: AsyncIterable<Uint8Array | string>,
	spec: StreamSpec,
	request: { lists?: readonly string[]; emptyOk?: boolean },
): Promise<StreamOutcome> {
	return await outcomeOf(
		streamDecoders.xml(body, spec, request.lists, request.emptyOk).then((decoded) => ({ decoded })),
		body,
	);
}

/**
 * The answer as text, in pieces of at most `streamSettings.pieceBytes` bytes (a character cut between two pieces is
 * joined). Ending the iteration early closes `body`.
 */
export async function* textPieces(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
	const text = new TextDecoder('utf-8');
	for await (const piece of body) {
		const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
		for (let at = 0; at < bytes.length; at += streamSettings.pieceBytes) {
			yield text.decode(bytes.subarray(at, at + streamSettings.pieceBytes), { stream: true });
		}
	}
	const rest = text.decode();
	if (rest) yield rest;
}

/** Reads a whole stream into one Buffer (error pages and other small answers). */
export async function readStream(body: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
	const parts: Buffer[] = [];
	for await (const piece of body) parts.push(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece));
	return Buffer.concat(parts);
}

export function isStream(body: unknown): body is AsyncIterable<Uint8Array> {
	return typeof (body as AsyncIterable<Uint8Array> | undefined)?.[Symbol.asyncIterator] === 'function' && !Buffer.isBuffer(body);
}
