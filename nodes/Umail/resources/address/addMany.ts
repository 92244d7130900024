import { type IDataObject, type INodeExecutionData, NodeOperationError } from 'n8n-workflow';

import { collectionReaders, type Contact, type ItemReader, itemReader } from '../../shared/batch';
import { ADD_OPTIONS, addContacts, type AddEntry, type AddRun, type AddSettings, readAddSettings } from '../../shared/bulkAdd';
import { readContact, withSkipHint } from '../../shared/contacts';
import { contactListLocator, optionsField } from '../../shared/fields';
import { suppressionFields } from '../../shared/suppression';
import type { BatchContext, OperationDef } from '../../shared/types';
import { contactFields } from './fields';

interface Settings extends AddSettings {
	onInvalid: 'fail' | 'skip';
	dedupe: boolean;
}

function readSettings(ctx: BatchContext): Settings {
	const p = ctx.params(0);
	const options = p.collection('options');
	return {
		...readAddSettings(p, ctx.fn.continueOnFail()),
		onInvalid: options.onInvalid === 'skip' ? 'skip' : 'fail',
		dedupe: options.dedupe !== false,
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
		const contact = readContact(p, (column) =>
			column === 'email' ? read.email(index) : column === 'name' ? read.name(index) : read.fields[column]?.(index),
		);
		return { contactListId, contact };
	} catch (error) {
		const failure =
			error instanceof NodeOperationError
				? error
				: new NodeOperationError(ctx.fn.getNode(), `Item ${index + 1}: ${(error as Error).message}`, { itemIndex: index });
		return { contactListId, failure };
	}
}

/**
 * Bulk add across all input items (§4.8.2 / §4.8.3): every item is checked before any request, grouped by contact list,
 * kept out when suppressed, sent in calls of at most 500 rows, or, above Use File Import Above, uploaded as one file
 * whose import is awaited. Every input item gets one result item, whose status says only what U-Mail reported.
 */
async function runBatch(ctx: BatchContext): Promise<INodeExecutionData[]> {
	if (ctx.items.length === 0) return [];
	const s = readSettings(ctx);
	const fieldReaders = readers(ctx);
	const results: IDataObject[] = new Array(ctx.items.length);
	const groups = new Map<string, AddEntry[]>();
	const seen = new Map<string, number>();

	for (let index = 0; index < ctx.items.length; index++) {
		const read = readItem(ctx, fieldReaders, index);
		if ('failure' in read) {
			if (s.onInvalid === 'fail' && !s.continueOnFail) throw withSkipHint(read.failure, 'send');
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
		group.push({ index, contact });
		groups.set(contactListId, group);
	}

	const suppression = ctx.suppression?.active ? ctx.suppression : undefined;
	await suppression?.load([...groups.keys()]);
	const run: AddRun = { fn: ctx.fn, call: ctx.call, settings: s, results, batchNo: { n: 0 } };
	// a list whose unsubscribes cannot be read (an unknown list) stops the run before any write, or fails its items
	for (const [contactListId, group] of groups) {
		const error = suppression?.failedLists.get(contactListId);
		if (!error) continue;
		if (!s.continueOnFail) throw error;
		for (const entry of group) results[entry.index] = { email: entry.contact.email, status: 'failed', contactListId, error: error.message };
		groups.delete(contactListId);
	}
	for (const [contactListId, group] of groups) {
		const send: AddEntry[] = [];
		for (const entry of group) {
			const kept = suppression?.reasonFor(contactListId, entry.contact.email);
			if (kept) results[entry.index] = { email: entry.contact.email, status: 'skipped', ...kept, contactListId };
			else send.push(entry);
		}
		await addContacts(run, contactListId, send);
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
		...suppressionFields(['thisList']),
		optionsField([
			ADD_OPTIONS.batchSize,
			ADD_OPTIONS.maxWait,
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
			ADD_OPTIONS.importAbove,
		]),
	],
	suppression: true,
	runBatch,
};
