import { taskLocator } from '../../shared/fields';
import { deleted } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §6.4 task.php?do=del-task */
export const deleteTask: OperationDef = {
	value: 'delete',
	effect: 'write',
	name: 'Delete',
	action: 'Delete a send task',
	description: 'Delete a send task',
	properties: [taskLocator()],
	request: (p) => ({ endpoint: 'task.php', do: 'del-task', qs: { id: p.id('task') } }),
	output: (_body, p) => deleted({ id: p.id('task') }),
};
