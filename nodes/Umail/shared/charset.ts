/**
 * Answers are read as UTF-8 (the reference says so), but a legacy PHP service or a proxy may declare another charset
 * in Content-Type or in the XML declaration (GBK, GB18030, Big5). Such an answer is turned into UTF-8 bytes as it is
 * read, before any decoder sees it, so whole and streamed answers alike come out right; a charset Node's TextDecoder
 * does not know is refused, never read as UTF-8 into a successful, garbled result. UTF-8 answers pass untouched.
 */

/** A declared charset this node cannot decode. */
export class UnknownCharset extends Error {
	constructor(readonly charset: string) {
		super(`The server declared the charset "${charset}", which this node cannot decode`);
		this.name = 'UnknownCharset';
	}
}

const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'us-ascii', 'ascii']);

/** Bytes read before the XML declaration is looked for (it must come first in the document). */
const DECLARATION_BYTES = 512;

export function contentTypeCharset(contentType: string): string | undefined {
	return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

/** `encoding="…"` of an XML declaration at the start of the bytes. */
function declaredCharset(head: Buffer): string | undefined {
	const text = head.toString('latin1');
	return /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
}

/** A TextDecoder for `charset`, undefined for UTF-8; UnknownCharset when Node has none. */
function decoderFor(charset: string | undefined): Decoder | undefined {
	if (!charset || UTF8.has(charset.toLowerCase())) return undefined;
	const decoder = knownDecoder(charset);
	if (!decoder) throw new UnknownCharset(charset);
	return decoder.encoding === 'utf-8' ? undefined : decoder;
}

type Decoder = InstanceType<typeof TextDecoder>;

function knownDecoder(charset: string): Decoder | undefined {
	try {
		return new TextDecoder(charset);
	} catch {
		return undefined;
	}
}

const asBytes = (piece: Uint8Array | string) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);

/**
 * The body as UTF-8 bytes. A charset other than UTF-8 wins wherever it is declared: Content-Type's first (as in RFC
 * 7303), else the XML declaration's, also under a header that says UTF-8 (a proxy that rewrote the header does not
 * turn GBK bytes into UTF-8). Ending the iteration early ends `body`'s too.
 */
export async function* utf8Pieces(body: AsyncIterable<Uint8Array | string>, contentType: string): AsyncGenerator<Uint8Array> {
	let decoder = decoderFor(contentTypeCharset(contentType));
	// unless the header named another charset, the first bytes are held until the declaration can be seen
	let head: Buffer[] | undefined = decoder ? undefined : [];
	let headBytes = 0;
	const convert = (bytes: Uint8Array) => (decoder ? Buffer.from(decoder.decode(bytes, { stream: true }), 'utf8') : bytes);
	for await (const piece of body) {
		if (!head) {
			yield convert(asBytes(piece));
			continue;
		}
		head.push(Buffer.from(asBytes(piece)));
		headBytes += piece.length;
		if (headBytes < DECLARATION_BYTES) continue;
		const bytes = Buffer.concat(head);
		head = undefined;
		decoder = decoderFor(declaredCharset(bytes));
		yield convert(bytes);
	}
	if (head) {
		const bytes = Buffer.concat(head);
		decoder = decoderFor(declaredCharset(bytes));
		if (bytes.length) yield convert(bytes);
	}
	const rest = decoder?.decode();
	if (rest) yield Buffer.from(rest, 'utf8');
}
