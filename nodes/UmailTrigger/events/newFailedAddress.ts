import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { umailRequest } from '../../Umail/shared/transport';
import { serviceDate } from '../shared/clock';
import { daysField, taskScopeField, tasksField } from '../shared/fields';
import { addLabels } from '../../Umail/shared/answers';
import { chosenIds, lookbackDays } from '../shared/params';
import { taskById } from '../shared/tasks';
import type { TriggerEvent } from './types';

export interface FailedState {
	/** email, type and statistics task id of each failure already emitted: exactly the rows of the last answer */
	seen: string[];
	/** send id → batch number (ident), which the export filters on; it never changes, so it is asked once */
	idents: Record<string, string>;
}

const keyOf = (row: IDataObject) => `${String(row.email).toLowerCase()} ${String(row.type)} ${String(row.task_id)}`;

async function exportRows(fn: IPollFunctions, qs: IDataObject): Promise<IDataObject[]> {
	// type=all with repeats kept: every (address, type, task) row; JSON is the export's lightest documented form
	const answer = await umailRequest.call(fn, { effect: 'read',
		endpoint: 'failexportall.php',
		qs: { type: 'all', out_type: 'json', is_repeat: 1, ...qs } as Record<string, string | number>,
		answer: 'json',
		stream: { records: '[]' },
	});
	return Array.isArray(answer.body) ? (answer.body as IDataObject[]) : [];
}

/**
 * New Failed Address (§2.3.2 failexportall.php): the export has no timestamps, so the cursor is the set of rows
 * already emitted, keyed by address + failure type + task, and bounded by the rows the export still returns
 * (tasks dated within the window, or the chosen tasks). One call per poll, or one per chosen task.
 */
export const newFailedAddress: TriggerEvent<FailedState> = {
	value: 'newFailedAddress',
	name: 'New Failed Address',
	cost: 'Cost per poll: 1 API call, or 1 per chosen task (+1 once per task to learn its batch number).',
	description: 'An address failed (bounced, rejected, invalid…): with its failure type and task',
	properties: [
		taskScopeField('Tasks of the Last Days', 'Failures of tasks dated within the last days, SMTP traffic included: one API call per poll'),
		tasksField({ scope: ['chosen'] }),
		{ ...daysField('Watch failures of tasks dated this many days back, up to today'), displayOptions: { show: { scope: ['recent'] } } },
	],
	scope: (fn) => [fn.getNodeParameter('scope', 'recent'), fn.getNodeParameter('tasks', {}), fn.getNodeParameter('days', 7)],
	async poll({ fn }, state) {
		const idents = { ...(state?.idents ?? {}) };
		let rows: IDataObject[] = [];
		if (fn.getNodeParameter('scope', 'recent') === 'recent') {
			rows = await exportRows(fn, { date: serviceDate(-lookbackDays(fn)), date_end: serviceDate() });
		} else {
			const live: Record<string, string> = {};
			for (const id of chosenIds(fn, 'tasks', 'task', 'task')) {
				if (!idents[id]) idents[id] = String((await taskById(fn, id))?.sn ?? '');
				if (!idents[id]) continue; // no such task (yet)
				live[id] = idents[id];
				rows.push(...(await exportRows(fn, { task_ident: idents[id] })));
			}
			for (const id of Object.keys(idents)) if (!(id in live)) delete idents[id];
		}
		const seen = new Set(state?.seen ?? []);
		const keys = new Set<string>();
		const items: IDataObject[] = [];
		for (const row of rows) {
			const key = keyOf(row);
			if (keys.has(key)) continue;
			keys.add(key);
			if (!seen.has(key)) items.push(addLabels({ ...row }, { type: 'failureType' }));
		}
		return { items, state: { seen: [...keys], idents } };
	},
};
