/**
 * The streamed XML decoder as it was before xmlTree.ts (commit 27d3733 of nodes/Umail/shared/stream.ts), kept only so
 * `npm run bench` can time the old and the new decoder side by side in one run: the text cut after runs of whole
 * records, each run decoded by decodeXml (fast-xml-parser). Not used by the nodes.
 */
import type { IDataObject } from 'n8n-workflow';

import { AnswerFormatError, decodeXml, looksLikeHtml, pick } from '../nodes/Umail/shared/answers';
import { StringPool } from '../nodes/Umail/shared/stringPool';
import { type StreamSpec, textPieces } from '../nodes/Umail/shared/stream';

class StreamFallback extends Error {}

const streamSettings = { chunkChars: 16 * 1024 };

const WRAPPER = 'umail-records';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `pos` lies inside a CDATA section or a comment that opened before it (neither can nest). */
function insideMarkup(text: string, pos: number): number {
	for (const [open, close] of [
		['<![CDATA[', ']]>'],
		['<!--', '-->'],
	]) {
		const start = text.lastIndexOf(open, pos);
		if (start === -1) continue;
		const end = text.indexOf(close, start + open.length);
		if (end === -1 || end + close.length > pos) return start;
	}
	return -1;
}

/**
 * Where to cut `text` after a closing tag that is real markup (not inside CDATA or a comment): after the last one that
 * ends within `limit` characters, else (a record longer than `limit`) after the first one past it; -1 when none.
 */
function cutAt(text: string, close: string, limit: number): number {
	for (let at = text.lastIndexOf(close, limit - close.length); at !== -1; ) {
		const markup = insideMarkup(text, at);
		if (markup === -1) return at + close.length;
		at = markup === 0 ? -1 : text.lastIndexOf(close, markup - 1);
	}
	for (let at = text.indexOf(close, limit - close.length + 1); at !== -1; at = text.indexOf(close, at + 1)) {
		if (insideMarkup(text, at) === -1) return at + close.length;
	}
	return -1;
}

function count(text: string, needle: string): number {
	let n = 0;
	for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
	return n;
}

class RecordDecoder {
	readonly tag: string;
	readonly close: string;
	readonly opening: RegExp;
	readonly startsWithRecord: RegExp;
	readonly selfClosing: RegExp;
	/** self-closing records, which have no closing tag to cut after, at the start of what is left */
	readonly leadingEmpty: RegExp;
	readonly chunkLists: string[];
	readonly records: IDataObject[] = [];
	readonly strings = new StringPool();

	constructor(
		readonly path: string,
		readonly lists: readonly string[],
	) {
		const parts = path.split('.');
		if (parts.length < 2) throw new StreamFallback(`record path "${path}" has no parent element`);
		this.tag = parts[parts.length - 1];
		this.close = `</${this.tag}>`;
		const name = escapeRegExp(this.tag);
		this.opening = new RegExp(`<${name}[\\s>/]`);
		this.startsWithRecord = new RegExp(`^\\s*<${name}[\\s>/]`);
		this.selfClosing = new RegExp(`<${name}\\s*/>`, 'g');
		this.leadingEmpty = new RegExp(`^(?:\\s*<${name}\\s*/>)+`);
		// the record's own nested lists, relative to the wrapper
		const inner = lists.filter((list) => list.startsWith(`${path}.`)).map((list) => `${WRAPPER}.${this.tag}${list.slice(path.length)}`);
		this.chunkLists = [`${WRAPPER}.${this.tag}`, ...inner];
	}

	/** Decodes a run of whole records (and only records). */
	add(chunk: string) {
		if (!this.startsWithRecord.test(chunk)) throw new StreamFallback('something other than a record between records');
		const decoded = decodeXml(`<${WRAPPER}>${chunk}</${WRAPPER}>`, this.chunkLists, false, this.strings)[WRAPPER] as IDataObject;
		const keys = Object.keys(decoded);
		if (keys.length !== 1 || keys[0] !== this.tag) throw new StreamFallback('other elements between records');
		const records = decoded[this.tag] as IDataObject[];
		const expected = count(chunk, this.close) + (chunk.match(this.selfClosing)?.length ?? 0);
		if (records.length !== expected) throw new StreamFallback('a record tag inside a record, or inside text');
		for (const record of records) this.records.push(record);
	}

	/** The document without its records, with one empty record where they were: must place it at the record path. */
	finish(head: string, tail: string, emptyOk: boolean): IDataObject {
		const skeleton = decodeXml(`${head}<${this.tag}></${this.tag}>${tail}`, this.lists, emptyOk, this.strings);
		const placeholder = pick(skeleton, this.path);
		if (!Array.isArray(placeholder) || placeholder.length !== 1) throw new StreamFallback('records found outside the record path');
		const parent = pick(skeleton, this.path.slice(0, this.path.lastIndexOf('.'))) as IDataObject;
		parent[Object.keys(parent).find((key) => parent[key] === placeholder) ?? this.tag] = this.records;
		return skeleton;
	}

	/** Enough records (Limit): the document is closed after them as the record path says; the rest stays unread. */
	finishEarly(head: string): IDataObject {
		const closers = this.path.split('.').slice(0, -1).reverse().map((name) => `</${name}>`).join('');
		let outcome: IDataObject | Error;
		try {
			outcome = this.finish(head, closers, false);
		} catch (error) {
			// the beginning holds more than the path's elements: only the whole document can say what it is
			outcome = error instanceof AnswerFormatError ? new StreamFallback('elements around the records besides the path') : (error as Error);
		}
		if (outcome instanceof Error) throw outcome;
		return outcome;
	}
}

/**
 * Decodes an XML answer read from `body` (a Node stream or any async iterable of bytes). Same result and the same
 * AnswerFormatError messages as decodeXml on the whole text; throws StreamFallback when the shape is unexpected.
 * Errors of the stream itself (a reset connection) pass through unchanged.
 */
export async function chunkedDecodeXmlStream(
	body: AsyncIterable<Uint8Array | string>,
	spec: StreamSpec,
	lists: readonly string[] = [],
	emptyOk = false,
): Promise<IDataObject> {
	const decoder = new RecordDecoder(spec.records, lists.includes(spec.records) ? lists : [...lists, spec.records]);
	let head: string | undefined;
	let pending = '';
	let whole = false;
	let enough = false;

	const take = (final: boolean) => {
		if (head === undefined) {
			const first = decoder.opening.exec(pending);
			if (!first) return;
			if (looksLikeHtml(pending)) {
				whole = true;
				return;
			}
			head = pending.slice(0, first.index);
			pending = pending.slice(first.index);
		}
		while (!enough && (pending.length >= streamSettings.chunkChars || (final && pending.length > 0))) {
			const cut = cutAt(pending, decoder.close, Math.min(streamSettings.chunkChars, pending.length));
			if (cut === -1) return;
			decoder.add(pending.slice(0, cut));
			pending = pending.slice(cut);
			enough = spec.upTo !== undefined && decoder.records.length >= spec.upTo;
		}
	};

	// leaving the loop early ends the iteration, which closes the stream (and the connection)
	for await (const text of textPieces(body)) {
		pending += text;
		if (!whole) take(false);
		if (enough) return decoder.finishEarly(head!);
	}
	if (whole) return decodeXml(pending, lists, emptyOk);
	take(true);
	if (head === undefined) return decodeXml(pending, lists, emptyOk);
	// what follows the last whole record: the closing tags, maybe other fields, or a cut-off record (truncated answer)
	const trailing = decoder.leadingEmpty.exec(pending);
	if (trailing) {
		decoder.add(trailing[0]);
		pending = pending.slice(trailing[0].length);
	}
	if (decoder.opening.test(pending)) {
		// a record that never closed means a cut-off document: decodeXml says so in its own words
		decodeXml(`${head}${pending}`, lists, emptyOk);
		throw new StreamFallback('a record after the other fields');
	}
	return decoder.finish(head, pending, emptyOk);
}

