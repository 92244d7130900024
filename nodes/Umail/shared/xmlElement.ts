// What xmlTree.ts keeps of an element: its name's marks and, while it is open, its content so far.
import type { IDataObject } from 'n8n-workflow';

import { FIELD_RENAMES } from './answers';

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
export const Mark = { Guarded: 1, Renamed: 2, ListEnd: 4 } as const;

export interface Tag {
	name: string;
	mark: number;
}

/** The marks of the names that need one: guarded names, misspelt ones, the last names of documented lists. */
export function tagMarks(allLists: readonly string[]): Map<string, number> {
	const marks = new Map<string, number>();
	const mark = (name: string, flag: number) => marks.set(name, (marks.get(name) ?? 0) | flag);
	for (const name of GUARDED) mark(name, Mark.Guarded);
	for (const name of Object.keys(FIELD_RENAMES)) mark(name, Mark.Renamed);
	for (const list of allLists) mark(list.slice(list.lastIndexOf('.') + 1), Mark.ListEnd);
	return marks;
}

/** An open element while its content arrives (frames are reused by depth). */
export class Frame {
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

/** The reference's misspelt names renamed, as decodeXml's normalize does (a later value under the same name wins). */
export function renamed(children: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const key of Object.keys(children)) out[FIELD_RENAMES[key] ?? key] = children[key];
	return out;
}
