import { XMLParser } from 'fast-xml-parser';
import type { IDataObject } from 'n8n-workflow';

import { type CodeTable, labelOf } from './codes';
import { StringPool } from './stringPool';

/**
 * Closing tags the vendor reference misspells (§2.4, §3.1, §4.2). Real answers may carry them; fast-xml-parser closes
 * the open element whatever the closing name is, but we repair them first so a stricter parser would agree.
 */
const TAG_TYPOS: Array<[RegExp, string]> = [
	[/(<rebate>[^<]*)<\/rebtae>/g, '$1</rebate>'],
	[/(<send_id>[^<]*)<\/task_sn>/g, '$1</send_id>'],
	[/(<maillist>[\s\S]*?)<\/aillist>/g, '$1</maillist>'],
];

/** The reference's spellings → the names users see. */
export const FIELD_RENAMES: Record<string, string> = {
	brithday: 'birthday',
	send_satus: 'send_status',
	send_qty_remak: 'send_qty_remark',
	rebtae: 'rebate',
};

/** What could not be decoded; `head` is the answer's beginning, uncut so secrets can be scrubbed before it is cut. */
export class AnswerFormatError extends Error {
	readonly head: string;

	constructor(message: string, text: string) {
		super(message);
		this.head = text.slice(0, HEAD_LENGTH);
	}

	/** the beginning, flattened and cut, for display where no secret can be in it */
	get snippet(): string {
		return snippetOf(this.head);
	}
}

const HEAD_LENGTH = 2000;

const CDATA = '#cdata';

function makeParser(lists: ReadonlySet<string>) {
	const names = new Set([...lists].map((list) => list.slice(list.lastIndexOf('.') + 1)));
	return new XMLParser({
		ignoreAttributes: true,
		ignoreDeclaration: true,
		ignorePiTags: true,
		// ids, phone numbers and batch numbers such as 20120302-362-F9B1E5 must stay strings
		parseTagValue: false,
		trimValues: true,
		// no DOCTYPE entity expansion; the five predefined entities are decoded below
		processEntities: false,
		cdataPropName: CDATA,
		tagValueProcessor: (_name: string, value: string) => decodePredefinedEntities(value),
		// the path is built (a string per element) only for names that end a documented list
		jPath: false,
		isArray: (name, path) => names.has(name) && lists.has(String(path)),
	});
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodePredefinedEntities(value: string): string {
	if (!value.includes('&')) return value;
	return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, name: string) => {
		if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
		return ENTITIES[name] ?? whole;
	});
}

const parsers = new Map<string, XMLParser>();

function parserFor(lists: readonly string[]): XMLParser {
	const key = lists.join('|');
	let parser = parsers.get(key);
	if (!parser) {
		parser = makeParser(new Set(lists));
		parsers.set(key, parser);
	}
	return parser;
}

export function snippetOf(text: string, length = 120): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

export function looksLikeHtml(text: string): boolean {
	return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}

/** The name of the first element, skipping the declaration, comments and processing instructions. */
export function rootName(text: string): string | undefined {
	const match = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*<([A-Za-z_][\w.-]*)/.exec(text);
	return match?.[1];
}

/** A document is whole when it ends by closing its root (or the root is self-closing). */
function isComplete(text: string, root: string): boolean {
	const tail = text.trimEnd();
	if (tail.endsWith(`</${root}>`)) return true;
	return new RegExp(`^(?:\\s|<\\?[\\s\\S]*?\\?>)*<${root}\\s*/>$`).test(tail);
}

/**
 * Text beside a CDATA section in one element (or two sections side by side): fast-xml-parser keeps CDATA apart from the
 * text and their order is lost, so such documents have their sections turned into escaped text first. Tested first:
 * the usual answer (CDATA alone in its element) is not copied.
 */
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';
const CDATA_SECTION = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** Whether a CDATA section has text (or another section) beside it; a scan with indexOf, 10× cheaper than a regex. */
function hasMixedCdata(text: string): boolean {
	for (let open = text.indexOf(CDATA_OPEN); open !== -1; ) {
		let before = open - 1;
		while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
		if (before >= 0 && (text.charCodeAt(before) !== 62 || text.startsWith(CDATA_CLOSE, before - 2))) return true;
		const close = text.indexOf(CDATA_CLOSE, open + CDATA_OPEN.length);
		if (close === -1) return false;
		let after = close + CDATA_CLOSE.length;
		while (after < text.length && isSpace(text.charCodeAt(after))) after++;
		if (after < text.length && text.charCodeAt(after) !== 60) return true;
		// a section's content may hold "<![CDATA[" as text: look again after its end
		open = text.indexOf(CDATA_OPEN, close + CDATA_CLOSE.length);
	}
	return false;
}

export function escapeText(content: string): string {
	return content.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function normalize(value: unknown, strings: StringPool): unknown {
	if (typeof value === 'string') return strings.share(value);
	if (Array.isArray(value)) return value.map((entry) => normalize(entry, strings));
	if (value === null || typeof value !== 'object') return value;
	const object = value as Record<string, unknown>;
	const keys = Object.keys(object);
	if (keys.length === 1 && keys[0] === CDATA) return strings.share(String(object[CDATA]).trim());
	const out: IDataObject = {};
	for (const key of keys) {
		if (key === CDATA || key === '#text') continue;
		out[FIELD_RENAMES[key] ?? key] = normalize(object[key], strings) as IDataObject[keyof IDataObject];
	}
	if (CDATA in object || '#text' in object) {
		// mixed text and elements: keep the text under a plain name
		out.text = [object['#text'], object[CDATA]].filter((part) => part !== undefined).join('').trim();
	}
	return out;
}

/** Makes every documented list path an array, also when the element is empty or absent. */
export function ensureLists(root: IDataObject, lists: readonly string[]) {
	for (const path of lists) {
		const parts = path.split('.').map((part) => FIELD_RENAMES[part] ?? part);
		let holders: IDataObject[] = [root];
		for (let i = 0; i < parts.length - 1; i++) {
			const next: IDataObject[] = [];
			for (const holder of holders) {
				let child = holder[parts[i]];
				if (child === '' || child === undefined) {
					if (i < parts.length - 2) continue;
					child = {};
					holder[parts[i]] = child;
				}
				for (const entry of Array.isArray(child) ? child : [child]) {
					if (entry && typeof entry === 'object') next.push(entry as IDataObject);
				}
			}
			holders = next;
		}
		const last = parts[parts.length - 1];
		for (const holder of holders) {
			const current = holder[last];
			if (current === undefined || current === '') holder[last] = [];
			else if (!Array.isArray(current)) holder[last] = [current as IDataObject];
		}
	}
}

/**
 * XML answer → plain JSON: CDATA unwrapped, text trimmed, no number or boolean coercion, documented lists always arrays.
 * Returns `{ <root>: … }`. Throws AnswerFormatError (never a parser stack trace) on an HTML page, an empty or cut body.
 * `strings` is shared by the pieces of one streamed answer.
 */
export function decodeXml(text: string, lists: readonly string[] = [], emptyOk = false, strings = new StringPool()): IDataObject {
	// §3.6 answers a bare declaration when there is nothing to list
	if (emptyOk && /^\s*(<\?xml[^>]*\?>)?\s*$/.test(text)) {
		const empty: IDataObject = {};
		ensureLists(empty, lists);
		return empty;
	}
	if (text.trim() === '') throw new AnswerFormatError('The server sent an empty answer where XML was expected', '');
	if (looksLikeHtml(text)) {
		throw new AnswerFormatError('The server sent an HTML page where XML was expected', text);
	}
	let repaired = text;
	for (const [typo, fix] of TAG_TYPOS) repaired = repaired.replace(typo, fix);
	if (hasMixedCdata(repaired)) repaired = repaired.replace(CDATA_SECTION, (_section, content: string) => escapeText(content));
	const root = rootName(repaired);
	if (!root) throw new AnswerFormatError('The server sent something that is not XML', text);
	if (!isComplete(repaired, root)) {
		throw new AnswerFormatError('The server sent a truncated XML answer', text);
	}
	let parsed: unknown;
	let failure: string | undefined;
	try {
		parsed = parserFor(lists).parse(repaired);
	} catch (error) {
		failure = (error as Error).message.split('\n')[0];
	}
	if (failure !== undefined) {
		throw new AnswerFormatError(`The server sent XML that cannot be read (${failure})`, text);
	}
	const result = normalize(parsed, strings) as IDataObject;
	if (result[root] === '') result[root] = {};
	ensureLists(result, lists);
	return result;
}

/** JSON answers (§2.6, and out_type=json exports). */
const BOM = /^\uFEFF/;

export function decodeJson(raw: string): unknown {
	const text = raw.replace(BOM, '');
	if (text.trim() === '') throw new AnswerFormatError('The server sent an empty answer where JSON was expected', '');
	if (looksLikeHtml(text)) {
		throw new AnswerFormatError('The server sent an HTML page where JSON was expected', text);
	}
	let parsed: unknown;
	let ok = true;
	try {
		parsed = JSON.parse(text) as unknown;
	} catch {
		ok = false;
	}
	if (!ok) throw new AnswerFormatError('The server sent JSON that cannot be read', text);
	return parsed;
}

/** Plain text exports: one record a line. */
export function decodeLines(raw: string): string[] {
	const text = raw.replace(BOM, '');
	if (looksLikeHtml(text)) {
		throw new AnswerFormatError('The server sent an HTML page where a text export was expected', text);
	}
	return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/**
 * One line of a text/CSV export → cells: TAB, comma or semicolon, whichever the line uses (a quoted cell may hold it);
 * runs of spaces only when the line has none of them (a time holds a space).
 */
export function cellsOf(line: string): string[] {
	if (!/[\t,;]/.test(line)) return line.trim().split(/\s+/);
	const separator = line.includes('\t') ? '\t' : line.includes(',') ? ',' : ';';
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const char = line[i];
		if (quoted) {
			if (char === '"' && line[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"' && cell.trim() === '') {
			quoted = true;
			cell = '';
		} else if (char === separator) {
			cells.push(cell.trim());
			cell = '';
		} else cell += char;
	}
	cells.push(cell.trim());
	return cells;
}

export function splitColumns(line: string, columns: readonly string[]): IDataObject {
	const cells = cellsOf(line);
	const row: IDataObject = {};
	columns.forEach((column, index) => {
		row[column] = (cells[index] ?? '').trim();
	});
	return row;
}

/**
 * Adds `<field>_label` next to each coded field, e.g. send_status "3" → send_status_label "completed"; null for a code
 * the reference does not list, so every item of an output has the same fields (both nodes).
 */
export function addLabels(record: IDataObject, labels: Record<string, CodeTable> | undefined): IDataObject {
	if (!labels) return record;
	for (const [field, table] of Object.entries(labels)) {
		if (field in record) record[`${field}_label`] = labelOf(table, record[field]) ?? null;
	}
	return record;
}

/** Walks a dotted path (`task_list.task`) through a decoded answer. */
export function pick(answer: unknown, path: string | undefined): unknown {
	if (!path) return answer;
	let current: unknown = answer;
	for (const part of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[FIELD_RENAMES[part] ?? part];
	}
	return current;
}
