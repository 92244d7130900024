import {
	type IDataObject,
	type INodeExecutionData,
	type JsonObject,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import {
	acceptedSoFar,
	addRows,
	brokenColumn,
	chunk,
	collectionReaders,
	type Contact,
	importCounts,
	type ItemReader,
	itemReader,
	MAX_ROWS_PER_CALL,
	toRow,
	uniqueImportName,
	uploadImport,
	VARIABLES,
	waitForImport,
} from '../../shared/batch';
import { capText } from '../../shared/errors';
import { contactListLocator, optionsField } from '../../shared/fields';
import type { Params } from '../../shared/params';
import type { BatchContext, OperationDef } from '../../shared/types';
import { contactFields, readSex } from './fields';

interface Entry {
	index: number;
	contactListId: string;
	contact: Contact;
}

interface Settings {
	batchSize: number;
	importAbove: number;
	maxWaitMs: number;
	onInvalid: 'fail' | 'skip';
	dedupe: boolean;
	continueOnFail: boolean;
}

function readSettings(ctx: BatchContext): Settings {
	const p = ctx.params(0);
	const options = p.collection('options');
	const number = (name: string, fallback: number, min: number, max?: number) =>
		p.number(name, { min, max, fallback }) ?? fallback;
	return {
		batchSize: number('options.batchSize', MAX_ROWS_PER_CALL, 1, MAX_ROWS_PER_CALL),
		importAbove: number('options.importAbove', 5_000, 1),
		maxWaitMs: number('options.maxWait', 300, 0) * 1000,
		onInvalid: options.onInvalid === 'skip' ? 'skip' : 'fail',
		dedupe: options.dedupe !== false,
		continueOnFail: ctx.fn.continueOnFail(),
	};
}

interface Readers {
	contactList: ItemReader;
	email: ItemReader;
	name: ItemReader;
	fields: Record<string, ItemReader>;
}

function readers(ctx: BatchContext): Readers {
	return {
		contactList: itemReader(ctx.fn, ctx.items, 'contactList'),
		email: itemReader(ctx.fn, ctx.items, 'email'),
		name: itemReader(ctx.fn, ctx.items, 'name'),
		fields: collectionReaders(ctx.fn, ctx.items, 'additionalFields'),
	};
}

/** One item → one contact, checked so that it cannot break its row; throws p.fail naming the item and field. */
function readContact(p: Params, read: Readers, index: number): Contact {
	const field = (name: string) => read.fields[name]?.(index);
	const contact = {
		email: p.email('email', read.email(index) ?? ''),
		name: p.textOf('name', read.name(index)),
		sex: readSex(p, field('sex')),
		birthday: p.date('birthday', field('birthday') ?? '') ?? '',
		phone: p.textOf('phone', field('phone')),
		area: p.textOf('area', field('area')),
	} as Contact;
	for (const name of VARIABLES) contact[name] = p.textOf(name, field(name));
	const broken = brokenColumn(contact);
	if (broken) {
		throw p.fail(broken, 'holds a ";", a TAB or a line break, which would shift the columns of its row (U-Mail has no escaping)');
	}
	return contact;
}

/** An item's list and contact, or why it cannot be sent (expression errors included). */
function readItem(
	ctx: BatchContext,
	read: Readers,
	index: number,
): { contactListId: string; contact: Contact } | { contactListId: string; failure: NodeOperationError } {
	const p = ctx.params(index);
	let contactListId = '';
	try {
		contactListId = p.textOf('contactList', read.contactList(index));
		if (contactListId === '') throw p.fail('contactList', 'is required');
		if (!/^\d+$/.test(contactListId)) throw p.fail('contactList', `must be a numeric ID, got "${contactListId.slice(0, 80)}"`);
		return { contactListId, contact: readContact(p, read, index) };
	} catch (error) {
		const failure =
			error instanceof NodeOperationError
				? error
				: new NodeOperationError(ctx.fn.getNode(), `Item ${index + 1}: ${(error as Error).message}`, { itemIndex: index });
		return { contactListId, failure };
	}
}

/**
 * Without Continue On Fail the run stops at the first failed call: nothing is sent after it (a call already in flight
 * finishes), and the error says which items U-Mail had already accepted, so a rerun can leave them out.
 */
function chunkError(ctx: BatchContext, error: unknown, part: Entry[], label: string, results: IDataObject[]): never {
	const first = part[0].index;
	const last = part[part.length - 1].index;
	const { accepted, sent } = acceptedSoFar(results);
	const reason = error instanceof Error ? error.message : String(error);
	const message = `Item ${first + 1}: ${label} (items ${first + 1}–${last + 1}) failed: ${reason}. ${accepted} item(s) already accepted`;
	const original = error instanceof NodeApiError ? error.description : undefined;
	const description = capText(`${sent}. ${original ? `The server: ${original}` : ''}`.trim());
	if (error instanceof NodeApiError) {
		error.message = message;
		error.description = description;
		error.context.itemIndex = first;
		error.context.acceptedItems = accepted;
		throw new NodeApiError(ctx.fn.getNode(), error as unknown as JsonObject);
	}
	throw new NodeOperationError(ctx.fn.getNode(), message, { itemIndex: first, description });
}

/** Calls of one run in flight together: rows added to one list commute, and this halves the waiting on round trips. */
const IN_FLIGHT = 2;

async function sendChunks(ctx: BatchContext, s: Settings, contactListId: string, group: Entry[], results: IDataObject[], batchNo: { n: number }) {
	const parts = chunk(group, s.batchSize).map((part) => ({ part, batch: ++batchNo.n }));
	let next = 0;
	let failure: { error: unknown; part: Entry[]; batch: number } | undefined;
	const worker = async () => {
		while (next < parts.length && failure === undefined) {
			const { part, batch } = parts[next++];
			try {
				const message = await addRows(
					async (request) => await ctx.call(request, part[0].index),
					contactListId,
					part.map((entry) => toRow(entry.contact)),
				);
				for (const entry of part) {
					results[entry.index] = { email: entry.contact.email, status: 'added', contactListId, batch, batchMessage: message };
				}
			} catch (error) {
				if (!s.continueOnFail) {
					failure ??= { error, part, batch };
					return;
				}
				for (const entry of part) {
					results[entry.index] = { email: entry.contact.email, status: 'failed', contactListId, batch, error: (error as Error).message };
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, parts.length) }, worker));
	if (failure) chunkError(ctx, failure.error, failure.part, `batch ${failure.batch}`, results);
}

async function importGroup(ctx: BatchContext, s: Settings, contactListId: string, group: Entry[], results: IDataObject[]) {
	const call = async (request: Parameters<BatchContext['call']>[0]) => await ctx.call(request, group[0].index);
	const fileName = uniqueImportName(contactListId);
	const data = Buffer.from(`${group.map((entry) => toRow(entry.contact)).join('\n')}\n`, 'utf8');
	let importId: string | undefined;
	try {
		importId = await uploadImport(call, contactListId, fileName, data);
		const state = await waitForImport(call, importId, s.maxWaitMs);
		const counts = state.status === 'success' ? await importCounts(call, fileName) : undefined;
		for (const entry of group) {
			results[entry.index] = {
				email: entry.contact.email,
				status: 'imported',
				contactListId,
				importId,
				importStatus: state.status,
				importStatus_label: state.status_label,
				...(counts ? { importCounts: counts } : {}),
			};
		}
	} catch (error) {
		if (!s.continueOnFail) chunkError(ctx, error, group, importId ? `import ${importId}` : 'file import', results);
		for (const entry of group) {
			results[entry.index] = {
				email: entry.contact.email,
				status: 'failed',
				contactListId,
				...(importId ? { importId } : {}),
				error: (error as Error).message,
			};
		}
	}
}

/**
 * Bulk add across all input items (§4.8.2 / §4.8.3): every item is checked before any request, grouped by contact list,
 * sent in calls of at most 500 rows, or, above Use File Import Above, uploaded as one file whose import is awaited.
 * Every input item gets one result item.
 */
async function runBatch(ctx: BatchContext): Promise<INodeExecutionData[]> {
	if (ctx.items.length === 0) return [];
	const s = readSettings(ctx);
	const fieldReaders = readers(ctx);
	const results: IDataObject[] = new Array(ctx.items.length);
	const groups = new Map<string, Entry[]>();
	const seen = new Map<string, number>();

	for (let index = 0; index < ctx.items.length; index++) {
		const read = readItem(ctx, fieldReaders, index);
		if ('failure' in read) {
			if (s.onInvalid === 'fail' && !s.continueOnFail) throw read.failure;
			const given = fieldReaders.email(index);
			const email = typeof given === 'string' || typeof given === 'number' ? String(given).trim() : '';
			const reason = read.failure.message;
			results[index] = { email, status: 'rejected', reason, contactListId: read.contactListId };
			if (s.onInvalid === 'fail') results[index].error = reason;
			continue;
		}
		const { contactListId, contact } = read;
		const key = `${contactListId}\n${contact.email.toLowerCase()}`;
		const first = seen.get(key);
		if (first !== undefined) {
			if (s.dedupe) {
				results[index] = {
					email: contact.email,
					status: 'duplicate',
					reason: `Same email as item ${first + 1} for this contact list`,
					contactListId,
					duplicateOf: first + 1,
				};
				continue;
			}
		} else {
			seen.set(key, index);
		}
		const group = groups.get(contactListId) ?? [];
		group.push({ index, contactListId, contact });
		groups.set(contactListId, group);
	}

	const batchNo = { n: 0 };
	for (const [contactListId, group] of groups) {
		if (group.length > s.importAbove) await importGroup(ctx, s, contactListId, group, results);
		else await sendChunks(ctx, s, contactListId, group, results, batchNo);
	}
	return results.map((json, index) => ({ json, pairedItem: { item: index } }));
}

/** §4.8.2 / §4.8.3: the CRM-to-list sync path */
export const addMany: OperationDef = {
	value: 'addMany',
	effect: 'write',
	name: 'Add Many',
	action: 'Add many addresses to contact lists',
	description: 'Add every input item as a contact, in batches of up to 500 or as a file import',
	properties: [
		{
			...contactListLocator(),
			description: 'The list to add each item to; may differ per item (items are grouped by list)',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			required: true,
			default: '={{ $json.email }}',
			placeholder: 'name@email.com',
			description: 'The email address of each item',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '={{ $json.name }}',
			description: 'The name of each item',
		},
		contactFields({ mapped: true }),
		optionsField([
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_ROWS_PER_CALL },
				default: MAX_ROWS_PER_CALL,
				description: 'Contacts sent per call, at most 500 as U-Mail advises',
			},
			{
				displayName: 'Max Import Wait (Seconds)',
				name: 'maxWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 300,
				description: 'How long to wait for a file import to be parsed before returning its current status',
			},
			{
				displayName: 'On Invalid Contact',
				name: 'onInvalid',
				type: 'options',
				options: [
					{
						name: 'Fail',
						value: 'fail',
						description: 'Stop before any request (with Continue On Fail: report the item with an error)',
					},
					{ name: 'Skip and Report', value: 'skip', description: 'Send the others; the item gets status "rejected"' },
				],
				default: 'fail',
				description: 'What to do with an item whose email is invalid or whose values hold ";", TAB or line breaks',
			},
			{
				displayName: 'Remove Duplicates',
				name: 'dedupe',
				type: 'boolean',
				default: true,
				description: 'Whether to send an email only once per contact list and report later copies as "duplicate"',
			},
			{
				displayName: 'Use File Import Above (Rows)',
				name: 'importAbove',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5000,
				description: 'Contacts for one list above this count are uploaded as one file import instead of batches',
			},
		]),
	],
	runBatch,
};
