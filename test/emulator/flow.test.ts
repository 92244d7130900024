/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
// State flow: list → addresses (one, bulk, file) → list them → template → check → task → completes →
// tracking, failed addresses, billing and daily statistics appear and agree with each other.
import { start, Emulator } from './index';
import { call, arr, resultOf, FormData } from './helpers';

let emu: Emulator;
beforeAll(async () => {
	emu = await start({ seed: 42 });
});
afterAll(async () => {
	await emu.stop();
});

test('state flow from a new list to consistent statistics', async () => {
	const c = emu.control;
	const today = c.clock.today();
	// list
	const listId = String(resultOf(await call(emu, 'mloperate', 'maillist-add', { form: { subject: 'Flow', status: 'enabled' } })).data);
	// one address
	expect(resultOf(await call(emu, 'mloperate', 'ml-addr-add', { form: { list_id: listId, address: 'first.open@example.com', fullname: 'First', var1: 'a' } })).status).toBe('success');
	// bulk (with one invalid and one duplicate)
	const rows = ['nobody.bounce@example.com;Bounce', 'not-an-address;x', 'first.open@example.com;dup'];
	for (let i = 0; i < 300; i++) rows.push(`person${i}@example.com;P${i};F;1991-01-01;;;v${i}`);
	expect(resultOf(await call(emu, 'mloperate', 'ml-addr-add', { query: { list_id: listId }, form: { ml_addr: rows.join('\n') } })).status).toBe('success');
	// file import
	const fd = new FormData();
	const fileRows: string[] = [];
	for (let i = 0; i < 200; i++) fileRows.push(`file${i}@example.org;F${i}`);
	fd.append('list_id', listId);
	fd.append('file', new Blob([fileRows.join('\n') + '\nperson1@example.com;dup\n']), 'flow.csv');
	const importId = resultOf(await call(emu, 'mloperate', 'ml-addr-add-file', { multipart: fd })).data;
	expect(resultOf(await call(emu, 'mloperate', 'ml-addr-add-file-query', { query: { id: importId } })).status).toBe('no_complete');
	c.clock.advance(5000);
	expect(resultOf(await call(emu, 'mloperate', 'ml-addr-add-file-query', { query: { id: importId } })).status).toBe('success');
	const log = arr((await call(emu, 'mloperate', 'ml-addr-add-log')).xml.result.data.address_log)[0];
	expect(log).toMatchObject({ count_all: '201', count_err_2: '1', status: '1', subject: 'Flow' });
	// list them
	const listed = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: listId } });
	expect(listed.xml.data.total_num).toBe('502');
	expect(arr(listed.xml.data.addr)).toHaveLength(502);
	// template with links; check passes after 60 s
	const tplId = resultOf(
		await call(emu, 'template', 'add-tpl', { form: { name: 'Flow', subject: 'Hello', content: '<a href="https://x.example.com/1">1</a><a href="https://x.example.com/2">2</a>' } }),
	).data;
	const early = await call(emu, 'task', 'add-task', { form: { tpl_id: tplId, send_account: 'all', send_domain: 'all', send_fullname: 'F', maillist_id: listId, time: `${today} 12:00` } });
	expect(resultOf(early).status).toBe('tpl_checking');
	c.clock.advance(60_000);
	const st = (await call(emu, 'template', 'get-tpl-status', { query: { tpl_id: tplId } })).xml.template;
	expect(st.status).toBe('1');
	// task: sends at 12:00 at 1000/h → 502 recipients take ~30 min
	const taskId = resultOf(
		await call(emu, 'task', 'add-task', {
			form: { tpl_id: tplId, send_account: 'all', send_domain: 'all', send_fullname: 'F', maillist_id: listId, time: `${today} 12:00`, track_status: 2, hour_speed: 1000 },
		}),
	).id;
	const status = async () => arr((await call(emu, 'task', 'task-list', { query: { id: taskId } })).xml.task_list.task)[0].send_status;
	expect(await status()).toBe('1');
	c.clock.set(Date.parse(`${today}T12:10:00+08:00`));
	expect(await status()).toBe('2');
	const mid = arr((await call(emu, 'task', 'task-list', { query: { id: taskId } })).xml.task_list.task)[0];
	expect(Number(mid.send_count)).toBeGreaterThan(100);
	expect(Number(mid.send_count)).toBeLessThan(502);
	c.clock.set(Date.parse(`${today}T13:00:00+08:00`));
	expect(await status()).toBe('3');
	c.clock.advance(4 * 3600_000); // tracking window
	// tracking
	const tr = (await call(emu, 'track', 'overview', { query: { id: taskId } })).xml.track;
	expect(tr.send_count).toBe('502');
	const opens = arr((await call(emu, 'track', 'open-detail', { query: { id: taskId } })).xml.data.user);
	expect(opens.length).toBe(Number(tr.open_unique));
	expect(opens.reduce((s: number, u: any) => s + Number(u.open_total), 0)).toBe(Number(tr.open_total));
	expect(opens.map((u: any) => u.email)).toContain('first.open@example.com');
	const clicks = arr((await call(emu, 'track', 'click-detail', { query: { id: taskId } })).xml.data.click);
	expect(clicks.reduce((s: number, k: any) => s + Number(k.click_total), 0)).toBe(Number(tr.click_total));
	expect(new Set(clicks.map((k: any) => k.email)).size).toBe(Number(tr.click_unique));
	const links = arr((await call(emu, 'track', 'link-stat', { query: { id: taskId } })).xml.data.link);
	expect(links.reduce((s: number, l: any) => s + Number(l.click_total), 0)).toBe(Number(tr.click_total));
	const exp = (await call(emu, 'trackexport', '', { query: { track_id: tr.track_id } })).text.trim().split('\n');
	expect(exp.length - 1).toBe(Number(tr.open_unique));
	// failures, billing and daily statistics agree
	const fails = JSON.parse((await call(emu, 'failexportall', '', { query: { type: 'all', task_id: tr.task_id, out_type: 'json', is_repeat: 1 } })).text);
	expect(fails.map((f: any) => f.email)).toContain('nobody.bounce@example.com');
	const bill = arr((await call(emu, 'stask', '', { query: { ident: tr.task_sn } })).xml.data.task)[0];
	expect(Number(bill.totalsum)).toBe(502);
	expect(fails.length).toBe(Number(bill.invalid) + Number(bill.failed));
	expect(fails.filter((f: any) => f.type === '1').length).toBe(Number(bill.email_not_exist));
	expect(Number(bill.success)).toBe(Number(tr.real_send_count));
	expect(Number(bill.failed)).toBe(Number(tr.real_send_err));
	const day = (await call(emu, 'statistic', '', { query: { date: today } })).xml.statistic;
	expect(Number(day.send_count)).toBe(502);
	expect(Number(day.actual_send)).toBe(Number(bill.total));
	expect(Number(day.send_error)).toBe(Number(bill.failed));
	expect(Number(day.actual_deduc)).toBe(Number(bill.actual) - Number(bill.rebate));
	const ded = arr((await call(emu, 'deduction', '', { query: { date: today } })).xml.data.list)[0];
	expect(Number(ded.total)).toBe(Number(day.actual_deduc));
	expect(Number(ded.send_num)).toBe(Number(bill.total));
	const mlog = JSON.parse((await call(emu, 'maillog', '', { query: { date: today } })).text).lists;
	expect(mlog).toHaveLength(502);
	expect(mlog.filter((m: any) => m.status === 'failed').length).toBe(fails.length);
	const lt = arr((await call(emu, 'task', 'list-task', { query: { date: today } })).xml.task_list.task)[0];
	expect(lt.send_satus).toBe('3');
	expect(Number(lt.send_count)).toBe(Number(bill.total));
	expect(Number(lt.error_count)).toBe(Number(bill.invalid));
	const svc = (await call(emu, 'account', 'service-info')).xml.service;
	expect(Number(svc.qty_buytotal) - Number(svc.qty_available)).toBe(Number(day.actual_deduc));
	// unsubscribe shows in §4.6 and leaves the list
	await call(emu, 'mloperate', 'ml-unsub', { query: { list_id: listId, address: 'person7@example.com' } });
	expect((await call(emu, 'mloperate', 'unsubscribe-export', { query: { id: listId } })).text).toContain('\tperson7@example.com');
	expect((await call(emu, 'mloperate', 'maillist-detail', { query: { id: listId } })).xml.maillist.count).toBe('501');
	// determinism: same seed → same tracking
	const emu2 = await start({ seed: 42 });
	try {
		expect(emu2.control.seed).toBe(42);
	} finally {
		await emu2.stop();
	}
});

test('seed changes the tracking data deterministically', async () => {
	const c = emu.control;
	const lid = c.createList('Seeded');
	c.seedAddresses(lid, 400);
	const tpl = resultOf(await call(emu, 'template', 'add-tpl', { form: { name: 'S', subject: 'S', content: '<a href="https://e.example.com/">x</a>' } })).data;
	c.clock.advance(61_000);
	const id = resultOf(
		await call(emu, 'task', 'add-task', { form: { tpl_id: tpl, send_account: 'a@example.com', send_fullname: 'S', maillist_id: lid, time: '2026-11-02 09:00', status: 2, track_status: 2, hour_speed: 75000 } }),
	).id;
	c.completeTask(String(id));
	const a = (await call(emu, 'track', 'overview', { query: { id } })).text;
	const a2 = (await call(emu, 'track', 'overview', { query: { id } })).text;
	expect(a2).toBe(a);
	c.setSeed(43);
	const b = (await call(emu, 'track', 'overview', { query: { id } })).text;
	expect(b).not.toBe(a);
	c.setSeed(42);
});
