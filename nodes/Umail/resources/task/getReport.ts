import type { IDataObject } from 'n8n-workflow';

import { taskLocator } from '../../shared/fields';
import { listAt, objectAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { TASK_LISTS } from './shared';

const count = (value: unknown) => {
	const number = Number(value);
	return Number.isFinite(number) ? number : 0;
};

/** a share in percent, two decimals; 0 when there is nothing to share */
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 100 : 0);

const sum = (rows: IDataObject[], field: string) => rows.reduce((total, row) => total + count(row[field]), 0);

/**
 * One report per task, joining §6.1 (status), §3.1 (tracking overview), §2.4 (billing) and §3.5 (link clicks): all
 * keyed by the send id that Create returns.
 */
export const getReport: OperationDef = {
	value: 'getReport',
	effect: 'read',
	name: 'Get Report',
	action: 'Get the report of a send task',
	description: 'Status, delivery, opens, clicks, rates, points and link clicks of a send task in one item',
	properties: [taskLocator()],
	labels: { send_status: 'sendStatus' },
	run: async (ctx) => {
		const id = ctx.p.id('task');
		const taskAnswer = await ctx.call({ endpoint: 'task.php', do: 'task-list', qs: { id }, lists: TASK_LISTS });
		const [task] = listAt(taskAnswer.body, 'task_list.task');
		if (!task) throw ctx.p.fail('task', `was not found: no send task has the ID "${id}"`);
		const overview = objectAt(
			(await ctx.call({ endpoint: 'track.php', do: 'overview', qs: { id }, lists: ['track.link_statistic.link'] })).body,
			'track',
		);
		const billing = listAt(
			(await ctx.call({ endpoint: 'stask.php', qs: { id }, lists: ['data.task'] })).body,
			'data.task',
		);
		const links = listAt(
			(await ctx.call({ endpoint: 'track.php', do: 'link-stat', qs: { id }, lists: ['data.link'] })).body,
			'data.link',
		);

		const delivered = count(overview.real_send_count);
		const uniqueOpens = count(overview.open_unique);
		const uniqueClicks = count(overview.click_unique);
		const deducted = sum(billing, 'actual');
		const rebated = sum(billing, 'rebate');
		return {
			id,
			ident: String(overview.task_sn ?? task.sn ?? ''),
			send_status: task.send_status,
			send_time: task.send_time,
			time_start: task.time_start,
			time_end: task.time_end,
			sent: count(overview.send_count),
			delivered,
			failed: count(overview.error_send_count),
			opens: count(overview.open_total),
			unique_opens: uniqueOpens,
			clicks: count(overview.click_total),
			unique_clicks: uniqueClicks,
			// rates over delivered mail, in percent
			open_rate: percent(uniqueOpens, delivered),
			click_rate: percent(uniqueClicks, delivered),
			click_to_open_rate: percent(uniqueClicks, uniqueOpens),
			deducted_points: deducted,
			rebated_points: rebated,
			net_points: deducted - rebated,
			links: links.map((link) => ({
				link_id: link.link_id,
				url: link.link,
				clicks: count(link.click_total),
				unique_clicks: count(link.click_unique),
			})),
		};
	},
};
