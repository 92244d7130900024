import type { IDataObject } from 'n8n-workflow';

import { codeOptions } from '../../Umail/shared/codes';
import { keepOnly } from '../shared/cursor';
import { daysField, taskScopeField, tasksField } from '../shared/fields';
import { addLabels } from '../../Umail/shared/answers';
import { chosenIds, lookbackDays } from '../shared/params';
import { recentTasks, taskById } from '../shared/tasks';
import type { TriggerEvent } from './types';

/** send id → the status last seen; bounded by the tasks in scope */
export type TaskStatuses = Record<string, string>;

/**
 * Task Status Changed: the status of each task in scope (§2.1 list-task: one call for the last days up to 100 tasks,
 * or one call per chosen task) compared with the status seen at the previous poll. A task that appears after the
 * first poll counts as a change from no status. Only the status at poll time is seen: a task that passes through
 * several statuses between two polls fires once, with its newest status.
 */
export const taskStatusChanged: TriggerEvent<TaskStatuses> = {
	value: 'taskStatusChanged',
	name: 'Task Status Changed',
	cost: 'Cost per poll: 1 API call (tasks of the last days; +1 per 20 tasks above 100), or 1 per chosen task. Only the status at poll time is seen.',
	description: 'A send task changed status (e.g. started sending, completed, paused, stopped)',
	properties: [
		taskScopeField('Tasks of the Last Days', 'Tasks dated within the last days (or scheduled later): one API call per poll, plus one per 20 tasks above 100'),
		tasksField({ scope: ['chosen'] }),
		{ ...daysField('Watch tasks dated this many days back, up to today, and tasks scheduled later'), displayOptions: { show: { scope: ['recent'] } } },
		{
			displayName: 'To Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: codeOptions('sendStatus'),
			default: [],
			description: 'Fire only when a task changes to one of these statuses. None = any change.',
		},
	],
	scope: (fn) => [fn.getNodeParameter('scope', 'recent'), fn.getNodeParameter('tasks', {}), fn.getNodeParameter('days', 7)],
	async poll({ fn }, state) {
		const recent = fn.getNodeParameter('scope', 'recent') === 'recent';
		const wanted = (fn.getNodeParameter('statuses', []) as string[]).map(String);
		let tasks: IDataObject[];
		if (recent) tasks = await recentTasks(fn, lookbackDays(fn));
		else {
			tasks = [];
			for (const id of chosenIds(fn, 'tasks', 'task', 'task')) {
				const task = await taskById(fn, id);
				if (task) tasks.push(task);
			}
		}
		const known = state ?? {};
		const next = keepOnly(known, tasks.map((task) => String(task.id)));
		const items: IDataObject[] = [];
		for (const task of [...tasks].sort((a, b) => Number(a.id) - Number(b.id))) {
			const id = String(task.id);
			const status = String(task.send_status ?? '');
			const previous = known[id];
			next[id] = status;
			if (previous === status) continue;
			if (wanted.length && !wanted.includes(status)) continue;
			items.push(
				addLabels(
					{ ...task, previous_status: previous ?? null, send_status: status },
					{ previous_status: 'sendStatus', send_status: 'sendStatus', track_status: 'trackStatus' },
				),
			);
		}
		return { items, state: next };
	},
};
