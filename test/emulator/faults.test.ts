/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
// Fault injection, rate limit, authentication failures, legacy path, unknown `do`, typo tags, request log.
import { request, FormData } from 'undici';
import { XMLValidator } from 'fast-xml-parser';
import { start, Emulator } from './index';
import { call, arr, resultOf, basic, parser } from './helpers';

let emu: Emulator;
beforeAll(async () => {
	emu = await start({ seed: 3, demoData: true });
});
afterAll(async () => {
	await emu.stop();
});
afterEach(() => {
	emu.control.faults.clear();
	emu.control.setAuthFailure('http401');
	emu.control.setTypoTags(false);
});

describe('fault injection', () => {
	test('next request: 5xx', async () => {
		emu.control.faults.next('5xx');
		const r = await call(emu, 'account', 'customer-info');
		expect(r.status).toBe(500);
		expect(r.headers['content-type']).toMatch(/text\/html/);
		const ok = await call(emu, 'account', 'customer-info');
		expect(ok.status).toBe(200);
	});
	test('next request: HTML error page with HTTP 200', async () => {
		emu.control.faults.next('html');
		const r = await call(emu, 'mloperate', 'maillist-list');
		expect(r.status).toBe(200);
		expect(r.text).toMatch(/^<!DOCTYPE html>/);
		expect(r.xml).toBeNull();
	});
	test('next request: truncated XML', async () => {
		emu.control.faults.next('truncate');
		const r = await call(emu, 'mloperate', 'maillist-list');
		expect(r.status).toBe(200);
		expect(r.text.startsWith('<?xml')).toBe(true);
		expect(r.text).not.toContain('</maillist>');
		expect(XMLValidator.validate(r.text)).not.toBe(true);
	});
	test('next request: connection reset', async () => {
		emu.control.faults.next('reset');
		await expect(call(emu, 'account', 'customer-info')).rejects.toThrow();
		expect(emu.control.log[emu.control.log.length - 1].fault).toBe('reset');
		expect((await call(emu, 'account', 'customer-info')).status).toBe(200);
	});
	test('next request: refuse answers a U-Mail refusal and does nothing', async () => {
		const lists = emu.control.customerOf('demo').lists.size;
		emu.control.faults.next('refuse', 1, { refusal: 'add_maillist_error', message: 'busy' });
		const refused = await call(emu, 'mloperate', 'maillist-add', { query: { subject: 'Refused', status: 'enabled' } });
		expect(resultOf(refused)).toMatchObject({ status: 'add_maillist_error', data: 'busy' });
		expect(emu.control.customerOf('demo').lists.size).toBe(lists);
		const made = await call(emu, 'mloperate', 'maillist-add', { query: { subject: 'Refused', status: 'enabled' } });
		expect(resultOf(made).status).toBe('success');
		expect(emu.control.customerOf('demo').lists.size).toBe(lists + 1);
	});
	test('next request: hang past the client timeout', async () => {
		emu.control.faults.next('hang');
		const t0 = Date.now();
		await expect(call(emu, 'account', 'customer-info', { headersTimeout: 300 })).rejects.toThrow(/timeout/i);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
	});
	test('latency', async () => {
		emu.control.faults.set({ latencyMs: 150, count: 1 });
		const t0 = Date.now();
		expect((await call(emu, 'account', 'customer-info')).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		const t1 = Date.now();
		await call(emu, 'account', 'customer-info');
		expect(Date.now() - t1).toBeLessThan(140);
	});
	test('rates are deterministic from the seed and `only` filters requests', async () => {
		const run = async () => {
			emu.control.setSeed(9);
			emu.control.faults.set({ error5xxRate: 0.5, only: (req) => req.do === 'customer-info' });
			const out: number[] = [];
			for (let i = 0; i < 12; i++) out.push((await call(emu, 'account', 'customer-info')).status);
			expect((await call(emu, 'account', 'service-info')).status).toBe(200);
			return out;
		};
		const a = await run();
		const b = await run();
		expect(a).toEqual(b);
		expect(a).toContain(500);
		expect(a).toContain(200);
		emu.control.setSeed(3);
	});
	test('count stops after N faulted requests', async () => {
		emu.control.faults.set({ htmlErrorRate: 1, count: 2 });
		const s = [];
		for (let i = 0; i < 4; i++) s.push((await call(emu, 'account', 'customer-info')).xml ? 'xml' : 'html');
		expect(s).toEqual(['html', 'html', 'xml', 'xml']);
	});
});

describe('add-task rate limit (100 calls an hour)', () => {
	test('the 101st call within an hour is refused, an hour later it is allowed again', async () => {
		const c = emu.control;
		c.resetRateLimit();
		const tpl = arr((await call(emu, 'template', 'list-tpl')).xml.template_list.template)[0].id;
		const list = arr((await call(emu, 'mloperate', 'maillist-list')).xml.maillist.item)[1].id;
		const form = { tpl_id: tpl, send_account: 'news@mail.verified-demo.example.com', send_fullname: 'N', maillist_id: list, time: '2026-11-05 10:00', status: -1 };
		for (let i = 0; i < 100; i++) expect(resultOf(await call(emu, 'task', 'add-task', { form })).status).toBe('success');
		const refused = await call(emu, 'task', 'add-task', { form });
		expect(resultOf(refused).status).toBe('add_task_limit_error');
		c.clock.advance(3600_000);
		expect(resultOf(await call(emu, 'task', 'add-task', { form })).status).toBe('success');
	});
});

describe('authentication', () => {
	test('default: HTTP 401 with WWW-Authenticate: Basic', async () => {
		const r = await call(emu, 'account', 'customer-info', { user: 'demo', password: 'wrong' });
		expect(r.status).toBe(401);
		expect(String(r.headers['www-authenticate'])).toMatch(/^Basic/);
		const none = await call(emu, 'account', 'customer-info', { noAuth: true });
		expect(none.status).toBe(401);
	});
	test("authFailure 'xml': HTTP 200 with <result><status>auth_error</status>", async () => {
		emu.control.setAuthFailure('xml');
		const r = await call(emu, 'account', 'customer-info', { user: 'demo', password: 'wrong' });
		expect(r.status).toBe(200);
		expect(resultOf(r).status).toBe('auth_error');
		const e2 = await start({ authFailure: 'xml' });
		try {
			expect(resultOf(await call(e2, 'mloperate', 'maillist-list', { noAuth: true })).status).toBe('auth_error');
		} finally {
			await e2.stop();
		}
	});
	test('username/password in the query string are accepted', async () => {
		const r = await request(`${emu.url}/account.php?do=customer-info&username=demo&password=demo-pass`);
		expect(r.statusCode).toBe(200);
		expect(parser.parse(await r.body.text()).customer.id).toBe('1001');
	});
});

describe('paths, unknown operations, typos, log', () => {
	test('legacy /mm-ms/api/ answers the same', async () => {
		const a = await call(emu, 'mloperate', 'maillist-list', { legacy: true });
		const b = await call(emu, 'mloperate', 'maillist-list');
		expect(a.status).toBe(200);
		expect(a.text).toBe(b.text);
	});
	test('unknown do → <result><status>do_error', async () => {
		expect(resultOf(await call(emu, 'mloperate', 'nope')).status).toBe('do_error');
		const r = await request(`${emu.baseUrl}/mm-ms/apinew/nothing.php`, { headers: { authorization: basic('demo', 'demo-pass') } });
		expect(r.statusCode).toBe(404);
		await r.body.text();
	});
	test('typoTags emits the reference misspellings', async () => {
		emu.control.setTypoTags(true);
		const list = arr((await call(emu, 'mloperate', 'maillist-list')).xml.maillist.item)[0].id;
		expect((await call(emu, 'mloperate', 'maillist-detail', { query: { id: list } })).text).toContain('</aillist>');
		const task = arr((await call(emu, 'task', 'task-list')).xml.task_list.task).find((t: any) => t.send_status === '3');
		expect((await call(emu, 'track', 'overview', { query: { id: task.id } })).text).toContain('</task_sn>\n');
		expect((await call(emu, 'stask', '', { query: { id: task.id } })).text).toContain('</rebtae>');
	});
	test('request log records method, path, do, query, body fields, files and user', async () => {
		emu.control.clearLog();
		const fd = new FormData();
		fd.append('name', 'Logged');
		fd.append('subject', 'S');
		fd.append('content', 'C');
		fd.append('file', new Blob(['abc']), 'x.txt');
		await call(emu, 'template', 'add-tpl', { multipart: fd });
		await call(emu, 'mloperate', 'maillist-add', { form: { subject: 'L', status: 'enabled' } });
		const [a, b] = emu.control.log;
		expect(a).toMatchObject({ method: 'POST', path: '/mm-ms/apinew/template.php', file: 'template', do: 'add-tpl', user: 'demo', status: 200, resultStatus: 'success' });
		expect(a.body).toMatchObject({ name: 'Logged', file: { filename: 'x.txt', size: 3 } });
		expect(b.body).toEqual({ subject: 'L', status: 'enabled' });
		expect(b.query).toEqual({ do: 'maillist-add' });
		expect(typeof b.at).toBe('number');
	});
	test('reset() empties the state and re-seeds demo data', async () => {
		emu.control.reset();
		const lists = arr((await call(emu, 'mloperate', 'maillist-list')).xml.maillist.item);
		expect(lists).toHaveLength(2);
		expect(emu.control.log).toHaveLength(1);
	});
});
