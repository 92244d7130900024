/**
 * An output record of a reference sample, as rows of field → meaning, each traced back to the element of the decoded
 * answer it came from (same text, or the same subtree), so a field the mapping renamed shows its API name.
 */
import type { IDataObject } from 'n8n-workflow';

export interface Row {
	path: string;
	meaning: string;
	/** the API's name, where it differs */
	from?: string;
}

export interface Source {
	/** text or JSON of a subtree → the paths that hold it */
	paths: Map<string, string[]>;
	/** every object in the answer with its path */
	objects: Array<[string, IDataObject]>;
}

const isObject = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);
// a comma list split into an array is found again whatever the spaces around its commas
const keyOf = (value: unknown) => (typeof value === 'string' ? value.replace(/\s*,\s*/g, ',') : JSON.stringify(value));
const leaf = (path: string) => path.replace(/\[\]$/, '').split('.').pop()!.replace(/\[\]$/, '');

export function sourceIndex(body: unknown): Source {
	const source: Source = { paths: new Map(), objects: [] };
	const walk = (value: unknown, path: string) => {
		const key = keyOf(value);
		source.paths.set(key, [...(source.paths.get(key) ?? []), path]);
		if (Array.isArray(value)) value.forEach((entry) => walk(entry, `${path}[]`));
		else if (isObject(value)) {
			source.objects.push([path, value]);
			for (const [name, child] of Object.entries(value)) walk(child, path ? `${path}.${name}` : name);
		}
	};
	walk(body, '');
	return source;
}

/** The path below `base`, or undefined when the value is not found there. */
function origin(source: Source, value: unknown, base: string, name: string): string | undefined {
	let candidates = source.paths.get(keyOf(value)) ?? [];
	if (!candidates.length && Array.isArray(value) && value.every((entry) => typeof entry === 'string')) {
		candidates = source.paths.get(value.join(',')) ?? [];
	}
	// a single element the decoder kept as an object, a list in the output
	if (!candidates.length && Array.isArray(value) && value.length === 1) candidates = source.paths.get(keyOf(value[0])) ?? [];
	const below = candidates.filter((path) => !base || path.startsWith(`${base}.`));
	const chosen = below.find((path) => leaf(path) === name) ?? below[0];
	return chosen === undefined ? undefined : base ? chosen.slice(base.length + 1) : chosen;
}

/** The object of the answer the record was made from: the one sharing most of its field names. */
function rootOf(record: IDataObject, source: Source): string {
	let best = '';
	let shared = -1;
	for (const [path, object] of source.objects) {
		const count = Object.keys(record).filter((key) => key in object).length;
		if (count > shared) [best, shared] = [path, count];
	}
	return best;
}

const meaningOf = (value: unknown): string => {
	if (Array.isArray(value)) return value.length && !isObject(value[0]) ? `list of: ${value.map(String).join(', ')}` : 'list of:';
	if (isObject(value)) return 'object:';
	return value === null || value === undefined ? '' : String(value);
};

export function flatten(record: IDataObject, source: Source, prefix = '', base = rootOf(record, source)): Row[] {
	const rows: Row[] = [];
	for (const [name, value] of Object.entries(record)) {
		// the reference's dated comments (`----- 20121207 新增`) decode as text beside elements: not a field
		if (name === 'text' && typeof value === 'string' && value.startsWith('-----')) continue;
		const path = `${prefix}${name}`;
		const from = name.endsWith('_label') ? undefined : origin(source, value, base, name);
		const label = name.endsWith('_label') && name.slice(0, -'_label'.length) in record ? `readable label of ${name.slice(0, -'_label'.length)} (the codes below)` : undefined;
		const row: Row = { path, meaning: label ?? meaningOf(value) };
		if (from !== undefined && leaf(from) !== name) row.from = from.replace(/\[\]/g, '');
		rows.push(row);
		const inner = Array.isArray(value) ? value[0] : value;
		if (isObject(inner)) {
			const innerBase = from !== undefined ? `${base ? `${base}.` : ''}${from}${Array.isArray(value) && !from.endsWith('[]') ? '[]' : ''}` : base;
			rows.push(...flatten(inner, source, `${path}${Array.isArray(value) ? '[]' : ''}.`, innerBase));
		}
	}
	return rows;
}
