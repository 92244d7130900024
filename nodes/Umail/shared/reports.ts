import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { cellsOf, splitColumns } from './answers';
import { taskLocator } from './fields';
import type { Params } from './params';
import type { UmailRequest } from './transport';
import type { ItemContext, OperationResult } from './types';

/**
 * Helpers of the report operations (statistics, tracking): which task a report is about, local limits and the
 * text/CSV files the exports answer with.
 */

export const TASK_DESCRIPTION =
	'The send task: its send ID, returned by Task → Create (not the statistics task ID nor the tracking ID)';

export const BATCH_NUMBER_DESCRIPTION =
	'The batch number ("ident") of a send task, e.g. 20120302-362-F9B1E5. Tracking → Get Overview returns it for a task.';

export const batchNumberField: INodeProperties = {
	displayName: 'Batch Number',
	name: 'batchNumber',
	type: 'string',
	default: '',
	placeholder: 'e.g. 20120302-362-F9B1E5',
	description: BATCH_NUMBER_DESCRIPTION,
};

type Mode = 'date' | 'task' | 'batchNumber' | 'statisticsTaskId';

const MODE_OPTIONS: Record<Mode, { name: string; value: Mode; description: string }> = {
	batchNumber: { name: 'Batch Number', value: 'batchNumber', description: 'One task, by its batch number (ident)' },
	date: { name: 'Send Date', value: 'date', description: 'Every task sent on a day or in a date range' },
	statisticsTaskId: {
		name: 'Statistics Task ID',
		value: 'statisticsTaskId',
		description: 'The statistics task ID(s) that Tracking → Get Overview returns for a task',
	},
	task: { name: 'Task', value: 'task', description: 'One task, picked from the list or by its send ID' },
};

/** "Select By" + the fields of each choice: a task (send id), a batch number, and optionally a date range. */
export function taskSelectorFields(modes: Mode[], dateHint = 'tasks'): INodeProperties[] {
	const firstMode = modes[0];
	const fields: INodeProperties[] = [
		{
			displayName: 'Select By',
			name: 'selectBy',
			type: 'options',
			noDataExpression: true,
			options: modes.map((mode) => MODE_OPTIONS[mode]).sort((a, b) => a.name.localeCompare(b.name)),
			default: firstMode,
		},
	];
	if (modes.includes('date')) {
		fields.push(
			{
				displayName: 'Date',
				name: 'date',
				type: 'dateTime',
				default: '',
				description: `The day of the ${dateHint}, or the first day when End Date is set. Sent as YYYY-MM-DD.`,
				displayOptions: { show: { selectBy: ['date'] } },
			},
			{
				displayName: 'End Date',
				name: 'dateEnd',
				type: 'dateTime',
				default: '',
				description: `The last day of the ${dateHint}. Sent as YYYY-MM-DD.`,
				displayOptions: { show: { selectBy: ['date'] } },
			},
		);
	}
	if (modes.includes('task')) {
		fields.push({
			...taskLocator({ description: TASK_DESCRIPTION }),
			displayOptions: { show: { selectBy: ['task'] } },
		});
	}
	if (modes.includes('batchNumber')) {
		fields.push({ ...batchNumberField, required: true, displayOptions: { show: { selectBy: ['batchNumber'] } } });
	}
	if (modes.includes('statisticsTaskId')) {
		fields.push({
			displayName: 'Statistics Task ID',
			name: 'statisticsTaskId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1036770',
			description:
				'The statistics task ID ("statistics_task_ids" of Tracking → Get Overview), not the send ID. A task with several templates has several: separate them with commas.',
			displayOptions: { show: { selectBy: ['statisticsTaskId'] } },
		});
	}
	return fields;
}

export interface TaskSelection {
	mode: Mode;
	date?: string;
	dateEnd?: string;
	/** send id */
	id?: string;
	ident?: string;
	statisticsTaskId?: string;
}

/** Reads and checks the "Select By" choice before any request. */
export function readTaskSelection(p: Params): TaskSelection {
	const mode = (p.string('selectBy') ?? 'task') as Mode;
	if (mode === 'date') {
		const date = p.date('date');
		const dateEnd = p.date('dateEnd');
		p.oneOf({ date, dateEnd });
		return { mode, date, dateEnd };
	}
	if (mode === 'batchNumber') return { mode, ident: p.required('batchNumber') };
	if (mode === 'statisticsTaskId') return { mode, statisticsTaskId: p.list('statisticsTaskId').join(',') || p.required('statisticsTaskId') };
	return { mode, id: p.id('task') };
}

/** A header line names columns; data lines of these exports always hold an address. */
function isHeader(line: string): boolean {
	return !line.includes('@');
}

/** Text/CSV export lines → records, named by the file's own header when it has one. */
export function rowsOfLines(lines: string[], fallbackColumns: readonly string[]): IDataObject[] {
	if (lines.length === 0) return [];
	const header = isHeader(lines[0]);
	const columns = header ? cellsOf(lines[0]) : fallbackColumns;
	return (header ? lines.slice(1) : lines).map((line) => splitColumns(line, columns));
}

/** The API's own file, passed on as it came (line by line), in the binary field the user named. */
function csvCell(cell: string): string {
	return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export async function fileOfLines(ctx: ItemContext, lines: string[], fileName: string): Promise<OperationResult> {
	const property = ctx.p.string('binaryPropertyName', { fallback: 'data' }) ?? 'data';
	// the service separates some exports' columns with TAB (§2.3.2, §4.6): the file given out is CSV either way
	const csv = lines.map((line) => (line.includes('\t') ? cellsOf(line).map(csvCell).join(',') : line));
	const text = csv.length ? `${csv.join('\n')}\n` : '';
	const binary = await ctx.fn.helpers.prepareBinaryData(Buffer.from(text, 'utf8'), fileName, 'text/csv');
	const rows = lines.length && isHeader(lines[0]) ? lines.length - 1 : lines.length;
	return { items: [{ json: { fileName, rows }, binary: { [property]: binary } }] };
}

/** §3.1 track.php?do=overview: the one call that maps a send ID to its batch number, tracking and statistics IDs. */
export function trackOverviewRequest(selection: { id?: string; ident?: string }): UmailRequest {
	return {
		endpoint: 'track.php',
		do: 'overview',
		qs: { id: selection.id, ident: selection.ident },
		lists: ['track.link_statistic.link'],
	};
}
