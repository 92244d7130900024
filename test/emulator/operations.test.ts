/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
// One test per catalogue operation (54): calls the emulator over HTTP and checks the documented shape.
import { start, Emulator } from './index';
import { call, arr, expectKeys, resultOf, FormData } from './helpers';

let emu: Emulator;
let listId = '';
let list2Id = '';
let tplId = '';
let taskId = '';
let ident = '';
let trackId = '';
let statId = '';
let addrId = '';
let importId = '';
let today = '';

const LINKS = '<p><a href="https://shop.example.com/a">A</a> <a href="https://shop.example.com/b">B</a></p>';

beforeAll(async () => {
	emu = await start({ seed: 7 });
	today = emu.control.clock.today();
	// fixtures through the API
	let r = await call(emu, 'mloperate', 'maillist-add', { form: { subject: '客户', status: 'enabled', description: 'd' } });
	listId = String(resultOf(r).data);
	r = await call(emu, 'mloperate', 'maillist-add', { form: { subject: 'Second', status: 'disabled' } });
	list2Id = String(resultOf(r).data);
	const rows = [];
	for (let i = 0; i < 60; i++) rows.push(`${i % 10 === 0 ? 'open' : 'r'}${i}@example.com;Name ${i};M;1990-01-01;1380000${i};深圳;v1-${i};v2`);
	rows.push('nobody.bounce@example.com;Bounce');
	await call(emu, 'mloperate', 'ml-addr-add', { query: { list_id: listId }, form: { ml_addr: rows.join('\n') } });
	r = await call(emu, 'template', 'add-tpl', { form: { name: 'Ops', subject: 'S1|S2', content: `<html>${LINKS}</html>` } });
	tplId = String(resultOf(r).data);
	emu.control.clock.advance(61_000);
	r = await call(emu, 'task', 'add-task', {
		form: { tpl_id: tplId, send_account: 'all', send_domain: 'all', send_fullname: 'Ops', maillist_id: listId, time: `${today} 09:30`, track_status: 2, hour_speed: 6000 },
	});
	taskId = String(resultOf(r).id);
	emu.control.completeTask(taskId);
	r = await call(emu, 'track', 'overview', { query: { id: taskId } });
	ident = r.xml.track.task_sn;
	trackId = r.xml.track.track_id;
	statId = r.xml.track.task_id;
});
afterAll(async () => {
	await emu.stop();
});

describe('§1 account', () => {
	test('#1 account.customer-info', async () => {
		const r = await call(emu, 'account', 'customer-info');
		expect(r.status).toBe(200);
		expect(r.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		expectKeys(r.xml.customer, ['id', 'username', 'company', 'contact', 'phone', 'mobile', 'email', 'im', 'address']);
		expect(r.xml.customer.id).toBe('1001');
		expect(r.text).toContain('<username><![CDATA[demo]]></username>');
	});
	test('#2 account.service-info', async () => {
		const r = await call(emu, 'account', 'service-info');
		expectKeys(r.xml.service, ['id', 'service_status', 'beginning_date', 'expiration_date', 'qty_available', 'qty_buytotal']);
		expect(r.xml.service.service_status).toBe('enabled');
		expect(Number(r.xml.service.qty_available)).toBeLessThan(Number(r.xml.service.qty_buytotal));
	});
});

describe('§2 statistics', () => {
	test('#3 task.list-task (send_satus, paging, one-of)', async () => {
		const r = await call(emu, 'task', 'list-task', { query: { date: today } });
		const tasks = arr(r.xml.task_list.task);
		expect(tasks).toHaveLength(1);
		expectKeys(tasks[0], ['id', 'sn', 'sender', 'sender_name', 'replyto', 'tpl_id', 'tpl_name', 'addr_type', 'list_id', 'list_name', 'send_qty', 'send_qty_remak', 'send_time', 'send_satus', 'time_start', 'time_end', 'send_count', 'error_count', 'track_status']);
		expect(tasks[0].send_satus).toBe('3');
		expect(tasks[0].sn).toBe(ident);
		const e = await call(emu, 'task', 'list-task');
		expect(resultOf(e).status).toBe('param_error');
		const bad = await call(emu, 'task', 'list-task', { query: { date: '2026-11-2' } });
		expect(resultOf(bad).status).toBe('date_error');
		const byIdent = await call(emu, 'task', 'list-task', { query: { ident } });
		expect(arr(byIdent.xml.task_list.task)[0].id).toBe(taskId);
	});
	test('#4 statistic.php', async () => {
		const r = await call(emu, 'statistic', '', { query: { date: today } });
		expectKeys(r.xml.statistic, ['date', 'ws_qty', 'ws_error', 'ws_count', 'invalid_addr', 'format_error', 'send_count', 'deduc_count', 'actual_send', 'send_error', 'actual_deduc', 'blacklist_count', 'refuse_count', 'email_not_exist', 'jujue_count']);
		expect(r.xml.statistic.send_count).toBe('61');
		expect(Number(r.xml.statistic.email_not_exist)).toBeGreaterThanOrEqual(1);
	});
	test('#5 failexport.php (text, file, json, xml)', async () => {
		const txt = await call(emu, 'failexport', '', { query: { type: 'all', task_ident: ident } });
		expect(txt.headers['content-type']).toMatch(/text\/plain/);
		const lines = txt.text.trim().split('\n');
		expect(lines).toContain('nobody.bounce@example.com');
		const json = await call(emu, 'failexport', '', { query: { type: 1, task_id: statId, out_type: 'json' } });
		const a = JSON.parse(json.text);
		expect(Array.isArray(a)).toBe(true);
		expect(a).toContain('nobody.bounce@example.com');
		const xml = await call(emu, 'failexport', '', { query: { type: 'not_exist', task_id: statId, out_type: 'xml' } });
		const rec = arr(xml.xml.fail_recipient_list.recipient);
		expectKeys(rec[0], ['email', 'error_type', 'error_type_dec']);
		expect(rec[0].error_type).toBe('1');
		const file = await call(emu, 'failexport', '', { query: { type: -1, date: today, out_type: 'file' } });
		expect(file.headers['content-type']).toMatch(/text\/csv/);
		expect(file.text.split('\n')[0]).toBe('email');
		const need = await call(emu, 'failexport', '', { query: { type: 1, date: today } });
		expect(resultOf(need).status).toBe('param_error');
	});
	test('#6 failexportall.php (email, type, task_id)', async () => {
		const json = await call(emu, 'failexportall', '', { query: { type: 'all', task_ident: ident, out_type: 'json' } });
		const a = JSON.parse(json.text);
		expectKeys(a[0], ['email', 'type', 'task_id']);
		expect(typeof a[0].type).toBe('string');
		expect(a[0].task_id).toBe(statId);
		const xml = await call(emu, 'failexportall', '', { query: { type: 'all', date: today, out_type: 'xml' } });
		expectKeys(arr(xml.xml.fail_recipient_list.recipient)[0], ['email', 'type', 'task_id']);
		const csv = await call(emu, 'failexportall', '', { query: { type: 'all', date: today, out_type: 'file' } });
		expect(csv.text.split('\n')[0]).toBe('email\ttype\ttask_id');
	});
	test('#7 stask.php (billing, rebate)', async () => {
		const r = await call(emu, 'stask', '', { query: { id: taskId } });
		const t = arr(r.xml.data.task)[0];
		expectKeys(t, ['task_id', 'task_date', 'task_ident', 'totalsum', 'total', 'invalid', 'failed', 'send_failed', 'success', 'email_not_exist', 'spam_content', 'connect_error', 'actual', 'over_quota', 'user_reject', 'rubbish', 'point', 'rebate']);
		expect(t.task_ident).toBe(ident);
		expect(Number(t.total) + Number(t.invalid)).toBe(Number(t.totalsum));
		expect(r.text).toContain('</rebate>');
	});
	test('#8 deduction.php', async () => {
		const r = await call(emu, 'deduction', '', { query: { date: today } });
		const l = arr(r.xml.data.list)[0];
		expectKeys(l, ['date', 'company', 'deduction', 'send_num', 'total']);
		const miss = await call(emu, 'deduction', '');
		expect(resultOf(miss).status).toBe('param_error');
	});
	test('#9 maillog.php (JSON lists)', async () => {
		const r = await call(emu, 'maillog', '', { query: { date: today } });
		expect(r.headers['content-type']).toMatch(/application\/json/);
		const j = JSON.parse(r.text);
		expect(j.lists).toHaveLength(61);
		const one = await call(emu, 'maillog', '', { query: { date: today, mail_to: 'r1@example.com' } });
		expect(JSON.parse(one.text).lists).toHaveLength(1);
		const empty = await call(emu, 'maillog', '', { query: { date: '2020-01-01' } });
		expect(JSON.parse(empty.text)).toEqual({ lists: [] });
	});
});

describe('§3 tracking', () => {
	test('#10 track.overview', async () => {
		const r = await call(emu, 'track', 'overview', { query: { ident } });
		expectKeys(r.xml.track, ['track_id', 'task_id', 'task_sn', 'send_id', 'send_count', 'error_send_count', 'real_send_num', 'real_send_count', 'real_send_err', 'open_unique', 'open_total', 'open_first', 'open_last', 'click_unique', 'click_total', 'click_first', 'click_last', 'send_ratio', 'open_ratio', 'click_ratio', 'link_statistic']);
		expect(r.xml.track.send_id).toBe(taskId);
		const links = arr(r.xml.track.link_statistic.link);
		expect(links).toHaveLength(2);
		expectKeys(links[0], ['link_id', 'link', 'click_unique', 'click_total', 'click_first', 'click_last']);
		expect(resultOf(await call(emu, 'track', 'overview')).status).toBe('param_error');
		expect(resultOf(await call(emu, 'track', 'overview', { query: { id: 1 } })).status).toBe('not_exist');
	});
	test('#11 track.open-detail', async () => {
		const r = await call(emu, 'track', 'open-detail', { query: { id: taskId } });
		const users = arr(r.xml.data.user);
		expect(users.length).toBeGreaterThan(5);
		expectKeys(users[0], ['email_id', 'email', 'browser', 'os', 'device', 'addr_first', 'ip_first', 'ip_last', 'addr_last', 'open_total', 'click_total', 'open_first', 'open_last', 'click_first', 'click_last']);
		expect(['pc', 'mobile']).toContain(users[0].device);
		expect(users.map((u: any) => u.email)).toContain('open0@example.com');
	});
	test('#12 track.click-detail', async () => {
		const r = await call(emu, 'track', 'click-detail', { query: { ident } });
		const clicks = arr(r.xml.data.click);
		expect(clicks.length).toBeGreaterThan(0);
		expectKeys(clicks[0], ['click_id', 'email', 'link', 'click_unique', 'click_total', 'click_first', 'click_last']);
		const ov = await call(emu, 'track', 'overview', { query: { id: taskId } });
		const link = arr(ov.xml.track.link_statistic.link)[0];
		const only = await call(emu, 'track', 'click-detail', { query: { id: taskId, link_id: link.link_id } });
		for (const c of arr(only.xml.data.click)) expect(c.link).toBe(link.link);
	});
	test('#13 trackexport.php', async () => {
		const r = await call(emu, 'trackexport', '', { query: { track_id: trackId } });
		expect(r.status).toBe(200);
		const lines = r.text.trim().split('\n');
		expect(lines[0].split(',')).toContain('email');
		expect(lines.length).toBeGreaterThan(2);
		const clicked = await call(emu, 'trackexport', '', { query: { track_id: trackId, is_click: 1 } });
		expect(clicked.text.trim().split('\n').length).toBeLessThanOrEqual(lines.length);
		expect(resultOf(await call(emu, 'trackexport', '')).status).toBe('param_error');
	});
	test('#14 track.link-stat', async () => {
		const r = await call(emu, 'track', 'link-stat', { query: { id: taskId } });
		const links = arr(r.xml.data.link);
		expect(links).toHaveLength(2);
		expectKeys(links[0], ['link_id', 'link', 'click_unique', 'click_total', 'click_first', 'click_last']);
	});
	test('#15 trackdomain.overview (empty, then bare <track_domain> elements)', async () => {
		const empty = await call(emu, 'trackdomain', 'overview', { method: 'POST', form: {} });
		expect(empty.text.trim()).toBe('<?xml version="1.0" encoding="UTF-8"?>');
		await call(emu, 'trackdomain', 'edit', { form: { domain: 'count.ops.example.com' } });
		const r = await call(emu, 'trackdomain', 'overview', { form: { domains: 'count.ops.example.com' } });
		expectKeys(r.xml.track_domain, ['id', 'customer_id', 'domain', 'isdefault', 'is_cname']);
		expect(r.xml.track_domain.domain).toBe('count.ops.example.com');
	});
	test('#16 trackdomain.edit (success, domain_cname_error)', async () => {
		const r = await call(emu, 'trackdomain', 'edit', { form: { domain: 'count.two.example.com', isdefault: 1 } });
		expect(resultOf(r).status).toBe('success');
		expect(resultOf(r).data).toBe('count.two.example.com');
		const bad = await call(emu, 'trackdomain', 'edit', { form: { domain: 'count.nocname.example.com' } });
		expect(resultOf(bad).status).toBe('domain_cname_error');
		expect(resultOf(bad).data).toContain('count.bestedm.net');
	});
	test('#17 trackdomain.del (domains_param_error, all)', async () => {
		const bad = await call(emu, 'trackdomain', 'del', { form: { domains: 'bad domain!' } });
		expect(resultOf(bad).status).toBe('domains_param_error');
		const r = await call(emu, 'trackdomain', 'del', { form: { domains: 'count.ops.example.com' } });
		expect(resultOf(r).status).toBe('success');
		expect(resultOf(r).data).toContain("'count.ops.example.com'");
		const all = await call(emu, 'trackdomain', 'del', { form: { domains: 'all' } });
		expect(resultOf(all).status).toBe('success');
		const left = await call(emu, 'trackdomain', 'overview', { form: {} });
		expect(left.xml.track_domain).toBeUndefined();
	});
});

describe('§4 contact lists', () => {
	test('#18 mloperate.maillist-list', async () => {
		const r = await call(emu, 'mloperate', 'maillist-list');
		const items = arr(r.xml.maillist.item);
		expect(items.length).toBeGreaterThanOrEqual(2);
		expectKeys(items[0], ['id', 'subject', 'description', 'count', 'input_status', 'status']);
		expect(items[0].count).toBe('61');
	});
	test('#19 mloperate.maillist-detail', async () => {
		const r = await call(emu, 'mloperate', 'maillist-detail', { query: { id: list2Id } });
		expectKeys(r.xml.maillist, ['id', 'subject', 'description', 'count', 'input_status', 'status']);
		expect(r.xml.maillist.status).toBe('disabled');
		expect(r.text).toContain('</maillist>');
		expect(resultOf(await call(emu, 'mloperate', 'maillist-detail', { query: { id: 1 } })).status).toBe('not_exist');
	});
	test('#20 mloperate.maillist-add (add_maillist_error)', async () => {
		const r = await call(emu, 'mloperate', 'maillist-add', { form: { subject: 'New', status: 'enabled' } });
		expect(resultOf(r).status).toBe('success');
		expect(resultOf(r).data).toMatch(/^\d+$/);
		const bad = await call(emu, 'mloperate', 'maillist-add', { form: { subject: 'x', status: 'on' } });
		expect(resultOf(bad).status).toBe('add_maillist_error');
		const miss = await call(emu, 'mloperate', 'maillist-add', { form: { status: 'enabled' } });
		expect(resultOf(miss).status).toBe('add_maillist_error');
	});
	test('#21 mloperate.maillist-edit (id in query)', async () => {
		const r = await call(emu, 'mloperate', 'maillist-edit', { query: { id: list2Id }, form: { subject: 'Renamed', status: 'enabled' } });
		expect(resultOf(r).status).toBe('success');
		const d = await call(emu, 'mloperate', 'maillist-detail', { query: { id: list2Id } });
		expect(d.xml.maillist.subject).toBe('Renamed');
		const bad = await call(emu, 'mloperate', 'maillist-edit', { query: { id: 999 }, form: { subject: 'x' } });
		expect(resultOf(bad).status).toBe('update_maillist_error');
	});
	test('#22 mloperate.maillist-del', async () => {
		const add = await call(emu, 'mloperate', 'maillist-add', { form: { subject: 'Tmp', status: 'enabled' } });
		const r = await call(emu, 'mloperate', 'maillist-del', { query: { id: resultOf(add).data } });
		expect(resultOf(r).status).toBe('success');
		const again = await call(emu, 'mloperate', 'maillist-del', { query: { id: resultOf(add).data } });
		expect(resultOf(again).status).toBe('delete_maillist_error');
	});
	test('#23 mloperate.unsubscribe-export (time TAB address)', async () => {
		await call(emu, 'mloperate', 'ml-unsub', { query: { list_id: list2Id, address: 'gone@example.com' } });
		const r = await call(emu, 'mloperate', 'unsubscribe-export', { query: { id: list2Id } });
		expect(r.text.trim()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\tgone@example\.com$/);
	});
	test('#24 mloperate.ml-addr-empty', async () => {
		await call(emu, 'mloperate', 'ml-addr-add', { form: { list_id: list2Id, address: 'x1@example.com' } });
		const r = await call(emu, 'mloperate', 'ml-addr-empty', { query: { list_id: list2Id } });
		expect(resultOf(r).status).toBe('success');
		const d = await call(emu, 'mloperate', 'maillist-detail', { query: { id: list2Id } });
		expect(d.xml.maillist.count).toBe('0');
	});
});

describe('§4 addresses', () => {
	test('#25 mloperate.ml-addr-list (total_num, addr, brithday, var1..var10, paging, keyword)', async () => {
		const r = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: listId, page: 1 } });
		expect(r.xml.data.total_num).toBe('61');
		const addrs = arr(r.xml.data.addr);
		expect(addrs).toHaveLength(50); // default limit 50
		expectKeys(addrs[0], ['id', 'list_id', 'address', 'brithday', 'phone', 'area', 'fullname', 'time', 'var1', 'var2', 'var3', 'var10']);
		expect(addrs[0].var1).toBe('v1-0');
		expect(r.text).toContain('<address><![CDATA[open0@example.com]]></address>');
		addrId = addrs[1].id;
		const all = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: listId } });
		expect(arr(all.xml.data.addr)).toHaveLength(61);
		const kw = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: listId, keyword: 'Name 5' } });
		expect(arr(kw.xml.data.addr).map((a: any) => a.fullname)).toEqual(expect.arrayContaining(['Name 5', 'Name 50']));
		const one = await call(emu, 'mloperate', 'ml-addr-list', { query: { address_id: addrId } });
		expect(arr(one.xml.data.addr)).toHaveLength(1);
		const p2 = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: listId, page: 2, limit: 20 } });
		expect(arr(p2.xml.data.addr)[0].address).toBe('open20@example.com');
	});
	test('#26 mloperate.ml-addr-add one (return_id, invalid, duplicate)', async () => {
		const r = await call(emu, 'mloperate', 'ml-addr-add', { form: { list_id: list2Id, address: 'one@example.com', fullname: '一', sex: 'F', birthday: '1990-02-03', var3: 'x3', return_id: 1 } });
		expect(resultOf(r).status).toBe('success');
		expect(resultOf(r).data).toMatch(/^\d+$/);
		const dup = await call(emu, 'mloperate', 'ml-addr-add', { query: { list_id: list2Id, address: 'ONE@example.com' } });
		expect(resultOf(dup).status).toBe('address_exist');
		const bad = await call(emu, 'mloperate', 'ml-addr-add', { form: { list_id: list2Id, address: 'not-an-email' } });
		expect(resultOf(bad).status).toBe('address_error');
		const l = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: list2Id } });
		expect(arr(l.xml.data.addr)[0].var3).toBe('x3');
	});
	test('#27 mloperate.ml-addr-add bulk (ml_addr, separate)', async () => {
		const r = await call(emu, 'mloperate', 'ml-addr-add', { query: { list_id: list2Id, separate: '|' }, form: { ml_addr: 'b1@example.com;B1|b2@example.com;B2|bad|one@example.com' } });
		expect(resultOf(r).status).toBe('success');
		expect(resultOf(r).data).toContain('2');
		const d = await call(emu, 'mloperate', 'maillist-detail', { query: { id: list2Id } });
		expect(d.xml.maillist.count).toBe('3');
	});
	test('#28 mloperate.ml-addr-add-file (multipart)', async () => {
		const fd = new FormData();
		fd.append('file', new Blob(['f1@example.com;F1\nf2@example.com;F2\nf1@example.com;dup\nbroken\n']), 'import.txt');
		const r = await call(emu, 'mloperate', 'ml-addr-add-file', { query: { list_id: list2Id }, multipart: fd });
		expect(resultOf(r).status).toBe('success');
		importId = String(resultOf(r).data);
		expect(importId).toMatch(/^\d+$/);
		const none = await call(emu, 'mloperate', 'ml-addr-add-file', { query: { list_id: list2Id }, form: { x: 1 } });
		expect(resultOf(none).status).toBe('file_error');
	});
	test('#29 mloperate.ml-addr-add-file-query (no_complete → success, not_exist, error)', async () => {
		let r = await call(emu, 'mloperate', 'ml-addr-add-file-query', { query: { id: importId } });
		expect(resultOf(r).status).toBe('no_complete');
		const d0 = await call(emu, 'mloperate', 'maillist-detail', { query: { id: list2Id } });
		expect(d0.xml.maillist.input_status).toBe('1');
		emu.control.clock.advance(5000);
		r = await call(emu, 'mloperate', 'ml-addr-add-file-query', { query: { id: importId } });
		expect(resultOf(r).status).toBe('success');
		const d = await call(emu, 'mloperate', 'maillist-detail', { query: { id: list2Id } });
		expect(d.xml.maillist.count).toBe('5');
		expect(resultOf(await call(emu, 'mloperate', 'ml-addr-add-file-query', { query: { id: 1 } })).status).toBe('not_exist');
		expect(resultOf(await call(emu, 'mloperate', 'ml-addr-add-file-query', { query: { id: 'x' } })).status).toBe('error');
	});
	test('#30 mloperate.ml-addr-del', async () => {
		const r = await call(emu, 'mloperate', 'ml-addr-del', { query: { id: addrId } });
		expect(resultOf(r).status).toBe('success');
		expect(resultOf(await call(emu, 'mloperate', 'ml-addr-del', { query: { id: addrId } })).status).toBe('not_exist');
	});
	test('#31 mloperate.ml-addr-add-log', async () => {
		const r = await call(emu, 'mloperate', 'ml-addr-add-log');
		expect(r.xml.result.status).toBe('success');
		const logs = arr(r.xml.result.data.address_log);
		expect(logs).toHaveLength(1);
		expectKeys(logs[0], ['filename', 'filepath', 'time_import', 'count_all', 'count_err_1', 'count_err_2', 'status', 'subject']);
		expect(logs[0]).toMatchObject({ filename: 'import.txt', count_all: '4', count_err_1: '1', count_err_2: '1', status: '1' });
	});
});

describe('§4 subscription', () => {
	test('#32 mloperate.ml-sub (one and many)', async () => {
		const r = await call(emu, 'mloperate', 'ml-sub', { query: { list_id: list2Id, address: 'sub@example.com', name: 'Sub' } });
		expect(resultOf(r).status).toBe('success');
		const many = await call(emu, 'mloperate', 'ml-sub', { query: { list_id: list2Id }, form: { maillist: 's1@example.com,S1;s2@example.com,S2;' } });
		expect(resultOf(many).status).toBe('success');
		const lines = await call(emu, 'mloperate', 'ml-sub', { query: { list_id: list2Id }, form: { maillist: 's3@example.com\tS3\ns4@example.com,S4' } });
		expect(resultOf(lines).status).toBe('success');
		const l = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: list2Id, keyword: 's' } });
		const emails = arr(l.xml.data.addr).map((a: any) => a.address);
		expect(emails).toEqual(expect.arrayContaining(['sub@example.com', 's1@example.com', 's2@example.com', 's3@example.com', 's4@example.com']));
	});
	test('#33 mloperate.ml-unsub (shows in §4.6)', async () => {
		const r = await call(emu, 'mloperate', 'ml-unsub', { query: { list_id: list2Id }, form: { address: 's1@example.com,s2@example.com' } });
		expect(resultOf(r).status).toBe('success');
		const exp = await call(emu, 'mloperate', 'unsubscribe-export', { query: { id: list2Id } });
		expect(exp.text).toContain('\ts1@example.com');
		expect(exp.text).toContain('\ts2@example.com');
	});
});

describe('§5 templates', () => {
	let t2 = '';
	test('#34 template.add-tpl (multipart with attachments)', async () => {
		const fd = new FormData();
		fd.append('name', '带附件');
		fd.append('subject', 'A|B');
		fd.append('content', '<p>Hello</p>');
		fd.append('file[]', new Blob([Buffer.alloc(3000, 1)]), 'a.pdf');
		fd.append('file[]', new Blob([Buffer.alloc(100, 1)]), 'b.png');
		const r = await call(emu, 'template', 'add-tpl', { multipart: fd });
		expect(resultOf(r).status).toBe('success');
		t2 = String(resultOf(r).data);
		expect(resultOf(await call(emu, 'template', 'add-tpl', { form: { name: 'x' } })).status).toBe('param_error');
	});
	test('#35 template.get-tpl-status (-1 → 1, size measured)', async () => {
		let r = await call(emu, 'template', 'get-tpl-status', { query: { tpl_id: t2 } });
		expectKeys(r.xml.template, ['id', 'name', 'status', 'colour', 'update_date', 'size_status', 'size', 'subject']);
		expect(r.xml.template.status).toBe('-1');
		expect(r.xml.template.colour).toBe('');
		expect(r.xml.template.size_status).toBe('-1');
		emu.control.clock.advance(60_000);
		r = await call(emu, 'template', 'get-tpl-status', { query: { tpl_id: t2 } });
		expect(r.xml.template.status).toBe('1');
		expect(r.xml.template.colour).toBe('green');
		expect(r.xml.template.size_status).toBe('1');
		expect(Number(r.xml.template.size)).toBeGreaterThanOrEqual(4);
	});
	test('#36 template.list-tpl (subject[], attachments)', async () => {
		const r = await call(emu, 'template', 'list-tpl', { query: { tpl_id: t2 } });
		const t = arr(r.xml.template_list.template)[0];
		expectKeys(t, ['id', 'user_id', 'name', 'subject', 'content', 'content_type', 'attachments', 'created', 'updated']);
		expect(arr(t.subject).map((s: any) => s.name)).toEqual(['A', 'B']);
		expect(arr(t.attachments.attachment).map((a: any) => a.atta_name)).toEqual(['a.pdf', 'b.png']);
		const all = await call(emu, 'template', 'list-tpl');
		expect(arr(all.xml.template_list.template).length).toBe(2);
	});
	test('#37 template.del-tpl', async () => {
		const add = await call(emu, 'template', 'add-tpl', { form: { name: 'd', subject: 's', content: 'c' } });
		const r = await call(emu, 'template', 'del-tpl', { query: { tpl_id: resultOf(add).data } });
		expect(resultOf(r).status).toBe('success');
		expect(resultOf(await call(emu, 'template', 'del-tpl', { query: { tpl_id: resultOf(add).data } })).status).toBe('not_exist');
	});
	test('#38 template.edit-tpl (re-check; spam → 0 red)', async () => {
		const r = await call(emu, 'template', 'edit-tpl', { query: { tpl_id: t2 }, form: { content: '<p>SPAM-TEST buy now</p>' } });
		expect(resultOf(r).status).toBe('success');
		let s = await call(emu, 'template', 'get-tpl-status', { query: { tpl_id: t2 } });
		expect(s.xml.template.status).toBe('-1');
		emu.control.clock.advance(60_000);
		s = await call(emu, 'template', 'get-tpl-status', { query: { tpl_id: t2 } });
		expect(s.xml.template.status).toBe('0');
		expect(s.xml.template.colour).toBe('red');
		expect(resultOf(await call(emu, 'template', 'edit-tpl', { query: { tpl_id: t2 } })).status).toBe('param_error');
	});
	test('#39 template.tpl-attachment-add', async () => {
		const fd = new FormData();
		fd.append('file', new Blob(['x']), 'c.txt');
		const r = await call(emu, 'template', 'tpl-attachment-add', { query: { tpl_id: t2 }, multipart: fd });
		expect(resultOf(r).status).toBe('success');
		const l = await call(emu, 'template', 'list-tpl', { query: { tpl_id: t2 } });
		expect(arr(arr(l.xml.template_list.template)[0].attachments.attachment)).toHaveLength(3);
	});
	test('#40 template.tpl-attachment-del (one, all)', async () => {
		let l = await call(emu, 'template', 'list-tpl', { query: { tpl_id: t2 } });
		const first = arr(arr(l.xml.template_list.template)[0].attachments.attachment)[0];
		expect(resultOf(await call(emu, 'template', 'tpl-attachment-del', { query: { tpl_id: t2, attachment_id: first.atta_id } })).status).toBe('success');
		expect(resultOf(await call(emu, 'template', 'tpl-attachment-del', { query: { tpl_id: t2, attachment_id: first.atta_id } })).status).toBe('not_exist');
		expect(resultOf(await call(emu, 'template', 'tpl-attachment-del', { query: { tpl_id: t2 } })).status).toBe('success');
		l = await call(emu, 'template', 'list-tpl', { query: { tpl_id: t2 } });
		expect(arr(arr(l.xml.template_list.template)[0].attachments.attachment)).toHaveLength(0);
	});
});

describe('§6 tasks', () => {
	let t3 = '';
	test('#41 task.task-list (templates, listes, paging max 20)', async () => {
		const r = await call(emu, 'task', 'task-list', { query: { id: taskId } });
		const t = arr(r.xml.task_list.task)[0];
		expectKeys(t, ['id', 'sn', 'acct_type', 'acct_domain', 'acct_address', 'sender', 'replyto', 'sender_name', 'templates', 'addr_type', 'listes', 'send_qty', 'send_qty_remak', 'send_time', 'time_start', 'time_end', 'send_count', 'error_count', 'send_status', 'verify_status', 'track_status']);
		expect(arr(t.templates.template)[0].tpl_id).toBe(tplId);
		expect(arr(t.listes.item)[0].list_id).toBe(listId);
		expect(t.acct_type).toBe('all');
		const st3 = await call(emu, 'task', 'task-list', { query: { send_status: 3 } });
		expect(arr(st3.xml.task_list.task)).toHaveLength(1);
	});
	test('#42 task.add-task (refusals: time, send_qty_start 0, hour_speed, missing)', async () => {
		const base = { tpl_id: tplId, send_account: 'news@example.com', send_fullname: 'N', maillist_id: listId, time: `${today} 18:00` };
		const ok = await call(emu, 'task', 'add-task', { form: { ...base, send_qty_start: 2, send_qty: 10 } });
		expect(resultOf(ok).status).toBe('success');
		expect(resultOf(ok).id).toMatch(/^\d+$/);
		t3 = String(resultOf(ok).id);
		expect(resultOf(await call(emu, 'task', 'add-task', { form: { ...base, time: '2026-11-2 18:00' } })).status).toBe('time_error');
		expect(resultOf(await call(emu, 'task', 'add-task', { form: { ...base, send_qty_start: 0 } })).status).toBe('send_qty_start_error');
		expect(resultOf(await call(emu, 'task', 'add-task', { form: { ...base, hour_speed: 99 } })).status).toBe('hour_speed_error');
		expect(resultOf(await call(emu, 'task', 'add-task', { form: { ...base, hour_speed: 75001 } })).status).toBe('hour_speed_error');
		expect(resultOf(await call(emu, 'task', 'add-task', { form: { ...base, maillist_id: '' } })).status).toBe('param_error');
		expect(resultOf(await call(emu, 'task', 'add-task', { form: { ...base, send_account: 'all' } })).status).toBe('send_domain_error');
		const l = await call(emu, 'task', 'task-list', { query: { id: t3 } });
		const t = arr(l.xml.task_list.task)[0];
		expect(t.send_qty_remak).toBe('9');
		expect(t.send_status).toBe('1');
	});
	test('#43 task.edit-task (send_status, send_time)', async () => {
		const r = await call(emu, 'task', 'edit-task', { query: { id: t3 }, form: { send_status: -1, send_time: '2026-11-3 8:00' } });
		expect(resultOf(r).status).toBe('success');
		let l = await call(emu, 'task', 'task-list', { query: { id: t3 } });
		expect(arr(l.xml.task_list.task)[0].send_status).toBe('-1');
		expect(arr(l.xml.task_list.task)[0].send_time).toBe('2026-11-03 08:00:00');
		expect(resultOf(await call(emu, 'task', 'edit-task', { query: { id: t3 }, form: { hour_speed: 80000 } })).status).toBe('hour_speed_error');
		expect(resultOf(await call(emu, 'task', 'edit-task', { query: { id: taskId }, form: { send_fullname: 'x' } })).status).toBe('edit_task_error');
		await call(emu, 'task', 'edit-task', { query: { id: t3, send_status: 1 } });
		l = await call(emu, 'task', 'task-list', { query: { id: t3 } });
		expect(arr(l.xml.task_list.task)[0].send_status).toBe('1');
	});
	test('#44 task.del-task', async () => {
		expect(resultOf(await call(emu, 'task', 'del-task', { query: { id: t3 } })).status).toBe('success');
		expect(resultOf(await call(emu, 'task', 'del-task', { query: { id: t3 } })).status).toBe('not_exist');
	});
});

describe('§7 domains and mailboxes', () => {
	test('#45 bs.domain-list (system domains customer_id 0; manager)', async () => {
		await call(emu, 'bs', 'customer-domain-add', { query: { domain: 'mail.verified-ops.example.com' } });
		const r = await call(emu, 'bs', 'domain-list');
		const rows = arr(r.xml.domain_list.data);
		expectKeys(rows[0], ['customer_id', 'domain']);
		expect(rows.some((d: any) => d.customer_id === '0')).toBe(true);
		expect(rows.some((d: any) => d.domain === 'mail.verified-ops.example.com' && d.customer_id === '1001')).toBe(true);
		const denied = await call(emu, 'bs', 'domain-list', { query: { user_type: 'manager', customer_id: 1001 } });
		expect(resultOf(denied).status).toBe('permission_denied');
		const admin = await call(emu, 'bs', 'domain-list', { user: 'admin', query: { user_type: 'manager', customer_id: 1001 } });
		expect(arr(admin.xml.domain_list.data).some((d: any) => d.domain === 'mail.verified-ops.example.com')).toBe(true);
	});
	test('#46 bs.customer-domain-add (success_and_check_ok / success)', async () => {
		const okR = await call(emu, 'bs', 'customer-domain-add', { query: { domain: 'verified2.example.com' } });
		expect(resultOf(okR).status).toBe('success_and_check_ok');
		expect(String(resultOf(okR).data)).toMatch(/^\d+$/);
		const pending = await call(emu, 'bs', 'customer-domain-add', { query: { domain: 'pending.example.com' } });
		expect(resultOf(pending).status).toBe('success');
		expect(resultOf(await call(emu, 'bs', 'customer-domain-add', { query: { domain: 'pending.example.com' } })).status).toBe('domain_exist');
	});
	test('#47 bs.domain-check (status 3/2/1/0)', async () => {
		const r = await call(emu, 'bs', 'domain-check', { form: { domains: 'verified2.example.com,pending.example.com,verified-free.example.org,nothing.example.org' } });
		const d = arr(r.xml.domain_list.domain);
		expectKeys(d[0], ['customer_id', 'domain_id', 'val', 'status', 'info', 'dkim']);
		expect(d.map((x: any) => x.status)).toEqual(['3', '2', '1', '0']);
		expect(d[3].domain_id).toBe('0');
	});
	test('#48 bs.domain-add (administrator only)', async () => {
		expect(resultOf(await call(emu, 'bs', 'domain-add', { query: { customer_id: 1001, domain: 'sub.example.com' } })).status).toBe('permission_denied');
		const r = await call(emu, 'bs', 'domain-add', { user: 'admin', query: { customer_id: 1001, domain: 'sub.example.com' } });
		expect(resultOf(r).status).toBe('success');
	});
	test('#49 bs.domain-del (administrator only)', async () => {
		const r = await call(emu, 'bs', 'domain-del', { user: 'admin', query: { customer_id: 1001, domain: 'sub.example.com' } });
		expect(resultOf(r).status).toBe('success');
		expect(resultOf(await call(emu, 'bs', 'domain-del', { user: 'admin', query: { customer_id: 1001, domain: 'sub.example.com' } })).status).toBe('not_exist');
	});
	test('#50 bs.customer-domain-del (verified cannot be deleted)', async () => {
		expect(resultOf(await call(emu, 'bs', 'customer-domain-del', { query: { domain: 'pending.example.com' } })).status).toBe('success');
		expect(resultOf(await call(emu, 'bs', 'customer-domain-del', { query: { domain: 'verified2.example.com' } })).status).toBe('domain_verified_error');
	});
	test('#51 bs.mailbox-list (page/limit default 30)', async () => {
		for (let i = 0; i < 32; i++) await call(emu, 'bs', 'mailbox-add', { query: { mailbox: `box${i}@verified2.example.com`, pwd: 'secret123' } });
		const r = await call(emu, 'bs', 'mailbox-list', { query: { domain: 'verified2.example.com', page: 1 } });
		const rows = arr(r.xml.mailbox_list.data);
		expect(rows).toHaveLength(30);
		expectKeys(rows[0], ['customer_id', 'domain', 'name', 'mailbox', 'status']);
		expect(rows[0].status).toBe('true');
		const all = await call(emu, 'bs', 'mailbox-list', { query: { domain: 'verified2.example.com' } });
		expect(arr(all.xml.mailbox_list.data)).toHaveLength(32);
	});
	test('#52 bs.mailbox-add', async () => {
		const r = await call(emu, 'bs', 'mailbox-add', { query: { mailbox: 'sales@verified2.example.com', pwd: 'secret123' } });
		expect(resultOf(r).status).toBe('success');
		expect(resultOf(await call(emu, 'bs', 'mailbox-add', { query: { mailbox: 'sales@verified2.example.com', pwd: 'secret123' } })).status).toBe('mailbox_exist');
		expect(resultOf(await call(emu, 'bs', 'mailbox-add', { query: { mailbox: 'x@unknown.example.com', pwd: 'secret123' } })).status).toBe('domain_not_exist');
		expect(resultOf(await call(emu, 'bs', 'mailbox-add', { query: { mailbox: 'y@verified2.example.com' } })).status).toBe('param_error');
	});
	test('#53 bs.mailbox-del', async () => {
		expect(resultOf(await call(emu, 'bs', 'mailbox-del', { query: { mailbox: 'box0@verified2.example.com' } })).status).toBe('success');
		expect(resultOf(await call(emu, 'bs', 'mailbox-del', { query: { mailbox: 'box0@verified2.example.com' } })).status).toBe('not_exist');
	});
	test('#54 bs.mailbox-edit (status 0 → false)', async () => {
		const r = await call(emu, 'bs', 'mailbox-edit', { query: { mailbox: 'sales@verified2.example.com', status: 0, pwd: 'newsecret1' } });
		expect(resultOf(r).status).toBe('success');
		const l = await call(emu, 'bs', 'mailbox-list', { query: { domain: 'verified2.example.com' } });
		const row = arr(l.xml.mailbox_list.data).find((d: any) => d.mailbox === 'sales@verified2.example.com');
		expect(row.status).toBe('false');
	});
});
