import type { IDataObject } from 'n8n-workflow';

import { listAt } from '../../Umail/shared/outputs';
import { umailRequest } from '../../Umail/shared/transport';
import { daysField, maxTasksField, taskScopeField, tasksField } from '../shared/fields';
import { scanTracking, type TaskCursors } from '../shared/scan';
import type { TriggerEvent } from './types';

/**
 * New Click: one item per recipient and link, at its first click (§3.3 click-detail). Cursor: click_first per task;
 * the item id is email + link (the API's click_id is not documented as stable).
 */
export const newClick: TriggerEvent<TaskCursors> = {
	value: 'newClick',
	name: 'New Click',
	cost: 'Cost per poll: 1 per chosen task, or 1 + Tasks Scanned per Poll for recent tracked tasks.',
	description: 'A recipient clicked a tracked link for the first time',
	properties: [
		taskScopeField('Recent Tracked Tasks', 'Tasks of the last days that track clicks'),
		tasksField({ scope: ['chosen'] }),
		{ ...daysField('Watch tasks dated this many days back, up to today'), displayOptions: { show: { scope: ['recent'] } } },
		maxTasksField,
	],
	scope: (fn) => [fn.getNodeParameter('scope', 'recent'), fn.getNodeParameter('tasks', {}), fn.getNodeParameter('days', 7)],
	poll: async (run, state) =>
		await scanTracking(run, state, {
			level: 2,
			async read(fn, id) {
				const answer = await umailRequest.call(fn, {
					endpoint: 'track.php',
					do: 'click-detail',
					qs: { id },
					lists: ['data.click'],
					emptyOk: true,
				});
				return listAt(answer.body, 'data.click').map((click: IDataObject) => ({
					at: String(click.click_first ?? ''),
					key: `${String(click.email)} ${String(click.link)}`,
					record: { send_id: id, ...click },
				}));
			},
		}),
};
