import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listAt } from '../../Umail/shared/outputs';
import { umailRequest } from '../../Umail/shared/transport';
import { serviceDate } from './clock';

/** §2.1 answers at most 100 tasks when no page is asked; past that it pages by 20 at most. */
const FIRST_CALL = 100;
const PAGE = 20;
/** Tasks scheduled ahead of today still belong to "recent" tasks (their date is the send date). */
const AHEAD_DAYS = 366;

const LIST = 'task_list.task';

/**
 * Tasks dated within the last `days` days (§2.1 task.php?do=list-task, which filters on a date range and a status,
 * unlike §6.1). One call up to 100 tasks, then one more per 20.
 */
export async function recentTasks(fn: IPollFunctions, days: number, state?: string): Promise<IDataObject[]> {
	const qs = { date: serviceDate(-days), date_end: serviceDate(AHEAD_DAYS), state };
	const first = await umailRequest.call(fn, { effect: 'read', endpoint: 'task.php', do: 'list-task', qs, lists: [LIST] });
	const tasks = listAt(first.body, LIST);
	if (tasks.length < FIRST_CALL) return tasks;
	for (let page = FIRST_CALL / PAGE + 1; ; page++) {
		const answer = await umailRequest.call(fn, { effect: 'read',
			endpoint: 'task.php',
			do: 'list-task',
			qs: { ...qs, page, limit: PAGE },
			lists: [LIST],
		});
		const more = listAt(answer.body, LIST);
		tasks.push(...more);
		if (more.length < PAGE) return dedupe(tasks);
	}
}

/** One task by send id (§2.1 with `id`). */
export async function taskById(fn: IPollFunctions, id: string): Promise<IDataObject | undefined> {
	const answer = await umailRequest.call(fn, { effect: 'read', endpoint: 'task.php', do: 'list-task', qs: { id }, lists: [LIST] });
	return listAt(answer.body, LIST).find((task) => String(task.id) === id);
}

/** A task added while paging shifts the pages, so a task can come twice. */
function dedupe(tasks: IDataObject[]): IDataObject[] {
	const seen = new Map<string, IDataObject>();
	for (const task of tasks) seen.set(String(task.id), task);
	return [...seen.values()];
}

export const isTracked = (task: IDataObject, level: number) =>
	Number(task.track_status ?? 0) >= level && String(task.time_start ?? '') !== '';
