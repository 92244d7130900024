import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { codeOptions } from '../../shared/codes';
import { binaryPropertyOutField, exportFormatField, optionsField } from '../../shared/fields';
import { objectAt } from '../../shared/outputs';
import {
	fileOfLines,
	readTaskSelection,
	taskSelectorFields,
	trackOverviewRequest,
} from '../../shared/reports';
import type { ItemContext, OperationResult } from '../../shared/types';

/** Failure types the API only reports per task, never per date (§2.3). */
const TASK_ONLY_TYPES = new Set(['1', '2', '3']);

/** The fields of both failed-address exports (§2.3.1, §2.3.2). */
export const failedExportFields: INodeProperties[] = [
	{
		displayName: 'Failure Type',
		name: 'failureType',
		type: 'options',
		options: codeOptions('failureType', [{ name: 'All Failures (-1)', value: '-1' }]),
		default: '-1',
		description:
			'Which failures to export. "Mailbox does not exist", "Mailbox full" and "User rejected" can only be exported for a task, not for dates.',
	},
	...taskSelectorFields(['date', 'task', 'batchNumber', 'statisticsTaskId'], 'sending'),
	exportFormatField,
	binaryPropertyOutField,
	optionsField([
		{
			displayName: 'Keep Duplicates',
			name: 'keepDuplicates',
			type: 'boolean',
			default: false,
			description: 'Whether to keep an address each time it failed, instead of once',
		},
	]),
];

/**
 * Runs an export: JSON for items (the fastest of the API's formats), the API's own CSV for a file. A task picked by its
 * send ID is first looked up (§3.1) for its batch number, as the export wants statistics IDs, not send IDs.
 */
export async function runFailedExport(
	ctx: ItemContext,
	endpoint: 'failexport.php' | 'failexportall.php',
	toRow: (entry: unknown) => IDataObject,
): Promise<OperationResult> {
	const { p } = ctx;
	const type = p.required('failureType');
	const selection = readTaskSelection(p);
	if (selection.mode === 'date' && TASK_ONLY_TYPES.has(type)) {
		throw p.fail('failureType', 'can only be exported for a task: set "Select By" to a task, not to "Send Date"');
	}
	const asFile = p.string('output', { fallback: 'items' }) === 'file';
	const options = p.collection('options');
	let ident = selection.ident;
	if (selection.mode === 'task') {
		const overview = await ctx.call(trackOverviewRequest({ id: selection.id }));
		ident = String(objectAt(overview.body, 'track').task_sn ?? '');
		if (!ident) throw p.fail('task', `has no batch number yet: "${selection.id}" was not sent`);
	}
	const answer = await ctx.call({
		endpoint,
		qs: {
			type,
			date: selection.date,
			date_end: selection.dateEnd,
			task_id: selection.statisticsTaskId,
			task_ident: ident,
			is_repeat: options.keepDuplicates === true ? 1 : undefined,
			out_type: asFile ? 'file' : 'json',
		},
		answer: asFile ? 'text' : 'json',
		// a million addresses: parsed in runs as they arrive
		stream: asFile ? undefined : { records: '[]' },
	});
	const name = endpoint.replace('.php', '');
	if (asFile) return await fileOfLines(ctx, answer.body as string[], `${name}-${ident ?? selection.statisticsTaskId ?? selection.date ?? selection.dateEnd}.csv`);
	return (Array.isArray(answer.body) ? answer.body : []).map(toRow);
}
