import { simplifyField, taskLocator } from '../../shared/fields';
import { listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { TASK_LABELS, TASK_LISTS, TASK_SIMPLE, taskRecord } from './shared';

/** §6.1 task.php?do=task-list&id= */
export const get: OperationDef = {
	value: 'get',
	effect: 'read',
	name: 'Get',
	action: 'Get a send task',
	description: 'Get a send task with its templates, contact lists, status and counts',
	properties: [taskLocator(), simplifyField],
	request: (p) => ({ endpoint: 'task.php', do: 'task-list', qs: { id: p.id('task') }, lists: TASK_LISTS }),
	output: (body, p) => {
		const [task] = listAt(body, 'task_list.task');
		if (!task) throw p.fail('task', `was not found: no send task has the ID "${p.id('task')}"`);
		return taskRecord(task);
	},
	labels: TASK_LABELS,
	simplify: TASK_SIMPLE,
};
