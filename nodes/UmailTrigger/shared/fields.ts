import type { INodeProperties } from 'n8n-workflow';

import { contactListLocator, taskLocator } from '../../Umail/shared/fields';

export function daysField(description: string): INodeProperties {
	return {
		displayName: 'Days Back',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 366 },
		default: 7,
		description,
	};
}

/** Scope of task events: the tasks of the last days, or tasks the user picks. */
export function taskScopeField(recentName: string, recentDescription: string): INodeProperties {
	const recent = 'recent';
	return {
		displayName: 'Watch',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'Chosen Tasks', value: 'chosen', description: 'Only the tasks picked below: one API call per task and poll' },
			{ name: recentName, value: recent, description: recentDescription },
		],
		default: recent,
	};
}

export function tasksField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Tasks',
		name: 'tasks',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Task',
		default: {},
		displayOptions: { show },
		options: [{ displayName: 'Task', name: 'values', values: [taskLocator()] }],
	};
}

export function listsField(): INodeProperties {
	return {
		displayName: 'Contact Lists',
		name: 'lists',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Contact List',
		default: {},
		description: 'One API call per list and poll',
		options: [{ displayName: 'Contact List', name: 'values', values: [contactListLocator()] }],
	};
}

export const maxTasksField: INodeProperties = {
	displayName: 'Tasks Scanned per Poll',
	name: 'maxTasks',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100 },
	default: 1,
	displayOptions: { show: { scope: ['recent'] } },
	description:
		'How many tracked tasks to read per poll, least recently read first. A poll costs 1 + this many API calls; with more tracked tasks than this, each task is read every (tracked tasks ÷ this) polls.',
};
