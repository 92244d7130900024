import { codeField, filtersField, returnAllFields, simplifyField } from '../../shared/fields';
import { listAt } from '../../shared/outputs';
import { readTaskSelection, taskSelectorFields } from '../../shared/reports';
import type { OperationDef } from '../../shared/types';

const PAGE_SIZE = 20;

/** §2.1 task.php?do=list-task: pages of at most 20; the decoder renames the reference's `send_satus` to `send_status`. */
export const getManySentTasks: OperationDef = {
	value: 'getManySentTasks',
	effect: 'read',
	name: 'Get Many Sent Tasks',
	action: 'Get many sent tasks with their counts',
	description: 'List send tasks of a day or date range, or one task, with sent and failed counts',
	properties: [
		...taskSelectorFields(['date', 'task', 'batchNumber'], 'send tasks'),
		...returnAllFields(),
		filtersField([
			codeField('status', 'Send Status', 'sendStatus', {
				default: '3',
				description: 'Only tasks in this send status',
			}),
		]),
		simplifyField,
	],
	paging: { pageSize: PAGE_SIZE },
	request: (p, page) => {
		const selection = readTaskSelection(p);
		const filters = p.collection('filters');
		return {
			endpoint: 'task.php',
			do: 'list-task',
			qs: {
				date: selection.date,
				date_end: selection.dateEnd,
				id: selection.id,
				ident: selection.ident,
				state: filters.status as string | undefined,
				page: page?.page,
				limit: page?.limit,
			},
			lists: ['task_list.task'],
		};
	},
	output: (body) => listAt(body, 'task_list.task'),
	labels: { send_status: 'sendStatus', track_status: 'trackStatus' },
	simplify: ['id', 'sn', 'tpl_name', 'list_name', 'send_time', 'send_status', 'time_end', 'send_count', 'error_count'],
};
