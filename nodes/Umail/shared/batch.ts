import { type IDataObject, type IExecuteFunctions, type INodeExecutionData, sleep } from 'n8n-workflow';

import { labelOf } from './codes';
import { listAt, resultData, resultOf } from './outputs';
import type { UmailAnswer, UmailRequest } from './transport';

/**
 * Row building, chunking and file import for bulk adds (§4.8.2, §4.8.3, §4.8.4, §4.13). A row is
 * `email;name;sex;birthday;phone;area;var1;…;var10`; the API has no escaping, so a value holding a separator is refused
 * here rather than sent, where it would shift columns or split the row.
 */

export const VARIABLES = ['var1', 'var2', 'var3', 'var4', 'var5', 'var6', 'var7', 'var8', 'var9', 'var10'] as const;
export const ROW_COLUMNS = ['email', 'name', 'sex', 'birthday', 'phone', 'area', ...VARIABLES] as const;

export type Contact = Record<(typeof ROW_COLUMNS)[number], string>;

/** The API's advice: at most 500 rows a call; above that, file import. */
export const MAX_ROWS_PER_CALL = 500;

/**
 * Tunables, exported so tests can shorten the waits between import status checks. The waits: short first, so an import
 * parsed quickly is seen soon, then longer, so a long one costs few calls; the last wait repeats. The checks come 0, 1,
 * 2.5, 5, 10, 15, 25, 40, 70, 100 s… after the upload: during the first 15 s at every point a fixed 5 s interval would
 * check and more (the emulator parses in 5 s: a 10,000-row import costs 4 checks), then up to 30 s apart.
 */
export const batchSettings = {
	pollScheduleMs: [1_000, 1_500, 2_500, 5_000, 5_000, 10_000, 15_000, 30_000],
};

/** The wait after the `polls`-th status check. */
export function pollWait(polls: number): number {
	const schedule = batchSettings.pollScheduleMs;
	return schedule[Math.min(polls, schedule.length) - 1];
}

// `;` separates columns, line breaks separate rows; the service also splits file rows on TAB
const SEPARATOR = /[;\t\r\n]/;

/** The name of the first column whose value would break the row, or undefined. */
export function brokenColumn(contact: Contact): string | undefined {
	return ROW_COLUMNS.find((column) => SEPARATOR.test(contact[column]));
}

export function toRow(contact: Contact): string {
	return ROW_COLUMNS.map((column) => contact[column]).join(';');
}

export function chunk<T>(list: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
	return chunks;
}

type Call = (request: UmailRequest) => Promise<UmailAnswer>;

/** §4.8.2: one call with up to 500 rows; answers the server's message (counts, in its own words). */
export async function addRows(call: Call, contactListId: string, rows: string[]): Promise<string> {
	const answer = await call({
		endpoint: 'mloperate.php',
		do: 'ml-addr-add',
		method: 'POST',
		qs: { list_id: contactListId },
		form: { ml_addr: rows.join('\n') },
	});
	return resultData(answer.body);
}

/** §4.8.3: uploads rows (or a file) as multipart field `file`; answers the import id. */
export async function uploadImport(call: Call, contactListId: string, fileName: string, data: Buffer): Promise<string> {
	const answer = await call({
		endpoint: 'mloperate.php',
		do: 'ml-addr-add-file',
		method: 'POST',
		qs: { list_id: contactListId },
		form: { list_id: contactListId },
		files: [{ field: 'file', fileName, data, mimeType: 'text/plain' }],
		timeoutMs: 300_000,
	});
	return resultData(answer.body);
}

/** §4.8.4 answers: all four are states of the import, not failures of the call. */
export const IMPORT_STATES: Record<string, string> = {
	success: 'parsed',
	no_complete: 'still parsing',
	not_exist: 'no such import',
	error: 'bad import id',
};

export interface ImportState {
	importId: string;
	status: string;
	status_label: string;
	message: string;
}

export async function importStatus(call: Call, importId: string): Promise<ImportState> {
	const answer = await call({
		endpoint: 'mloperate.php',
		do: 'ml-addr-add-file-query',
		effect: 'read',
		qs: { id: importId },
		okStatuses: ['no_complete', 'not_exist', 'error'],
	});
	const status = String(resultOf(answer.body).status ?? '');
	return { importId, status, status_label: IMPORT_STATES[status] ?? status, message: resultData(answer.body) };
}

/** Polls §4.8.4 on batchSettings' schedule until the import is parsed (or known to have failed) or `maxWaitMs` has passed. */
export async function waitForImport(call: Call, importId: string, maxWaitMs: number): Promise<ImportState & { polls: number }> {
	let polls = 0;
	for (let waited = 0; ; ) {
		const state = await importStatus(call, importId);
		polls++;
		const wait = pollWait(polls);
		if (state.status !== 'no_complete' || waited + wait > maxWaitMs) return { ...state, polls };
		await sleep(wait);
		waited += wait;
	}
}

export interface ImportCounts extends IDataObject {
	total: number;
	invalid: number;
	duplicate: number;
	added: number;
	status: string;
	status_label: string;
}

/**
 * §4.13 lists imports by file name, not by id: the newest entry for `fileName` (bulk add makes the names unique)
 * gives the counts.
 */
export async function importCounts(call: Call, fileName: string): Promise<ImportCounts | undefined> {
	const answer = await call({
		endpoint: 'mloperate.php',
		do: 'ml-addr-add-log',
		effect: 'read',
		lists: ['result.data.address_log'],
	});
	const entries = listAt(answer.body, 'result.data.address_log').filter((entry) => entry.filename === fileName);
	const newest = entries.sort((a, b) => String(b.time_import ?? '').localeCompare(String(a.time_import ?? '')))[0];
	if (!newest) return undefined;
	const total = Number(newest.count_all ?? 0);
	const invalid = Number(newest.count_err_1 ?? 0);
	const duplicate = Number(newest.count_err_2 ?? 0);
	const status = String(newest.status ?? '');
	return {
		total,
		invalid,
		duplicate,
		added: Math.max(total - invalid - duplicate, 0),
		status,
		status_label: labelOf('importLogStatus', status) ?? status,
	};
}

/** A file name no earlier import of this account can share, so §4.13 can find this one. */
export function uniqueImportName(contactListId: string): string {
	const stamp = Date.now().toString(36);
	const random = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
	return `n8n-contacts-${contactListId}-${stamp}-${random}.txt`;
}

/** 1-based item ranges, e.g. `1–500, 1001–1020`. */
function ranges(indexes: number[]): string {
	const out: string[] = [];
	const sorted = [...indexes].sort((a, b) => a - b);
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		out.push(i === j ? `${sorted[i] + 1}` : `${sorted[i] + 1}–${sorted[j] + 1}`);
		i = j + 1;
	}
	return out.join(', ');
}

/** statuses of rows U-Mail has processed (added, or counted as duplicate or refused): a rerun need not send them */
const TAKEN = new Set(['added', 'accepted', 'duplicate', 'rejected']);

/** The items U-Mail accepted so far in a bulk run, for the error that stops it, so a rerun can leave them out. */
export function acceptedSoFar(results: IDataObject[]): { accepted: number; sent: string } {
	const indexes: number[] = [];
	results.forEach((result, index) => {
		if (result && (result.batch ?? result.importId) !== undefined && TAKEN.has(String(result.status))) indexes.push(index);
	});
	const sent = indexes.length
		? `${indexes.length} item(s) were already sent and taken by U-Mail (items ${ranges(indexes)}); no call was made after the failure`
		: 'No item was accepted before the failure; no call was made after it';
	return { accepted: indexes.length, sent };
}

// ---------------------------------------------------------------- reading many items fast
/*
 * n8n resolves a parameter for one item in about a millisecond, so 17 mapped fields × 10,000 items would take minutes.
 * A run-wide reader resolves constants once and reads `={{ $json.path }}` straight from the item (what n8n would
 * answer); anything else still goes through n8n, item by item.
 */

const SIMPLE_JSON = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:'[^']*'|"[^"]*"|\d+)\s*\])*)\s*\}\}$/;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*\]/g;

function jsonPath(expression: string): string[] | undefined {
	const match = SIMPLE_JSON.exec(expression.trim());
	if (!match) return undefined;
	return [...match[1].matchAll(SEGMENT)].map((part) => part[1] ?? part[2] ?? part[3] ?? part[4]);
}

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

export type ItemReader = (itemIndex: number) => unknown;

/** A reader of parameter `name` (a dotted path is fine) for every input item. */
export function itemReader(fn: IExecuteFunctions, items: INodeExecutionData[], name: string, fallback: unknown = ''): ItemReader {
	const raw = fn.getNodeParameter(name, 0, fallback, { rawExpressions: true }) as unknown;
	if (!hasExpression(raw)) {
		const value = fn.getNodeParameter(name, 0, fallback, { extractValue: true }) as unknown;
		return () => value;
	}
	// a resource locator keeps its expression in `value`
	const expression = raw && typeof raw === 'object' && '__rl' in raw ? (raw as IDataObject).value : raw;
	const path = typeof expression === 'string' ? jsonPath(expression) : undefined;
	if (path) {
		return (itemIndex) =>
			path.reduce<unknown>((value, key) => (value === null || typeof value !== 'object' ? undefined : (value as IDataObject)[key]), items[itemIndex].json);
	}
	return (itemIndex) => fn.getNodeParameter(name, itemIndex, fallback, { extractValue: true }) as unknown;
}

/** Readers for each field set in a collection parameter. */
export function collectionReaders(fn: IExecuteFunctions, items: INodeExecutionData[], name: string): Record<string, ItemReader> {
	const raw = (fn.getNodeParameter(name, 0, {}, { rawExpressions: true }) as IDataObject) ?? {};
	const readers: Record<string, ItemReader> = {};
	for (const key of Object.keys(raw)) readers[key] = itemReader(fn, items, `${name}.${key}`);
	return readers;
}
