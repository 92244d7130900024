import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type JsonObject,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import {
	acceptedSoFar,
	addRows,
	chunk,
	type Contact,
	importCounts,
	MAX_ROWS_PER_CALL,
	toRow,
	uniqueImportName,
	uploadImport,
	waitForImport,
} from './batch';
import { capText } from './errors';
import type { Params } from './params';
import type { UmailAnswer, UmailRequest } from './transport';

/**
 * Sending contacts to one list: calls of up to 500 rows, or one file import above a size. Add Many and Sync Members
 * both add through here, and every row gets a status that says only what U-Mail reported.
 */

export interface AddEntry {
	index: number;
	contact: Contact;
}

export interface AddSettings {
	batchSize: number;
	importAbove: number;
	maxWaitMs: number;
	continueOnFail: boolean;
}

export interface AddRun {
	fn: IExecuteFunctions;
	call: (request: UmailRequest, itemIndex?: number) => Promise<UmailAnswer>;
	settings: AddSettings;
	/** one record per input item, filled in here for the entries sent */
	results: IDataObject[];
	batchNo: { n: number };
}

/** The Options fields of every operation that adds through here (Add Many, Sync Members), each placed in its option list. */
export const ADD_OPTIONS = {
	batchSize: {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_ROWS_PER_CALL },
		default: MAX_ROWS_PER_CALL,
		description: 'Contacts sent per call, at most 500 as U-Mail advises',
	},
	maxWait: {
		displayName: 'Max Import Wait (Seconds)',
		name: 'maxWait',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 300,
		description: 'How long to wait for a file import to be parsed before returning its current status',
	},
	importAbove: {
		displayName: 'Use File Import Above (Rows)',
		name: 'importAbove',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5000,
		description: 'Contacts for one list above this count are uploaded as one file import instead of batches',
	},
} satisfies Record<string, INodeProperties>;

export function readAddSettings(p: Params, continueOnFail: boolean): AddSettings {
	const number = (name: string, fallback: number, min: number, max?: number) => p.number(`options.${name}`, { min, max, fallback }) ?? fallback;
	return {
		batchSize: number('batchSize', MAX_ROWS_PER_CALL, 1, MAX_ROWS_PER_CALL),
		importAbove: number('importAbove', 5_000, 1),
		maxWaitMs: number('maxWait', 300, 0) * 1000,
		continueOnFail,
	};
}

/** U-Mail's counts for a call or an import, in English beside its own (Chinese) message. */
export interface AddCounts extends IDataObject {
	rows: number;
	added: number;
	duplicates: number;
	invalid: number;
}

/**
 * §4.8.2 answers its counts in a sentence (the reference does not give its wording; seen: `成功添加 3 个地址, 无效地址 1
 * 个, 重复地址 2 个`). Undefined when the sentence holds no such counts: the rows are then `accepted`, nothing more.
 */
export function parseAddCounts(message: string, rows: number): AddCounts | undefined {
	const count = (pattern: RegExp) => {
		const match = pattern.exec(message);
		return match ? Number(match[1]) : undefined;
	};
	const added = count(/(?:成功添加|添加成功|成功)\D{0,6}?(\d+)/);
	const invalid = count(/无效\D{0,6}?(\d+)/);
	const duplicates = count(/重复\D{0,6}?(\d+)/);
	if (added === undefined) return undefined;
	return { rows, added, duplicates: duplicates ?? 0, invalid: invalid ?? 0 };
}

/**
 * What can be said of each row of a call from its counts alone: `added` only when every row was, `duplicate` or
 * `rejected` when every row was one, otherwise `accepted` with the counts (U-Mail does not say which row was which).
 */
export function statusOfRows(counts: AddCounts | undefined): { status: string; reason?: string } {
	if (!counts) return { status: 'accepted', reason: 'U-Mail took the rows but answered no counts' };
	if (counts.added === counts.rows) return { status: 'added' };
	if (counts.duplicates === counts.rows) return { status: 'duplicate', reason: 'Already in the contact list: U-Mail counted every row of this call as a duplicate' };
	if (counts.invalid === counts.rows) return { status: 'rejected', reason: 'U-Mail refused every row of this call as invalid' };
	return {
		status: 'accepted',
		reason: `U-Mail added ${counts.added} of the ${counts.rows} rows of this call (${counts.duplicates} duplicate, ${counts.invalid} refused) and does not say which`,
	};
}

/**
 * Without Continue On Fail the run stops at the first failed call: nothing is sent after it (a call already in flight
 * finishes), and the error says which items U-Mail had already taken, so a rerun can leave them out.
 */
function chunkError(run: AddRun, error: unknown, part: AddEntry[], label: string): never {
	const first = part[0].index;
	const last = part[part.length - 1].index;
	const { accepted, sent } = acceptedSoFar(run.results);
	const reason = error instanceof Error ? error.message : String(error);
	const message = `Item ${first + 1}: ${label} (items ${first + 1}–${last + 1}) failed: ${reason}. ${accepted} item(s) already accepted`;
	const original = error instanceof NodeApiError ? error.description : undefined;
	const description = capText(`${sent}. ${original ? `The server: ${original}` : ''}`.trim());
	if (error instanceof NodeApiError) {
		error.message = message;
		error.description = description;
		error.context.itemIndex = first;
		error.context.acceptedItems = accepted;
		throw new NodeApiError(run.fn.getNode(), error as unknown as JsonObject);
	}
	throw new NodeOperationError(run.fn.getNode(), message, { itemIndex: first, description });
}

function failed(run: AddRun, entries: AddEntry[], contactListId: string, error: unknown, extra: IDataObject) {
	for (const entry of entries) {
		run.results[entry.index] = { email: entry.contact.email, status: 'failed', contactListId, ...extra, error: (error as Error).message };
	}
}

/** Calls of one run in flight together: rows added to one list commute, and this halves the waiting on round trips. */
const IN_FLIGHT = 2;

async function sendChunks(run: AddRun, contactListId: string, entries: AddEntry[]) {
	const parts = chunk(entries, run.settings.batchSize).map((part) => ({ part, batch: ++run.batchNo.n }));
	let next = 0;
	let failure: { error: unknown; part: AddEntry[]; batch: number } | undefined;
	const worker = async () => {
		while (next < parts.length && failure === undefined) {
			const { part, batch } = parts[next++];
			try {
				const rows = part.map((entry) => toRow(entry.contact));
				const message = await addRows(async (request) => await run.call(request, part[0].index), contactListId, rows);
				const batchCounts = parseAddCounts(message, rows.length);
				const said = statusOfRows(batchCounts);
				for (const entry of part) {
					run.results[entry.index] = { email: entry.contact.email, ...said, contactListId, batch, batchCounts, batchMessage: message };
				}
			} catch (error) {
				if (!run.settings.continueOnFail) {
					failure ??= { error, part, batch };
					return;
				}
				failed(run, part, contactListId, error, { batch });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, parts.length) }, worker));
	if (failure) chunkError(run, failure.error, failure.part, `batch ${failure.batch}`);
}

async function importEntries(run: AddRun, contactListId: string, entries: AddEntry[]) {
	const call = async (request: UmailRequest) => await run.call(request, entries[0].index);
	const fileName = uniqueImportName(contactListId);
	const data = Buffer.from(`${entries.map((entry) => toRow(entry.contact)).join('\n')}\n`, 'utf8');
	let importId: string | undefined;
	try {
		importId = await uploadImport(call, contactListId, fileName, data);
		const state = await waitForImport(call, importId, run.settings.maxWaitMs);
		const log = state.status === 'success' ? await importCounts(call, fileName) : undefined;
		const importCountsOf: AddCounts | undefined = log
			? { rows: log.total, added: log.added, duplicates: log.duplicate, invalid: log.invalid }
			: undefined;
		const said =
			state.status === 'success'
				? statusOfRows(importCountsOf)
				: { status: 'accepted', reason: `The file import is ${state.status_label}: see Get Import Status for import ${importId}` };
		for (const entry of entries) {
			run.results[entry.index] = {
				email: entry.contact.email,
				...said,
				contactListId,
				importId,
				importStatus: state.status,
				importStatus_label: state.status_label,
				...(importCountsOf ? { importCounts: importCountsOf } : {}),
			};
		}
	} catch (error) {
		if (!run.settings.continueOnFail) chunkError(run, error, entries, importId ? `import ${importId}` : 'file import');
		failed(run, entries, contactListId, error, importId ? { importId } : {});
	}
}

/** Adds the entries to one list: as one file import above Use File Import Above, else in calls of Batch Size rows. */
export async function addContacts(run: AddRun, contactListId: string, entries: AddEntry[]): Promise<void> {
	if (entries.length === 0) return;
	if (entries.length > run.settings.importAbove) await importEntries(run, contactListId, entries);
	else await sendChunks(run, contactListId, entries);
}
