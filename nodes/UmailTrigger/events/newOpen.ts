import type { IDataObject } from 'n8n-workflow';

import { listAt } from '../../Umail/shared/outputs';
import { umailRequest } from '../../Umail/shared/transport';
import { daysField, maxTasksField, taskScopeField, tasksField } from '../shared/fields';
import { scanTracking, type TaskCursors } from '../shared/scan';
import type { TriggerEvent } from './types';

/** New Open: one item per recipient's first open (§3.2 open-detail, one row per opener). Cursor: open_first per task. */
export const newOpen: TriggerEvent<TaskCursors> = {
	value: 'newOpen',
	name: 'New Open',
	cost: 'Cost per poll: 1 per chosen task, or 1 + Tasks Scanned per Poll for recent tracked tasks.',
	description: 'A recipient opened a tracked email for the first time',
	properties: [
		taskScopeField('Recent Tracked Tasks', 'Tasks of the last days that track opens'),
		tasksField({ scope: ['chosen'] }),
		{ ...daysField('Watch tasks dated this many days back, up to today'), displayOptions: { show: { scope: ['recent'] } } },
		maxTasksField,
	],
	scope: (fn) => [fn.getNodeParameter('scope', 'recent'), fn.getNodeParameter('tasks', {}), fn.getNodeParameter('days', 7)],
	poll: async (run, state) =>
		await scanTracking(run, state, {
			level: 1,
			async read(fn, id) {
				const answer = await umailRequest.call(fn, {
					endpoint: 'track.php',
					do: 'open-detail',
					qs: { id },
					lists: ['data.user'],
					emptyOk: true,
				});
				return listAt(answer.body, 'data.user').map((user: IDataObject) => ({
					at: String(user.open_first ?? ''),
					key: String(user.email_id || user.email),
					record: { send_id: id, ...user },
				}));
			},
		}),
};
