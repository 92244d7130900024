/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
// The playground's timing (scripts/playground-settings.js): the clock follows real time, the work runs 60× faster. A
// template check passes and a send completes within seconds, and no time the service reports lies in the future.
import { emulatorOptions, WORK_SPEED } from '../../scripts/playground-settings';
import { start, Emulator } from './index';
import { call, arr, resultOf } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, limitMs: number): Promise<T> {
	const t0 = Date.now();
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() - t0 > limitMs) throw new Error(`${what}: not done after ${limitMs} ms (last: ${JSON.stringify(value)})`);
		await sleep(100);
	}
}

describe('playground timing: real-time clock, fast work', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await start({ seed: 7, ...emulatorOptions({}) });
	});
	afterAll(async () => {
		await emu.stop();
	});

	test('the defaults: clock at real time, work 60× faster', () => {
		expect(emulatorOptions({})).toMatchObject({ clockSpeed: 1, workSpeed: 60 });
		expect(WORK_SPEED).toBe(60);
		expect(emulatorOptions({ PLAYGROUND_CLOCK_SPEED: '0', PLAYGROUND_WORK_SPEED: '5' })).toMatchObject({ clockSpeed: 0, workSpeed: 5 });
	});

	test('a template check and a send finish in seconds, and every reported time has already happened', async () => {
		const c = emu.control;
		const lid = c.createList('Timing');
		c.seedAddresses(lid, 5);
		const t0 = Date.now();
		const tpl = String(resultOf(await call(emu, 'template', 'add-tpl', { form: { name: 'T', subject: 'T', content: '<p>t</p>' } })).data);
		// the check takes 60 simulated seconds: one real second at 60×
		await waitFor('template check', async () => (await call(emu, 'template', 'get-tpl-status', { query: { tpl_id: tpl } })).xml.template.status, (status) => status === '1', 5_000);
		const checkedMs = Date.now() - t0;
		expect(checkedMs).toBeGreaterThanOrEqual(900);

		// 5 recipients at 100 an hour take 3 simulated minutes: 3 real seconds at 60×
		const id = String(
			resultOf(
				await call(emu, 'task', 'add-task', {
					form: { tpl_id: tpl, send_account: 'a@example.com', send_fullname: 'S', maillist_id: lid, time: c.clock.format(Date.now()).slice(0, 16), status: 2, hour_speed: 100 },
				}),
			).id,
		);
		const task = await waitFor(
			'send',
			async () => arr((await call(emu, 'task', 'task-list', { query: { id } })).xml.task_list.task)[0],
			(t) => String(t.send_status) === '3',
			15_000,
		);
		const realNow = c.clock.format(Date.now());
		for (const field of ['send_time', 'time_start', 'time_end']) {
			expect(String(task[field])).not.toBe('');
			expect(String(task[field]) <= realNow).toBe(true);
		}
		// the clock itself has not run ahead of real time
		expect(Math.abs(c.clock.now() - Date.now())).toBeLessThan(1_000);
	}, 30_000);
});
