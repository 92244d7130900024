import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { IDataObject } from 'n8n-workflow';

import { AnswerFormatError, decodePredefinedEntities, ensureLists, escapeText, FIELD_RENAMES } from './answers';
import { StringPool } from './stringPool';

/**
 * A big XML answer decoded as it arrives: htmlparser2's tokenizer (XML mode, entities left alone) reports tags and text
 * and the tree is built the way decodeXml builds it with fast-xml-parser, so the result is the same:
 * - a closing tag closes the open element whatever its name (which also mends the reference's typo'd closing tags);
 * - each run of text between tags is trimmed, its predefined entities decoded, and the runs of an element joined;
 * - CDATA is taken as it is, trimmed; text beside it is joined to it as decodeXml joins them;
 * - repeated elements and documented lists become arrays, the reference's misspelt field names are renamed.
 * Where decodeXml's result depends on more than the element at hand (comments or processing instructions inside the
 * root, CDATA beside child elements, "<" in text, names fast-xml-parser guards against, a document that is not whole
 * but ends as if it were), StreamFallback is thrown and the caller decodes the whole answer instead.
 */

/** The document is not one this decoder reads as decodeXml does: decode it whole instead. */
export class StreamFallback extends Error {}

/** names fast-xml-parser refuses or renames, against prototype pollution */
const GUARDED = [
	'__proto__',
	'constructor',
	'prototype',
	'hasOwnProperty',
	'toString',
	'valueOf',
	'__defineGetter__',
	'__defineSetter__',
	'__lookupGetter__',
	'__lookupSetter__',
];

/** What a tag name needs beyond the plain case, looked up once per element. */
const enum Mark {
	Guarded = 1,
	Renamed = 2,
	ListEnd = 4,
}

const TRUNCATED = 'The server sent a truncated XML answer';
const HEAD_CHARS = 2000;
const TAIL_BYTES = 1024;

// the whitespace decodeXml's CDATA check skips; trim() also removes it, so a run of it can be dropped at a run's start
const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

function lastNonSpace(text: string): number {
	let at = text.length - 1;
	while (at >= 0 && isSpace(text.charCodeAt(at))) at--;
	return at;
}

class Frame {
	name = '';
	/** child elements by name in order of first appearance; undefined while there are none */
	children: IDataObject | undefined = undefined;
	/** fast-xml-parser's text: each run between tags trimmed and decoded, the runs joined */
	text: string | undefined = undefined;
	/** where the current run of text starts and ends (bytes; -1: no run) */
	runStart = -1;
	runEnd = 0;
	/** an element holding CDATA: its raw text and CDATA in turn, [text, cdata, text, …] */
	parts: string[] | undefined = undefined;
	/** a child's name is one the reference misspells */
	renamed = false;
	/** the element's dotted path, only for names that end a documented list */
	path: string | undefined = undefined;

	open(name: string, path: string | undefined) {
		this.name = name;
		this.children = undefined;
		this.text = undefined;
		this.runStart = -1;
		this.parts = undefined;
		this.renamed = false;
		this.path = path;
	}
}

export class XmlTree implements TokenizerCallbacks {
	private readonly tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, this);
	// values longer than a timestamp are nearly all unique (emails, URLs): pooling them costs time and saves nothing
	private readonly strings = new StringPool(1 << 16, 24);
	private readonly lists: ReadonlySet<string>;
	private readonly marks = new Map<string, number>();
	/** frames[0] holds the document; frames are reused by depth */
	private readonly frames: Frame[] = [new Frame()];
	private depth = 0;
	private root: string | undefined;
	private rootClosed = false;
	/** something besides whitespace after the root element */
	private afterRoot = false;
	/**
	 * The pieces not yet read, as bytes and as Latin-1 text (one character a byte) for the tokenizer: markup is ASCII,
	 * so the tokenizer's offsets are byte offsets, values are decoded from the bytes as UTF-8 (fresh, compact strings
	 * that keep no piece alive) and a character cut between two pieces is whole again.
	 */
	private readonly pieces: Buffer[] = [];
	private pieceOffset = 0;
	/** the offset of the piece written last */
	private lastOffset = 0;
	private last = '';
	private written = 0;
	private head = '';
	/** the last bytes that are not ASCII whitespace, for the end's check */
	private tail = Buffer.alloc(0);
	/** records closed at the record path */
	count = 0;

	constructor(
		private readonly recordPath: string,
		private readonly allLists: readonly string[],
		private readonly upTo = Infinity,
	) {
		this.lists = new Set(allLists);
		const mark = (name: string, flag: Mark) => this.marks.set(name, (this.marks.get(name) ?? 0) | flag);
		for (const name of GUARDED) mark(name, Mark.Guarded);
		for (const name of Object.keys(FIELD_RENAMES)) mark(name, Mark.Renamed);
		for (const list of allLists) mark(list.slice(list.lastIndexOf('.') + 1), Mark.ListEnd);
	}

	get enough(): boolean {
		return this.count >= this.upTo;
	}

	write(bytes: Buffer) {
		if (this.head.length < HEAD_CHARS) this.head += bytes.toString('utf8', 0, 3 * HEAD_CHARS).slice(0, HEAD_CHARS - this.head.length);
		let last = bytes.length - 1;
		while (last >= 0 && isSpace(bytes[last])) last--;
		if (last >= 0) this.tail = Buffer.concat([this.tail, bytes.subarray(Math.max(0, last + 1 - TAIL_BYTES), last + 1)]).subarray(-TAIL_BYTES);
		const text = bytes.toString('latin1');
		this.pieces.push(bytes);
		this.lastOffset = this.written;
		this.last = text;
		this.written += bytes.length;
		this.tokenizer.write(text);
	}

	/** The whole document has been written: the decoded answer, as decodeXml gives it. */
	end(): IDataObject {
		this.tokenizer.end();
		if (this.rootClosed && !this.afterRoot && this.takeRun(this.frames[0]).trim() === '') return this.result();
		// decodeXml reads a document that ends by closing its root as whole, whatever came before: let it say
		if (this.root !== undefined && this.tail.toString('utf8').trimEnd().endsWith(`</${this.root}>`)) throw new StreamFallback('a document that is not well-formed');
		throw new AnswerFormatError(TRUNCATED, this.head);
	}

	/** Enough records (Limit): the open elements are closed where the reading stopped; the rest stays unread. */
	endEarly(): IDataObject {
		while (this.depth > 0) this.close();
		return this.result();
	}

	private result(): IDataObject {
		const document = this.frames[0].children ?? {};
		if (this.root !== undefined && document[this.root] === '') document[this.root] = {};
		ensureLists(document, this.allLists);
		return document;
	}

	/** The text from start to end, decoded as UTF-8. */
	private slice(start: number, end: number): string {
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
	private name(start: number, end: number): string {
		if (start >= this.lastOffset) {
			const name = this.last.slice(start - this.lastOffset, end - this.lastOffset);
			let ascii = true;
			for (let i = 0; i < name.length && ascii; i++) ascii = name.charCodeAt(i) < 128;
			if (ascii) return name;
		}
		return this.slice(start, end);
	}

	/** Whether the text from start to end is only spaces, tabs and line breaks (false when unsure). */
	private blank(start: number, end: number): boolean {
		if (start < this.lastOffset) return false;
		for (let at = start - this.lastOffset; at < end - this.lastOffset; at++) if (!isSpace(this.last.charCodeAt(at))) return false;
		return true;
	}

	/** The raw text of an element's current run ('' when none), which ends here. */
	private takeRun(frame: Frame): string {
		if (frame.runStart === -1) return '';
		const raw = this.text(frame.runStart, frame.runEnd);
		frame.runStart = -1;
		if (raw.includes('<')) throw new StreamFallback('a "<" in text');
		return raw;
	}

	/** Text or CDATA content with line breaks made \n, as fast-xml-parser makes them before anything else. */
	private text(start: number, end: number): string {
		const text = this.slice(start, end);
		return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
	}

	private flush(frame: Frame) {
		const run = this.takeRun(frame).trim();
		if (run === '') return;
		const text = decodePredefinedEntities(run);
		frame.text = frame.text === undefined ? text : frame.text + text;
	}

	/** An element's CDATA with the text beside it, as decodeXml decodes it. */
	private cdataValue(parts: string[]): string {
		const before = parts[0];
		if (parts.length === 3 && lastNonSpace(parts[2]) === -1) {
			const at = lastNonSpace(before);
			if (at === -1) return this.strings.share(parts[1].trim());
			// decodeXml's own check would not see this CDATA as beside text: its result depends on the whole document
			if (before[at] === '>' && !before.startsWith(']]>', at - 2)) throw new StreamFallback('text ending in ">" before CDATA');
		}
		// decodeXml turns CDATA beside text into escaped text, joined with the text around it into one run
		let text = '';
		for (let i = 0; i < parts.length; i++) text += i % 2 === 1 ? escapeText(parts[i]) : parts[i];
		return this.strings.share(decodePredefinedEntities(text.trim()));
	}

	private close() {
		const frame = this.frames[this.depth--];
		let value: IDataObject | string;
		if (frame.parts) {
			frame.parts.push(this.takeRun(frame));
			value = this.cdataValue(frame.parts);
		} else {
			this.flush(frame);
			// (one character: V8 already keeps one string of each)
			if (!frame.children) value = frame.text === undefined ? '' : frame.text.length > 1 ? this.strings.share(frame.text) : frame.text;
			else {
				value = frame.renamed ? renamed(frame.children) : frame.children;
				if (frame.text !== undefined) value.text = frame.text.trim();
			}
		}
		const parent = this.frames[this.depth];
		const siblings = (parent.children ??= {});
		const name = frame.name;
		const previous = siblings[name];
		if (previous !== undefined && Object.prototype.hasOwnProperty.call(siblings, name)) {
			if (Array.isArray(previous)) (previous as unknown[]).push(value);
			else siblings[name] = [previous as IDataObject, value as IDataObject];
		} else {
			siblings[name] = frame.path !== undefined && this.lists.has(frame.path) ? [value as IDataObject] : value;
		}
		if (this.depth === 0) this.rootClosed = true;
		if (frame.path === this.recordPath && ++this.count >= this.upTo) this.tokenizer.pause();
	}

	private pathOf(name: string): string {
		let path = name;
		for (let depth = this.depth; depth > 0; depth--) path = `${this.frames[depth].name}.${path}`;
		return path;
	}

	// ------------------------------------------------------------ tokenizer events

	onopentagname(start: number, end: number) {
		const parent = this.frames[this.depth];
		if (this.depth > 0) {
			if (parent.parts) throw new StreamFallback('CDATA beside child elements');
			this.flush(parent);
			parent.children ??= {};
		}
		const name = this.name(start, end);
		const mark = this.marks.get(name) ?? 0;
		if (mark & Mark.Guarded) throw new StreamFallback(`an element named ${name}`);
		if (this.depth === 0) {
			if (this.root === undefined) this.root = name;
			else this.afterRoot = true;
		} else if (mark & Mark.Renamed) parent.renamed = true;
		const path = mark & Mark.ListEnd ? this.pathOf(name) : undefined;
		this.depth++;
		(this.frames[this.depth] ??= new Frame()).open(name, path);
	}

	onselfclosingtag() {
		this.close();
	}

	onclosetag() {
		if (this.depth === 0) this.afterRoot = true;
		else this.close();
	}

	ontext(start: number, end: number) {
		const frame = this.frames[this.depth];
		if (this.depth === 0) {
			// before the root there is only whitespace (decodeXmlStream starts the tree after the prolog); after it, text
			// other than ASCII whitespace is looked at in the end (Unicode spaces are trimmed away there too)
			if (this.root !== undefined && !this.blank(start, end)) {
				if (frame.runStart === -1) frame.runStart = start;
				frame.runEnd = end;
			}
			return;
		}
		if (frame.runStart === -1) {
			// leading whitespace of a run is trimmed away (not beside CDATA, where it joins the CDATA)
			if (!frame.parts && this.blank(start, end)) return;
			frame.runStart = start;
		}
		frame.runEnd = end;
	}

	oncdata(start: number, end: number, offset: number) {
		if (this.depth === 0) {
			if (this.root !== undefined) this.afterRoot = true;
			return;
		}
		const frame = this.frames[this.depth];
		if (frame.children) throw new StreamFallback('CDATA beside child elements');
		const before = this.takeRun(frame);
		(frame.parts ??= []).push(before, this.text(start, end - offset));
	}

	oncomment() {
		this.markup();
	}

	onprocessinginstruction() {
		this.markup();
	}

	ondeclaration() {
		this.markup();
	}

	/** Comments, processing instructions, declarations: fine before the root, a document to decode whole inside it. */
	private markup() {
		if (this.depth > 0) throw new StreamFallback('markup other than elements, text and CDATA inside the root');
		if (this.root !== undefined) this.afterRoot = true;
	}

	onattribdata() {}
	onattribentity() {}
	onattribend() {}
	onattribname() {}
	onopentagend() {}
	ontextentity() {}
	onend() {}
}

/**
 * The bytes as UTF-8 text: Buffer#utf8Slice is toString('utf8', …) without its argument checks (Node's own fast path,
 * there in every release; a tenth of the decoding time here).
 */
function utf8(bytes: Buffer, start: number, end: number): string {
	const fast = bytes as Buffer & { utf8Slice?: (start: number, end: number) => string };
	return fast.utf8Slice ? fast.utf8Slice(start, end) : bytes.toString('utf8', start, end);
}

/** The reference's misspelt names renamed, as decodeXml's normalize does (a later value under the same name wins). */
function renamed(children: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const key of Object.keys(children)) out[FIELD_RENAMES[key] ?? key] = children[key];
	return out;
}
