/**
 * The text of a streamed XML answer as xmlTree.ts reads it: the pieces not yet read, kept as bytes and given to the
 * tokenizer as Latin-1 text (one character a byte). Markup is ASCII, so the tokenizer's offsets are byte offsets;
 * values are decoded from the bytes as UTF-8, which makes fresh compact strings that keep no piece alive, and makes a
 * character cut between two pieces whole again.
 */

import { type RawCache, same } from './rawCache';

const HEAD_CHARS = 2000;
const TAIL_BYTES = 1024;

/** The whitespace decodeXml's CDATA check skips; trim() also removes it. */
export const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

type Slicer = (start: number, end: number) => string;
type FastBuffer = Buffer & { utf8Slice?: Slicer; latin1Slice?: Slicer };

/**
 * The bytes as UTF-8 text: Buffer#utf8Slice is toString('utf8', …) without its argument checks (Node's own fast path,
 * there in every release; a tenth of the decoding time here).
 */
function utf8(bytes: Buffer, start: number, end: number): string {
	const fast = bytes as FastBuffer;
	return fast.utf8Slice ? fast.utf8Slice(start, end) : bytes.toString('utf8', start, end);
}

function latin1(bytes: Buffer, start: number, end: number): string {
	const fast = bytes as FastBuffer;
	return fast.latin1Slice ? fast.latin1Slice(start, end) : bytes.toString('latin1', start, end);
}

export class AnswerText {
	private readonly pieces: Buffer[] = [];
	private pieceOffset = 0;
	/** the piece written last, as Latin-1, and its offset */
	private last = '';
	private lastOffset = 0;
	private written = 0;
	/** the answer's beginning, for error messages */
	head = '';
	/** the last bytes that are not ASCII whitespace, for the end's check */
	private tail = Buffer.alloc(0);

	/** Takes the next piece; answers it as Latin-1 text for the tokenizer. */
	add(bytes: Buffer): string {
		if (this.head.length < HEAD_CHARS) this.head += bytes.toString('utf8', 0, 3 * HEAD_CHARS).slice(0, HEAD_CHARS - this.head.length);
		let end = bytes.length - 1;
		while (end >= 0 && isSpace(bytes[end])) end--;
		if (end >= 0) this.tail = Buffer.concat([this.tail, bytes.subarray(Math.max(0, end + 1 - TAIL_BYTES), end + 1)]).subarray(-TAIL_BYTES);
		this.pieces.push(bytes);
		this.lastOffset = this.written;
		this.written += bytes.length;
		this.last = bytes.toString('latin1');
		return this.last;
	}

	/** Whether what came so far ends with `text`, trailing whitespace aside (Unicode spaces too, as trimEnd()). */
	endsWith(text: string): boolean {
		return this.tail.toString('utf8').trimEnd().endsWith(text);
	}

	/** The text from start to end, decoded as UTF-8; the pieces before `start` are let go. */
	slice(start: number, end: number): string {
		while (start - this.pieceOffset >= this.pieces[0].length) this.pieceOffset += this.pieces.shift()!.length;
		const first = this.pieces[0];
		if (end - this.pieceOffset <= first.length) return utf8(first, start - this.pieceOffset, end - this.pieceOffset);
		const parts = [first.subarray(start - this.pieceOffset)];
		for (let i = 1, at = this.pieceOffset + first.length; end > at; i++) {
			parts.push(this.pieces[i].subarray(0, end - at));
			at += this.pieces[i].length;
		}
		return Buffer.concat(parts).toString('utf8');
	}

	/** A tag name: from the Latin-1 text when it is ASCII (as names nearly always are), else decoded. */
	name(start: number, end: number): string {
		if (start >= this.lastOffset) {
			const name = this.last.slice(start - this.lastOffset, end - this.lastOffset);
			let ascii = true;
			for (let i = 0; i < name.length && ascii; i++) ascii = name.charCodeAt(i) < 128;
			if (ascii) return name;
		}
		return this.slice(start, end);
	}

	/** What `cache` holds for the bytes from start to end (undefined also when they began in an earlier piece). */
	find<T>(cache: RawCache<T>, start: number, end: number): T | undefined {
		return start < this.lastOffset ? undefined : cache.find(this.last, start - this.lastOffset, end - this.lastOffset);
	}

	/**
	 * After find() missed: caches what those bytes came to. The key is `text` when it spells the bytes (plain ASCII, as
	 * most values are), else a copy of them (a slice of the piece would keep the whole piece alive).
	 */
	remember<T>(cache: RawCache<T>, start: number, end: number, value: T, text: string) {
		if (!cache.missed) return;
		const at = start - this.lastOffset;
		const spelt = text.length === end - start && same(text, this.last, at);
		cache.add(spelt ? text : latin1(this.pieces[this.pieces.length - 1], at, end - this.lastOffset), value);
	}

	/** Whether the text from start to end is only spaces, tabs and line breaks (false when unsure). */
	blank(start: number, end: number): boolean {
		if (start < this.lastOffset) return false;
		for (let at = start - this.lastOffset; at < end - this.lastOffset; at++) if (!isSpace(this.last.charCodeAt(at))) return false;
		return true;
	}
}
