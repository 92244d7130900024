/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not in n8n (README: Linting) */
/**
 * The decode-alone comparison (BENCHMARKS.md 2c): the same §3.2 open-detail answer, fetched once in setup and held in
 * memory in n8n's 64 KB socket pieces, decoded by each decoder in a fresh process, so only the decoding is timed.
 */
import { Readable } from 'node:stream';

import { Tokenizer } from 'htmlparser2';
import type { IDataObject } from 'n8n-workflow';

import { decodeXml } from '../nodes/Umail/shared/answers';
import { decodeXmlStream, streamSettings } from '../nodes/Umail/shared/stream';
import { chunkedDecodeXmlStream } from './chunkedDecoder';

export const DECODERS: Record<string, string> = {
	chunked: 'stream.ts before (27d3733): text cut at record boundaries, each run decoded by decodeXml (fast-xml-parser)',
	tree: 'stream.ts now: htmlparser2 tokenizer building decodeXml\'s tree as the bytes arrive (xmlTree.ts)',
	whole: 'fast-xml-parser on the whole text (decodeXml, as for small answers)',
	bare: 'htmlparser2 tokenizer alone (XML mode, the same 16 KB pieces): every event, nothing built',
};

const SOCKET_PIECE = 64 * 1024;

export async function fetchPieces(url: string, taskId: number, user: string, password: string): Promise<Buffer[]> {
	const answer = await fetch(`${url}/track.php?do=open-detail&id=${taskId}`, {
		headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
	});
	const body = Buffer.from(await answer.arrayBuffer());
	const pieces: Buffer[] = [];
	for (let at = 0; at < body.length; at += SOCKET_PIECE) pieces.push(body.subarray(at, at + SOCKET_PIECE));
	return pieces;
}

const records = (decoded: IDataObject) => ((decoded.data as IDataObject).user as unknown[]).length;

function bare(pieces: Buffer[]): number {
	let elements = 0;
	const none = () => {};
	const tokenizer = new Tokenizer(
		{ xmlMode: true, decodeEntities: false },
		{
			onopentagname: () => elements++,
			onattribdata: none,
			onattribentity: none,
			onattribend: none,
			onattribname: none,
			oncdata: none,
			onclosetag: none,
			oncomment: none,
			ondeclaration: none,
			onend: none,
			onopentagend: none,
			onprocessinginstruction: none,
			onselfclosingtag: none,
			ontext: none,
			ontextentity: none,
		},
	);
	for (const piece of pieces) {
		for (let at = 0; at < piece.length; at += streamSettings.pieceBytes) {
			tokenizer.write(piece.toString('latin1', at, Math.min(piece.length, at + streamSettings.pieceBytes)));
		}
	}
	tokenizer.end();
	return elements;
}

/** Decodes the answer with one decoder; answers how many records (elements, for the bare tokenizer) it found. */
export async function decodeWith(decoder: string, pieces: Buffer[]): Promise<number> {
	const spec = { records: 'data.user' };
	if (decoder === 'chunked') return records(await chunkedDecodeXmlStream(Readable.from(pieces), spec, ['data.user']));
	if (decoder === 'tree') return records(await decodeXmlStream(Readable.from(pieces), spec, ['data.user']));
	if (decoder === 'whole') return records(decodeXml(Buffer.concat(pieces).toString('utf8'), ['data.user']));
	if (decoder === 'bare') return bare(pieces);
	throw new Error(`unknown decoder ${decoder}`);
}
