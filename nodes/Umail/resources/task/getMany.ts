import { codeField, dateField, filtersField, returnAllFields, simplifyField } from '../../shared/fields';
import { listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { TASK_LABELS, TASK_LISTS, TASK_SIMPLE, taskRecord } from './shared';

const PAGE = 20;

/** §6.1 task.php?do=task-list: 20 a page at most */
export const getMany: OperationDef = {
	value: 'getMany',
	effect: 'read',
	name: 'Get Many',
	action: 'Get many send tasks',
	description: 'List send tasks, newest first, by day and status',
	properties: [
		...returnAllFields(),
		filtersField([
			dateField('date', 'Send Date', 'Only tasks sent on this day'),
			codeField('sendStatus', 'Send Status', 'sendStatus', { default: '3' }),
			codeField('verifyStatus', 'Review Status', 'verifyStatus', { default: '1' }),
		]),
		simplifyField,
	],
	paging: { pageSize: PAGE },
	request: (p, page = { page: 1, limit: PAGE }) => ({
		endpoint: 'task.php',
		do: 'task-list',
		qs: {
			page: page.page,
			limit: page.limit,
			date: p.date('filters.date'),
			send_status: p.string('filters.sendStatus') ?? 'all',
			verify_status: p.string('filters.verifyStatus'),
		},
		lists: TASK_LISTS,
	}),
	output: (body) => listAt(body, 'task_list.task').map(taskRecord),
	labels: TASK_LABELS,
	simplify: TASK_SIMPLE,
};
