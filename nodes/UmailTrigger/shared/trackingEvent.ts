import type { IDataObject } from 'n8n-workflow';

import { listAt, objectAt } from '../../Umail/shared/outputs';
import { umailRequest } from '../../Umail/shared/transport';
import type { TriggerEvent } from '../events/types';
import { daysField, maxTasksField, taskScopeField, tasksField } from './fields';
import { scanTracking, type TaskCursors } from './scan';

interface TrackingSource {
	value: string;
	name: string;
	description: string;
	/** what the tasks must track: 1 opens, 2 opens and clicks */
	level: 1 | 2;
	/** the `do` of track.php and the list element of its answer */
	do: 'open-detail' | 'click-detail';
	list: 'data.user' | 'data.click';
	/** §3.1 overview fields that change whenever a detail row is added */
	counters: readonly string[];
	/** the time the event happened, and what makes it one event */
	at: (row: IDataObject) => string;
	key: (row: IDataObject) => string;
}

/** New Open and New Click differ only in what they read from track.php and what identifies one event. */
export function trackingEvent(source: TrackingSource): TriggerEvent<TaskCursors> {
	const tracked = source.level === 1 ? 'opens' : 'clicks';
	return {
		value: source.value,
		name: source.name,
		cost: 'Cost per poll: 1 per chosen task, or 1 + Tasks Scanned per Poll for recent tracked tasks; a task with new events costs 1 more.',
		description: source.description,
		properties: [
			taskScopeField('Recent Tracked Tasks', `Tasks of the last days that track ${tracked}`),
			tasksField({ scope: ['chosen'] }),
			{
				...daysField('Watch tasks dated this many days back, up to today'),
				displayOptions: { show: { scope: ['recent'] } },
			},
			maxTasksField,
		],
		scope: (fn) => [fn.getNodeParameter('scope', 'recent'), fn.getNodeParameter('tasks', {}), fn.getNodeParameter('days', 7)],
		poll: async (run, state) =>
			await scanTracking(run, state, {
				level: source.level,
				async counters(fn, id) {
					const answer = await umailRequest.call(fn, { effect: 'read', endpoint: 'track.php', do: 'overview', qs: { id } });
					const overview = objectAt(answer.body, 'track');
					return source.counters.map((field) => String(overview[field] ?? '')).join('|');
				},
				async read(fn, id) {
					const answer = await umailRequest.call(fn, { effect: 'read',
						endpoint: 'track.php',
						do: source.do,
						qs: { id },
						lists: [source.list],
						emptyOk: true,
						stream: { records: source.list },
					});
					return listAt(answer.body, source.list).map((row) => ({
						at: source.at(row),
						key: source.key(row),
						record: { send_id: id, ...row },
					}));
				},
			}),
	};
}
