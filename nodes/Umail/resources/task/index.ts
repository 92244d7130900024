import type { ResourceDef } from '../../shared/types';

export const task: ResourceDef = {
	value: 'task',
	name: 'Task',
	description: 'Send tasks (campaigns): schedule, change, report',
	defaultOperation: 'create',
	operations: [],
};
