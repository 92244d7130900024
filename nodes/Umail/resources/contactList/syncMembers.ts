import { type IDataObject, type INodeExecutionData, NodeOperationError } from 'n8n-workflow';

import { ADD_OPTIONS, type AddEntry, readAddSettings } from '../../shared/bulkAdd';
import { readContact, withSkipHint } from '../../shared/contacts';
import { contactListLocator, optionsField } from '../../shared/fields';
import { Params } from '../../shared/params';
import { suppressionFields } from '../../shared/suppression';
import { applyPlan, type Progress } from '../../shared/sync/apply';
import { COLUMN_LABELS, columnReaders, columnsField } from '../../shared/sync/columns';
import { readMembers } from '../../shared/sync/members';
import { guardProblem, makePlan, type Plan } from '../../shared/sync/plan';
import type { BatchContext, OperationDef } from '../../shared/types';

const ACTIONS = ['added', 'unchanged', 'replaced', 'skipped', 'rejected', 'failed'] as const;

function readSettings(ctx: BatchContext) {
	const p = ctx.params(0);
	const options = p.collection('options');
	const number = (name: string, fallback: number, min: number, max?: number) => p.number(name, { min, max, fallback }) ?? fallback;
	return {
		contactListId: p.id('contactList'),
		mirror: p.string('mode', { fallback: 'addMissing' }) === 'mirror',
		replace: p.string('changedContacts', { fallback: 'leave' }) === 'replace',
		dryRun: p.boolean('dryRun'),
		summaryOnly: p.string('output', { fallback: 'items' }) === 'summary',
		maxRemovalPercent: number('options.maxRemovalPercent', 10, 0, 100),
		allowEmptyInput: options.allowEmptyInput === true,
		failOnInvalid: options.onInvalid === 'fail',
		add: readAddSettings(p, ctx.fn.continueOnFail()),
	};
}

/**
 * Every input item read as a contact. Invalid items are `rejected` (or stop the run before any request, when asked);
 * of items with the same email the first wins and later copies are `skipped`.
 */
function readInput(ctx: BatchContext, contactListId: string, failOnInvalid: boolean) {
	const value = columnReaders(ctx);
	const results: IDataObject[] = new Array(ctx.items.length);
	const wanted: AddEntry[] = [];
	const first = new Map<string, number>();
	for (let index = 0; index < ctx.items.length; index++) {
		const p = new Params(ctx.fn, index, COLUMN_LABELS);
		try {
			const contact = readContact(p, (column) => value(index, column));
			const key = contact.email.toLowerCase();
			const earlier = first.get(key);
			if (earlier !== undefined) {
				const reasonDetail = `Same email as item ${earlier + 1}, which wins`;
				results[index] = { email: contact.email, contactListId, action: 'skipped', reason: 'duplicateInInput', reasonDetail, duplicateOf: earlier + 1 };
				continue;
			}
			first.set(key, index);
			wanted.push({ index, contact });
		} catch (error) {
			const failure = error instanceof NodeOperationError ? error : new NodeOperationError(ctx.fn.getNode(), `Item ${index + 1}: ${(error as Error).message}`, { itemIndex: index });
			if (failOnInvalid && !ctx.fn.continueOnFail()) throw withSkipHint(failure, 'sync');
			const given = value(index, 'email');
			const email = typeof given === 'string' || typeof given === 'number' ? String(given).trim() : '';
			results[index] = { email, contactListId, action: 'rejected', reason: 'invalid', reasonDetail: failure.message };
		}
	}
	return { results, wanted };
}

function summaryOf(plan: Plan, removed: IDataObject[], extra: IDataObject): IDataObject {
	const counts: IDataObject = Object.fromEntries(ACTIONS.map((action) => [action, 0]));
	for (const result of plan.results) counts[String(result.action)] = Number(counts[String(result.action)] ?? 0) + 1;
	counts.removed = removed.filter((entry) => entry.action === 'removed').length;
	return { action: 'summary', ...extra, counts, differing: plan.differing, membersBefore: plan.membersBefore };
}

/**
 * Makes one contact list hold the contacts of the input items: the members are read once (§4.7, streamed), the diff is
 * made here, and only the changes are written (adds through Add Many's batching and file import, removals through
 * §4.9). Every input item gets its own result, paired to it.
 */
async function runBatch(ctx: BatchContext): Promise<INodeExecutionData[]> {
	const started = Date.now();
	const s = readSettings(ctx);
	const calls = { reads: 0, adds: 0, removals: 0 };
	const call: BatchContext['call'] = async (request, itemIndex) => {
		if (request.effect === 'read') calls.reads++;
		else if (request.do === 'ml-addr-del') calls.removals++;
		else calls.adds++;
		return await ctx.call(request, itemIndex);
	};
	const { results, wanted } = readInput(ctx, s.contactListId, s.failOnInvalid);
	const suppression = ctx.suppression?.active ? ctx.suppression : undefined;
	// the members and the suppressions are read side by side: both are reads, and both come before any write
	const [members] = await Promise.all([readMembers(async (request) => await call(request), s.contactListId), suppression?.load([s.contactListId])]);
	const unreadable = suppression?.failedLists.get(s.contactListId);
	if (unreadable) throw unreadable;
	const plan = makePlan(s, wanted, members, results, suppression);
	const guard = s.mirror ? guardProblem(plan, s, wanted.length, s.contactListId) : undefined;
	if (guard && !s.dryRun) throw new NodeOperationError(ctx.fn.getNode(), guard.message, { description: guard.description });

	const removed: IDataObject[] = [];
	let progress: Progress | undefined;
	if (s.dryRun) {
		for (const removal of plan.removals) removed.push({ email: removal.email, memberId: removal.id, contactListId: s.contactListId, action: 'removed' });
		for (const result of results) result.dryRun = true;
	} else {
		progress = await applyPlan({ fn: ctx.fn, call, contactListId: s.contactListId, add: s.add }, plan, removed);
	}
	const summary = summaryOf(plan, removed, {
		contactListId: s.contactListId,
		mode: s.mirror ? 'mirror' : 'addMissing',
		dryRun: s.dryRun,
		...(guard ? { guard: `${guard.message}. ${guard.description}` } : {}),
		apiCalls: { ...calls, suppression: suppression?.calls ?? 0, total: calls.reads + calls.adds + calls.removals + (suppression?.calls ?? 0) },
		...(progress ? { verifyReads: progress.verifyReads } : {}),
		durationMs: Date.now() - started,
	});
	if (s.summaryOnly) {
		summary.removed = removed.map((entry) => entry.email);
		return [{ json: summary, pairedItem: { item: 0 } }];
	}
	const out: INodeExecutionData[] = results.map((json, index) => ({ json, pairedItem: { item: index } }));
	// removals and the summary come from the whole input; n8n needs a pairing, so they point at the first item
	for (const json of removed) out.push({ json, pairedItem: { item: 0 } });
	out.push({ json: summary, pairedItem: { item: 0 } });
	return out;
}

/** Contact List → Sync Members: the CRM-to-list sync (§4.6, §4.7, §4.8.2, §4.8.3, §4.9). */
export const syncMembers: OperationDef = {
	value: 'syncMembers',
	effect: 'write',
	name: 'Sync Members',
	action: 'Sync the members of a contact list',
	description: 'Make a contact list hold the contacts of the input items: add the missing, optionally remove the others',
	properties: [
		{ ...contactListLocator(), description: 'The list to sync; one list per run (read from the first item)' },
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'Add Missing', value: 'addMissing', description: 'Add contacts not yet in the list; never remove' },
				{ name: 'Mirror', value: 'mirror', description: 'Also remove members that are not in the input (guarded)' },
			],
			default: 'addMissing',
		},
		columnsField,
		{
			displayName: 'Changed Contacts',
			name: 'changedContacts',
			type: 'options',
			options: [
				{ name: 'Leave As Is', value: 'leave', description: "Keep the list's copy; the item reports which fields differ" },
				{
					name: 'Replace',
					value: 'replace',
					description: 'Delete the member and add the input\'s contact (U-Mail has no update): the add time and the ID change',
				},
			],
			default: 'leave',
			description: 'What to do with a member whose name, birthday, phone, area or variables differ from the input (U-Mail does not return the sex, so it is not compared)',
		},
		...suppressionFields(['thisList']),
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: 'Whether to only report the plan (each item\'s action and the members that would be removed) without writing anything',
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'Items, Removals and Summary', value: 'items', description: 'One item per input item, then one per removed member, then a summary item' },
				{ name: 'Summary Only', value: 'summary', description: 'One item with the counts and the removed emails (for very large syncs)' },
			],
			default: 'items',
		},
		optionsField([
			{ displayName: 'Allow Empty Input', name: 'allowEmptyInput', type: 'boolean', default: false, description: 'Whether Mirror may run with no valid input item (it would remove every member)' },
			ADD_OPTIONS.batchSize,
			ADD_OPTIONS.maxWait,
			{ displayName: 'Max Removal (%)', name: 'maxRemovalPercent', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 10, description: 'Mirror refuses to remove a larger share of the list than this' },
			{
				displayName: 'On Invalid Contact',
				name: 'onInvalid',
				type: 'options',
				options: [
					{ name: 'Skip and Report', value: 'skip', description: 'Sync the others; the item gets action "rejected"' },
					{ name: 'Fail', value: 'fail', description: 'Stop before any request' },
				],
				default: 'skip',
			},
			ADD_OPTIONS.importAbove,
		]),
	],
	suppression: true,
	runBatch,
};
