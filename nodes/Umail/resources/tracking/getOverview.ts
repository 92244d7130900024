import type { IDataObject } from 'n8n-workflow';

import { listAt, objectAt } from '../../shared/outputs';
import { readTaskSelection, taskSelectorFields, trackOverviewRequest } from '../../shared/reports';
import type { OperationDef } from '../../shared/types';

const ids = (value: unknown) =>
	String(value ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');

/**
 * §3.1 track.php?do=overview. Besides the counts, this is where a send ID is mapped to the other IDs the reports want:
 * the batch number (`task_sn`, "ident"), the tracking IDs (`track_id`, one per template) and the statistics task IDs
 * (`task_id`); they come first in the output under plain names.
 */
export const getOverview: OperationDef = {
	value: 'getOverview',
	effect: 'read',
	name: 'Get Overview',
	action: 'Get the tracking overview of a task',
	description:
		'Get opens, clicks, sent and failed counts of a task, its links, and its batch number, tracking IDs and statistics task IDs',
	properties: taskSelectorFields(['task', 'batchNumber']),
	request: (p) => trackOverviewRequest(readTaskSelection(p)),
	output: (body) => {
		const track = objectAt(body, 'track');
		const { send_id, task_sn, track_id, task_id, ...counts } = track;
		delete counts.link_statistic;
		const record: IDataObject = {
			send_id,
			batch_number: task_sn,
			tracking_ids: ids(track_id),
			statistics_task_ids: ids(task_id),
			...counts,
			links: listAt(body, 'track.link_statistic.link'),
		};
		return record;
	},
};
