/**
 * The trigger's promise under stress: over a replay of well over 1,000 events (opens, clicks, failed addresses,
 * unsubscribes), with static data saved and reloaded as JSON after every poll (an n8n restart at any point) and 5% of
 * requests failing (HTTP 5xx, connection resets, HTML error pages, no transport retries), every event fires exactly once.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { transportSettings } from '../../../nodes/Umail/shared/transport';
import { HOUR, MIN, poll, roundTrip, seedOpeners, seedTask, useTriggerEmulator, type Env } from './setup';

const env = useTriggerEmulator({ seed: 11 });

interface Watcher {
	name: string;
	parameters: INodeParameters;
	keyOf: (item: IDataObject) => string;
	truth: () => Promise<Set<string>>;
	staticData: IDataObject;
	emitted: string[];
	seeded: Set<string>;
	failedPolls: number;
}

/** What the emulator holds now, read from its state (opens and clicks) or asked without faults (exports). */
function trackingTruth(env: Env, clicks: boolean): Set<string> {
	const st = env.control.state;
	const keys = new Set<string>();
	for (const task of st.tasks.values()) {
		st.forEachSent(task, (i: number, addr: { id: number; email: string }, _part: unknown, failType: number, sentAt: number) => {
			if (i < 0 || failType) return;
			const tracking = st.visibleTracking(task, i, sentAt);
			if (!tracking) return;
			if (!clicks) keys.add(`${task.id} ${addr.id}`);
			else for (const click of tracking.clicks) keys.add(`${task.id} ${addr.email} ${click.link.url}`);
		});
	}
	return keys;
}

async function ask(env: Env, path: string): Promise<string> {
	const auth = Buffer.from('demo:demo-pass').toString('base64');
	const response = await fetch(`${env.url}/${path}`, { headers: { Authorization: `Basic ${auth}` } });
	return await response.text();
}

test('each event fires exactly once over a faulty replay with restarts', async () => {
	transportSettings.readAttempts = 1;
	const { control } = env;
	const st = control.state;
	const c = control.customerOf('demo');

	// four lists of openers, with some addresses that bounce
	const lists = [0, 1, 2, 3].map((n) => seedOpeners(control, 180, `r${n}`));
	for (const [n, id] of lists.entries()) {
		st.addRows(st.getList(c, id), Array.from({ length: 12 }, (_, k) => ({ address: `bounce${k}.r${n}@example.com` })));
	}
	const tasks = [seedTask(control, [lists[0]], { hourSpeed: 600 })];
	control.clock.advance(20 * MIN);

	const specs: Array<Pick<Watcher, 'name' | 'parameters' | 'keyOf' | 'truth'>> = [
		{
			name: 'newOpen',
			parameters: { event: 'newOpen', scope: 'recent', days: 3, maxTasks: 2 },
			keyOf: (item) => `${item.send_id} ${item.email_id}`,
			truth: async () => trackingTruth(env, false),
		},
		{
			name: 'newClick',
			parameters: { event: 'newClick', scope: 'recent', days: 3, maxTasks: 2 },
			keyOf: (item) => `${item.send_id} ${item.email} ${item.link}`,
			truth: async () => trackingTruth(env, true),
		},
		{
			name: 'newFailedAddress',
			parameters: { event: 'newFailedAddress', scope: 'recent', days: 3 },
			keyOf: (item) => `${item.email} ${item.type} ${item.task_id}`,
			truth: async () => {
				const today = control.clock.today();
				const rows = JSON.parse(
					await ask(env, `failexportall.php?type=all&out_type=json&is_repeat=1&date=2026-10-01&date_end=${today}`),
				) as IDataObject[];
				return new Set(rows.map((row) => `${row.email} ${row.type} ${row.task_id}`));
			},
		},
		{
			name: 'newUnsubscribe',
			parameters: { event: 'newUnsubscribe', listScope: 'all' },
			keyOf: (item) => `${item.list_id} ${item.time} ${item.email}`,
			truth: async () => {
				const keys = new Set<string>();
				for (const id of lists) {
					const text = await ask(env, `mloperate.php?do=unsubscribe-export&id=${id}`);
					for (const line of text.split('\n').filter(Boolean)) {
						const [time, email] = line.split('\t');
						keys.add(`${id} ${time} ${email}`);
					}
				}
				return keys;
			},
		},
	];
	const watchers: Watcher[] = specs.map((w) => ({ ...w, staticData: {}, emitted: [], seeded: new Set<string>(), failedPolls: 0 }));

	// activation: the first poll remembers what exists and emits nothing
	for (const w of watchers) {
		w.seeded = await w.truth();
		expect(await poll(env, w.parameters, w.staticData)).toBeNull();
		w.staticData = roundTrip(w.staticData);
	}
	expect(watchers[0].seeded.size).toBeGreaterThan(0);

	let unsubscribed = 0;
	const unsubscribe = () => {
		const list = st.getList(c, lists[unsubscribed % lists.length]);
		const address = [...list.addrs.values()][0];
		if (address) st.unsubscribe(list, address.email);
		unsubscribed++;
	};

	control.faults.set({ error5xxRate: 0.025, resetRate: 0.015, htmlErrorRate: 0.01 });
	for (let step = 0; step < 150; step++) {
		// the world moves on: tasks start, mail goes out, people open, click, bounce and unsubscribe
		if (step === 5 || step === 25 || step === 45) tasks.push(seedTask(control, [lists[tasks.length]], { hourSpeed: 900 }));
		if (step % 7 === 0) control.seedFailedAddresses(control.clock.today(), 3);
		if (step % 2 === 0 && step < 120) unsubscribe();
		// two unsubscribes in the same second, split by a poll: the boundary keys must let the second one through
		const sameSecond = step % 10 === 3;
		if (!sameSecond) control.clock.advance((1 + (step % 4)) * MIN);

		for (const w of watchers) {
			try {
				const items = (await poll(env, w.parameters, w.staticData)) ?? [];
				w.emitted.push(...items.map(w.keyOf));
			} catch (error) {
				expect((error as Error).constructor.name).toBe('NodeApiError');
				w.failedPolls++;
			}
			// n8n keeps static data as JSON in its database: a restart can come between any two polls
			w.staticData = roundTrip(w.staticData);
		}
		if (sameSecond && step < 120) unsubscribe();
	}

	// the tracking windows close; poll without faults until every task has been read again
	control.faults.clear();
	control.clock.advance(4 * HOUR);
	for (let k = 0; k < 6; k++) {
		for (const w of watchers) {
			const items = (await poll(env, w.parameters, w.staticData)) ?? [];
			w.emitted.push(...items.map(w.keyOf));
			w.staticData = roundTrip(w.staticData);
		}
	}

	let total = 0;
	for (const w of watchers) {
		const truth = await w.truth();
		const expected = [...truth].filter((key) => !w.seeded.has(key)).sort();
		const duplicates = w.emitted.filter((key, i) => w.emitted.indexOf(key) !== i);
		expect({ name: w.name, duplicates }).toEqual({ name: w.name, duplicates: [] });
		expect({ name: w.name, emitted: [...w.emitted].sort() }).toEqual({ name: w.name, emitted: expected });
		expect(w.failedPolls).toBeGreaterThan(0);
		total += expected.length;
	}
	expect(total).toBeGreaterThanOrEqual(1000);
	// eslint-disable-next-line no-console
	console.log(watchers.map((w) => `${w.name}: ${w.emitted.length} events, ${w.failedPolls} failed polls`).join('; '));
}, 180_000);
