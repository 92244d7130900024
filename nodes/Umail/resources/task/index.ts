import type { ResourceDef } from '../../shared/types';
import { create } from './create';
import { deleteTask } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { getReport } from './getReport';
import { update } from './update';

export const task: ResourceDef = {
	value: 'task',
	name: 'Task',
	description: 'Send tasks (campaigns): schedule, change, report',
	defaultOperation: 'create',
	operations: [create, deleteTask, get, getMany, getReport, update],
};
