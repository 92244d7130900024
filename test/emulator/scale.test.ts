/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
// Scale: 1,000,000 addresses held; 100,000-row answers stream in seconds.
import { start, Emulator } from './index';
import { call, arr } from './helpers';

let emu: Emulator;
beforeAll(async () => {
	emu = await start();
});
afterAll(async () => {
	await emu.stop();
});

test('holds 1,000,000 addresses and pages through them', async () => {
	const c = emu.control;
	const before = process.memoryUsage().heapUsed;
	const lid = c.createList('Million');
	c.seedAddresses(lid, 1_000_000);
	expect(process.memoryUsage().heapUsed - before).toBeLessThan(700 * 1024 * 1024);
	const d = await call(emu, 'mloperate', 'maillist-detail', { query: { id: lid } });
	expect(d.xml.maillist.count).toBe('1000000');
	const p = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: lid, page: 200, limit: 50 } });
	expect(p.xml.data.total_num).toBe('1000000');
	expect(arr(p.xml.data.addr)).toHaveLength(50);
	expect(arr(p.xml.data.addr)[0].address).toBe(`user9950@list${lid}.example.com`);
	c.state.deleteList(c.customerOf(), c.state.getList(c.customerOf(), lid));
}, 60_000);

test('100,000-row exports: addresses, failed addresses, open details', async () => {
	const c = emu.control;
	const lid = c.createList('100k');
	c.seedAddresses(lid, 100_000);
	const all = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: lid }, parse: false });
	expect(all.text.split('<addr>').length - 1).toBe(100_000);
	const st = c.state;
	const cu = c.customerOf();
	const tpl = st.createTemplate(cu, { name: 'big', subject: 's', content: '<a href="https://a.example.com/">a</a>' });
	c.clock.advance(61_000);
	const task = st.createTask(cu, { tplIds: [tpl.id], listIds: [Number(lid)], sendAccount: 'a@example.com', sendFullname: 'x', time: c.clock.now(), status: 2, trackStatus: 2, hourSpeed: 75000, subsLink: 1 });
	c.completeTask(task.id);
	c.seedFailedAddresses(task.id, 100_000, { type: 8 });
	const f = await call(emu, 'failexport', '', { query: { type: 'all', task_ident: task.sn } });
	const lines = f.text.trim().split('\n');
	expect(lines.length).toBeGreaterThan(100_000);
	const o = await call(emu, 'track', 'open-detail', { query: { id: task.id }, parse: false });
	expect(o.text.split('<user>').length - 1).toBeGreaterThan(25_000);
}, 60_000);
