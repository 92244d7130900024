import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { IDataObject } from 'n8n-workflow';

import { AnswerFormatError, decodePredefinedEntities, ensureLists, escapeText } from './answers';
import { RawCache } from './rawCache';
import { StringPool } from './stringPool';
import { Frame, Mark, renamed, type Tag, tagMarks } from './xmlElement';
import { AnswerText, isSpace } from './xmlText';

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

/**
 * Values this short (a timestamp) are shared: leaf values found again by their bytes, CDATA values by the pool. Longer
 * ones (emails, URLs) are nearly all unique: sharing them would cost time and save nothing.
 */
const SHORT = 24;

const TRUNCATED = 'The server sent a truncated XML answer';

function lastNonSpace(text: string): number {
	let at = text.length - 1;
	while (at >= 0 && isSpace(text.charCodeAt(at))) at--;
	return at;
}

export class XmlTree implements TokenizerCallbacks {
	private readonly tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, this);
	private readonly strings = new StringPool(1 << 16, SHORT);
	private readonly lists: ReadonlySet<string>;
	private readonly marks: Map<string, number>;
	private readonly tags = new RawCache<Tag>(10);
	private readonly values = new RawCache<string>();
	/** frames[0] holds the document; frames are reused by depth */
	private readonly frames: Frame[] = [new Frame()];
	private depth = 0;
	private root: string | undefined;
	private rootClosed = false;
	/** something besides whitespace after the root element */
	private afterRoot = false;
	private readonly text = new AnswerText();
	/** records closed at the record path */
	count = 0;

	constructor(
		private readonly recordPath: string,
		private readonly allLists: readonly string[],
		private readonly upTo = Infinity,
	) {
		this.lists = new Set(allLists);
		this.marks = tagMarks(allLists);
	}

	get enough(): boolean {
		return this.count >= this.upTo;
	}

	write(bytes: Buffer) {
		this.tokenizer.write(this.text.add(bytes));
	}

	/** The whole document has been written: the decoded answer, as decodeXml gives it. */
	end(): IDataObject {
		this.tokenizer.end();
		if (this.rootClosed && !this.afterRoot && this.takeRun(this.frames[0]).trim() === '') return this.result();
		// decodeXml reads a document that ends by closing its root as whole, whatever came before: let it say
		if (this.root !== undefined && this.text.endsWith(`</${this.root}>`)) throw new StreamFallback('a document that is not well-formed');
		throw new AnswerFormatError(TRUNCATED, this.text.head);
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

	/** The raw text of an element's current run ('' when none), which ends here. */
	private takeRun(frame: Frame): string {
		if (frame.runStart === -1) return '';
		const raw = this.content(frame.runStart, frame.runEnd);
		frame.runStart = -1;
		if (raw.includes('<')) throw new StreamFallback('a "<" in text');
		return raw;
	}

	/** Text or CDATA content with line breaks made \n, as fast-xml-parser makes them before anything else. */
	private content(start: number, end: number): string {
		const text = this.text.slice(start, end);
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
		} else if (!frame.children) {
			value = this.leafValue(frame);
		} else {
			this.flush(frame);
			value = frame.renamed ? renamed(frame.children) : frame.children;
			if (frame.text !== undefined) value.text = frame.text.trim();
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

	/** An element of text alone (no CDATA, no children): its one run, decoded, by its bytes when they are short. */
	private leafValue(frame: Frame): string {
		const { runStart: start, runEnd: end } = frame;
		if (start === -1) return '';
		const short = end - start <= SHORT;
		const known = short ? this.text.find(this.values, start, end) : undefined;
		if (known !== undefined) {
			frame.runStart = -1;
			return known;
		}
		this.flush(frame);
		const value = frame.text ?? '';
		// the cache shares the short values; the pool would share only the few that come in more than one spelling
		if (short) this.text.remember(this.values, start, end, value, value);
		return value;
	}

	/** A start tag's name and what it needs, by its bytes. */
	private tagAt(start: number, end: number): Tag {
		let tag = this.text.find(this.tags, start, end);
		if (tag === undefined) {
			const name = this.text.name(start, end);
			tag = { name, mark: this.marks.get(name) ?? 0 };
			this.text.remember(this.tags, start, end, tag, name);
		}
		return tag;
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
		const { name, mark } = this.tagAt(start, end);
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
			if (this.root !== undefined && !this.text.blank(start, end)) {
				if (frame.runStart === -1) frame.runStart = start;
				frame.runEnd = end;
			}
			return;
		}
		if (frame.runStart === -1) {
			// leading whitespace of a run is trimmed away (not beside CDATA, where it joins the CDATA)
			if (!frame.parts && this.text.blank(start, end)) return;
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
		(frame.parts ??= []).push(before, this.content(start, end - offset));
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
