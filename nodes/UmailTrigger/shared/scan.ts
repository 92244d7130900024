import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { advance, keepOnly, newerThan, type Stamped, type TimeCursor } from './cursor';
import { chosenIds, lookbackDays } from './params';
import { isTracked, recentTasks } from './tasks';
import type { EventResult, PollRun } from '../events/types';

export interface TaskCursors {
	/** send id → the task's time cursor, the poll number it was last read in, and its overview counters then */
	tasks: Record<string, { cursor: TimeCursor; read: number; seen?: string }>;
	polls: number;
}

export interface TrackingSource {
	/** 1 = tasks tracking opens, 2 = tasks tracking clicks */
	level: number;
	/**
	 * The task's counters from the §3.1 overview (e.g. unique opens): a small answer that changes whenever the details
	 * gain a row, so an idle poll need not download every opener again
	 */
	counters?(fn: IPollFunctions, taskId: string): Promise<string>;
	read(fn: IPollFunctions, taskId: string): Promise<Array<Stamped<IDataObject>>>;
}

/**
 * Per-task time cursors over tracking details (opens, clicks), which the API only gives task by task. Chosen tasks are
 * all read every poll; "recent tracked tasks" are listed (one call) and at most `maxTasks` of them read per poll,
 * least recently read first, so an idle poll costs 1 + maxTasks calls. The first run reads every task once to seed.
 */
export async function scanTracking(
	run: PollRun,
	state: TaskCursors | undefined,
	source: TrackingSource,
): Promise<EventResult<TaskCursors>> {
	const { fn } = run;
	const recent = fn.getNodeParameter('scope', 'recent') === 'recent';
	const ids = recent
		? (await recentTasks(fn, lookbackDays(fn)))
				.filter((task) => isTracked(task, source.level))
				.map((task) => String(task.id))
				.sort((a, b) => Number(b) - Number(a))
		: chosenIds(fn, 'tasks', 'task', 'task');
	const known = state?.tasks ?? {};
	const polls = (state?.polls ?? 0) + 1;

	let toRead = ids;
	if (recent && state && !run.sample) {
		const maxTasks = Math.max(1, Number(fn.getNodeParameter('maxTasks', 1)));
		toRead = [...ids].sort((a, b) => (known[a]?.read ?? -1) - (known[b]?.read ?? -1)).slice(0, maxTasks);
	}

	const tasks = keepOnly(known, ids);
	const items: Array<Stamped<IDataObject>> = [];
	for (const id of toRead) {
		// taken before the details: a row that lands in between changes the counters again and is read next poll
		const seen = source.counters && !run.sample ? await source.counters(fn, id) : undefined;
		if (seen !== undefined && known[id]?.seen === seen) {
			tasks[id] = { ...known[id], read: polls };
			continue;
		}
		const records = await source.read(fn, id);
		const fresh = newerThan(known[id]?.cursor, records);
		items.push(...fresh);
		tasks[id] = { cursor: advance(known[id]?.cursor, fresh), read: polls, ...(seen === undefined ? {} : { seen }) };
		if (run.sample && items.length) break;
	}
	items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
	return { items: items.map((item) => item.record), state: { tasks, polls } };
}
