import { type IDataObject, type IExecuteFunctions, type JsonObject, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { addContacts, type AddSettings } from '../bulkAdd';
import { capText } from '../errors';
import type { UmailAnswer, UmailRequest } from '../transport';
import { readMembers } from './members';
import type { Plan, Removal } from './plan';

/**
 * Writing a plan: deletes for replaced contacts, adds through Add Many's batching and file import, then Mirror's
 * removals (§4.9, one call per address). A run stopped half way is finished by running the same sync again: it reads
 * the list afresh and writes only what still differs.
 */

export const syncSettings = {
	/**
	 * §4.9 deletes in flight together. Each is one small call; 4 at a time cuts 1,000 removals' wait on round trips by
	 * four while a shared EDM server sees no more than a few open requests from one workflow (as n8n's own batching
	 * advice for APIs without bulk deletes).
	 */
	removalsInFlight: 4,
};

export interface ApplyContext {
	fn: IExecuteFunctions;
	call: (request: UmailRequest, itemIndex?: number) => Promise<UmailAnswer>;
	contactListId: string;
	add: AddSettings;
}

export interface Progress {
	removed: number;
	replaceDeleted: number;
	addsSent: number;
	verifyReads: number;
}

/** §4.9 for each removal, a few at a time; an address already gone (another run took it) counts as removed. */
async function removeAll(
	ctx: ApplyContext,
	removals: Removal[],
	onDone: (removal: Removal, outcome: { gone: boolean; error?: Error }) => void,
): Promise<void> {
	let next = 0;
	let stop: Error | undefined;
	const worker = async () => {
		while (next < removals.length && stop === undefined) {
			const removal = removals[next++];
			try {
				await ctx.call({ endpoint: 'mloperate.php', do: 'ml-addr-del', qs: { id: removal.id }, okStatuses: ['not_exist'] }, removal.replacing);
				onDone(removal, { gone: true });
			} catch (error) {
				if (!ctx.add.continueOnFail) {
					stop ??= error as Error;
					return;
				}
				onDone(removal, { gone: false, error: error as Error });
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(syncSettings.removalsInFlight, removals.length) }, worker));
	if (stop) throw stop;
}

function progressText(plan: Plan, progress: Progress): string {
	const replacing = plan.replaceDeletes.length;
	return [
		replacing ? `deleted ${progress.replaceDeleted} of ${replacing} changed contact(s) for Replace` : '',
		`sent ${progress.addsSent} of ${plan.adds.length} add(s)`,
		plan.removals.length ? `removed ${progress.removed} of ${plan.removals.length} member(s)` : '',
	]
		.filter(Boolean)
		.join(', ');
}

/** The error that stops a sync half way says what was already written and that running it again finishes it. */
function stoppedError(ctx: ApplyContext, error: unknown, plan: Plan, progress: Progress): never {
	const reason = error instanceof Error ? error.message : String(error);
	const message = `Sync of contact list ${ctx.contactListId} stopped: ${reason}`;
	const done = `Done before it stopped: ${progressText(plan, progress)}.`;
	const rerun = 'Run the same sync again: it reads the list afresh and writes only what still differs (no duplicates, nothing removed twice).';
	const original = error instanceof NodeApiError ? error.description : undefined;
	const description = capText(`${done} ${rerun}${original ? ` ${original}` : ''}`);
	if (error instanceof NodeApiError) {
		error.message = message;
		error.description = description;
		error.context.syncProgress = { ...progress };
		throw new NodeApiError(ctx.fn.getNode(), error as unknown as JsonObject);
	}
	throw new NodeOperationError(ctx.fn.getNode(), message, { description });
}

/** Maps what Add Many's sending said of a row to the sync's action for that item. */
function settleAdd(result: IDataObject, sent: IDataObject, present: Set<string> | undefined) {
	const wasReplace = result.action === 'replaced';
	const status = String(sent?.status ?? 'failed');
	const email = String(result.email).toLowerCase();
	const detail: IDataObject = {};
	for (const key of ['batch', 'batchCounts', 'importId', 'importCounts']) if (sent?.[key] !== undefined) detail[key] = sent[key];
	Object.assign(result, detail);
	if (status === 'added') return;
	if (status === 'duplicate') {
		Object.assign(result, { action: 'unchanged', reason: 'addedMeanwhile', reasonDetail: 'Already in the list when the add arrived (another run added it)' });
		return;
	}
	if (status === 'failed') {
		Object.assign(result, { action: 'failed', reason: 'apiError', error: sent?.error });
		return;
	}
	if (sent?.importStatus !== undefined && sent.importStatus !== 'success') {
		Object.assign(result, { action: 'failed', reason: 'importPending', reasonDetail: `${String(sent.reason)}; run the sync again once it is parsed` });
		return;
	}
	// rejected, or accepted with mixed counts: the list read after the adds says which rows are in
	if (present?.has(email)) return;
	Object.assign(result, {
		action: 'rejected',
		reason: 'refusedByUmail',
		reasonDetail: `U-Mail did not add it${wasReplace ? ' back after the delete' : ''} (${String(sent?.reason ?? 'refused')})`,
	});
}

export async function applyPlan(ctx: ApplyContext, plan: Plan, removed: IDataObject[]): Promise<Progress> {
	const progress: Progress = { removed: 0, replaceDeleted: 0, addsSent: 0, verifyReads: 0 };
	const { results } = plan;
	const sent: IDataObject[] = new Array(results.length);
	try {
		await removeAll(ctx, plan.replaceDeletes, (removal, outcome) => {
			if (outcome.gone) progress.replaceDeleted++;
			else Object.assign(results[removal.replacing!], { action: 'failed', reason: 'apiError', error: outcome.error?.message });
		});
		const adds = plan.adds.filter((entry) => results[entry.index].action !== 'failed');
		await addContacts({ fn: ctx.fn, call: ctx.call, settings: ctx.add, results: sent, batchNo: { n: 0 } }, ctx.contactListId, adds);
		progress.addsSent = adds.length;
		const unsure = adds.some((entry) => ['accepted', 'rejected'].includes(String(sent[entry.index]?.status)) && sent[entry.index]?.importStatus !== 'no_complete');
		let present: Set<string> | undefined;
		if (unsure) {
			progress.verifyReads++;
			present = new Set((await readMembers(async (request) => await ctx.call(request), ctx.contactListId)).keys());
		}
		for (const entry of adds) settleAdd(results[entry.index], sent[entry.index], present);
		await removeAll(ctx, plan.removals, (removal, outcome) => {
			if (outcome.gone) progress.removed++;
			removed.push({
				email: removal.email,
				memberId: removal.id,
				contactListId: ctx.contactListId,
				action: outcome.gone ? 'removed' : 'failed',
				...(outcome.error ? { reason: 'apiError', error: outcome.error.message } : {}),
			});
		});
	} catch (error) {
		progress.addsSent ||= sent.filter((record) => record?.batch !== undefined || record?.importId !== undefined).length;
		stoppedError(ctx, error, plan, progress);
	}
	return progress;
}
