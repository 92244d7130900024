import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { UmailTrigger } from '../../../nodes/UmailTrigger/UmailTrigger.node';
import { triggerClock } from '../../../nodes/UmailTrigger/shared/clock';
import type { EmulatorControl } from '../../emulator';
import { runPoll } from '../../helpers/n8n';
import { useEmulator } from '../Umail/setup';

/** One emulator per test file; the trigger's clock follows the emulator's simulated clock. */
export function useTriggerEmulator(options: Parameters<typeof useEmulator>[0] = {}) {
	const env = useEmulator(options);
	beforeAll(() => {
		triggerClock.now = () => env.control.clock.now();
	});
	return env;
}

export type Env = ReturnType<typeof useTriggerEmulator>;

/** One poll of the trigger through n8n-core's PollContext; the items of its output, or null. */
export async function poll(
	env: { credentials: IDataObject },
	parameters: INodeParameters,
	staticData: IDataObject,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<IDataObject[] | null> {
	const result = await runPoll(new UmailTrigger(), {
		parameters,
		credentials: { umailApi: env.credentials as never },
		staticData,
		mode,
	});
	return result ? result[0].map((item) => item.json) : null;
}

/** Static data as n8n stores it between executions (and across restarts): JSON. */
export const roundTrip = (data: IDataObject): IDataObject => JSON.parse(JSON.stringify(data)) as IDataObject;

const MINUTE = 60_000;

/** Seeds a list of recipients who all open (the emulator forces opens for addresses containing "open"). */
export function seedOpeners(control: EmulatorControl, count: number, tag: string): number {
	const st = control.state;
	const c = control.customerOf('demo');
	const list = st.createList(c, `Openers ${tag}`, '', 'enabled');
	const rows = [];
	for (let i = 0; i < count; i++) rows.push({ address: `open${i}.${tag}@example.com`, fullname: `Opener ${i}` });
	st.addRows(list, rows);
	return list.id;
}

/** A template with two links, checked as passed straight away. */
export function seedTemplate(control: EmulatorControl, name = 'Trigger test'): number {
	const c = control.customerOf('demo');
	const tpl = control.state.createTemplate(c, {
		name,
		subject: 'Hello',
		content: '<p><a href="https://www.example.com/a">A</a> <a href="https://www.example.com/b">B</a></p>',
	});
	tpl.checkStart -= 2 * MINUTE;
	return tpl.id;
}

/** Creates a task that starts sending now at `hourSpeed` recipients an hour; returns its send id. */
export function seedTask(
	control: EmulatorControl,
	listIds: number[],
	opts: { tplId?: number; hourSpeed?: number; trackStatus?: number; status?: number; startInMs?: number } = {},
): number {
	const c = control.customerOf('demo');
	const task = control.state.createTask(c, {
		tplIds: [opts.tplId ?? seedTemplate(control)],
		listIds,
		sendAccount: 'news@mail.verified-demo.example.com',
		sendDomain: 'mail.verified-demo.example.com',
		sendFullname: 'News',
		sendQty: 0,
		sendQtyStart: 1,
		time: control.clock.now() + (opts.startInMs ?? 0),
		status: opts.status ?? 2,
		subsLink: 1,
		trackStatus: opts.trackStatus ?? 2,
		hourSpeed: opts.hourSpeed ?? 1000,
	});
	return task.id;
}

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
export const chosenTasks = (...ids: number[]) => ({ values: ids.map((id) => ({ task: byId(id) })) });
export const MIN = MINUTE;
export const HOUR = 60 * MINUTE;
