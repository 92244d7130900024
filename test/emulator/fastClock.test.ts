// The playground runs the emulator's clock 60× real time: a client's "now" lags the simulated clock by hours, and a
// task's send time must still never precede its start.
import { start, Emulator } from './index';
import { call, arr, resultOf } from './helpers';

const NOW = '2026-11-02T01:00:00Z'; // 09:00 Beijing time

async function sendNow(emu: Emulator, time: string): Promise<string> {
	const c = emu.control;
	const lid = c.createList('Clock');
	c.seedAddresses(lid, 3);
	const tpl = resultOf(await call(emu, 'template', 'add-tpl', { form: { name: 'C', subject: 'C', content: '<p>c</p>' } })).data;
	c.clock.advance(61_000);
	return String(
		resultOf(
			await call(emu, 'task', 'add-task', {
				form: { tpl_id: tpl, send_account: 'a@example.com', send_fullname: 'S', maillist_id: lid, time, status: 2, hour_speed: 75000 },
			}),
		).id,
	);
}

async function taskTimes(emu: Emulator, id: string) {
	emu.control.completeTask(id);
	const task = arr((await call(emu, 'task', 'task-list', { query: { id } })).xml.task_list.task)[0];
	return { sendTime: String(task.send_time), start: String(task.time_start) };
}

test('with a fast clock a send time in the simulated past is taken as the simulated now', async () => {
	const emu = await start({ seed: 7, now: NOW, clockSpeed: 60 });
	try {
		emu.control.clock.advance(5 * 3600_000); // five simulated hours ahead of the client's clock
		const id = await sendNow(emu, '2026-11-02 09:00');
		const { sendTime, start: started } = await taskTimes(emu, id);
		expect(sendTime >= '2026-11-02 14:00').toBe(true);
		expect(started >= sendTime.slice(0, 16)).toBe(true);
		expect(sendTime.slice(0, 16)).toBe(started.slice(0, 16));
	} finally {
		await emu.stop();
	}
});

test('with the clock at rest a send time is kept as given', async () => {
	const emu = await start({ seed: 7, now: NOW });
	try {
		emu.control.clock.advance(5 * 3600_000);
		const id = await sendNow(emu, '2026-11-02 09:00');
		const { sendTime, start: started } = await taskTimes(emu, id);
		expect(sendTime.slice(0, 16)).toBe('2026-11-02 09:00');
		expect(started > sendTime).toBe(true);
	} finally {
		await emu.stop();
	}
});
