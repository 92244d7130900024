import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listAt, objectAt } from '../../Umail/shared/outputs';
import { umailRequest } from '../../Umail/shared/transport';
import { daysField } from '../shared/fields';
import { addLabels } from '../../Umail/shared/answers';
import { lookbackDays, option } from '../shared/params';
import { recentTasks } from '../shared/tasks';
import type { TriggerEvent } from './types';

/** the send ids of completed tasks already emitted, bounded by the completed tasks of the window */
export type CompletedTasks = string[];

async function details(fn: IPollFunctions, task: IDataObject): Promise<IDataObject> {
	const id = String(task.id);
	const overview = await umailRequest.call(fn, { effect: 'read',
		endpoint: 'track.php',
		do: 'overview',
		qs: { id },
		lists: ['track.link_statistic.link'],
	});
	const billing = await umailRequest.call(fn, { effect: 'read', endpoint: 'stask.php', qs: { id }, lists: ['data.task'] });
	return addLabels(
		{ ...task, tracking: objectAt(overview.body, 'track'), billing: listAt(billing.body, 'data.task') },
		{ send_status: 'sendStatus', track_status: 'trackStatus' },
	);
}

/**
 * Task Completed: tasks whose status is 3 (§2.1 list-task filtered on state=3 and the date window: one call when
 * nothing is new), each with its tracking overview (§3.1) and billing stats (§2.4) attached: two more calls per task.
 */
export const taskCompleted: TriggerEvent<CompletedTasks> = {
	value: 'taskCompleted',
	name: 'Task Completed',
	cost: 'Cost per poll: 1 API call (+1 per 20 completed tasks above 100), plus 2 per completed task emitted.',
	description: 'A send task finished sending; comes with its tracking overview and billing stats',
	properties: [daysField('Watch tasks dated this many days back, up to today')],
	scope: (fn) => [fn.getNodeParameter('days', 7)],
	async poll({ fn, sample }, state) {
		const completed = (await recentTasks(fn, lookbackDays(fn), '3')).sort((a, b) => Number(a.id) - Number(b.id));
		const seen = new Set(state ?? []);
		let fresh = completed.filter((task) => !seen.has(String(task.id)));
		// details cost two calls a task: only for what is emitted (first poll: nothing, unless asked)
		if (sample) fresh = fresh.slice(-1);
		const items: IDataObject[] = [];
		if (state !== undefined || sample || option(fn, 'emitExisting', false)) for (const task of fresh) items.push(await details(fn, task));
		return { items, state: completed.map((task) => String(task.id)) };
	},
};

