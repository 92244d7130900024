// Re-adding an unsubscribed address: the reference is silent, so both server behaviours are emulated.
import { start, type Emulator } from './index';
import { call } from './helpers';

describe('emulator: re-adding an unsubscribed address', () => {
	let emu: Emulator;
	let listId: number;
	beforeAll(async () => {
		emu = await start({ port: 0, seed: 3 });
	});
	afterAll(async () => await emu.stop());
	beforeEach(async () => {
		listId = emu.control.createList(`Unsub ${Math.random()}`);
		await call(emu, 'mloperate', 'ml-addr-add', { query: { list_id: listId }, form: { ml_addr: 'u1@example.com;One\nu2@example.com;Two' } });
		await call(emu, 'mloperate', 'ml-unsub', { query: { list_id: listId }, form: { address: 'u1@example.com' } });
	});
	const members = async () => {
		const r = await call(emu, 'mloperate', 'ml-addr-list', { query: { list_id: listId } });
		const addr = r.xml.data.addr;
		return (Array.isArray(addr) ? addr : addr ? [addr] : []).map((a: { address: string }) => a.address);
	};

	test('default: §4.12 removes the address, §4.6 lists it, a later add puts it back', async () => {
		expect(await members()).toEqual(['u2@example.com']);
		const exported = await call(emu, 'mloperate', 'unsubscribe-export', { query: { id: listId } });
		expect(exported.text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\tu1@example\.com\n$/);
		const r = await call(emu, 'mloperate', 'ml-addr-add', { query: { list_id: listId }, form: { ml_addr: 'u1@example.com;One' } });
		expect(r.xml.result.data).toBe('成功添加 1 个地址, 无效地址 0 个, 重复地址 0 个');
		expect(await members()).toEqual(['u2@example.com', 'u1@example.com']);
	});

	test('refuseUnsubscribed: bulk add counts it invalid, single add answers address_unsubscribed, §4.11 lifts it', async () => {
		emu.control.setRefuseUnsubscribed(true);
		try {
			const bulk = await call(emu, 'mloperate', 'ml-addr-add', { query: { list_id: listId }, form: { ml_addr: 'u1@example.com;One\nu3@example.com' } });
			expect(bulk.xml.result.data).toBe('成功添加 1 个地址, 无效地址 1 个, 重复地址 0 个');
			const one = await call(emu, 'mloperate', 'ml-addr-add', { query: { list_id: listId, address: 'u1@example.com' } });
			expect(one.xml.result.status).toBe('address_unsubscribed');
			expect(await members()).toEqual(['u2@example.com', 'u3@example.com']);
			const sub = await call(emu, 'mloperate', 'ml-sub', { query: { list_id: listId, address: 'u1@example.com' } });
			expect(sub.xml.result.status).toBe('success');
			expect(await members()).toContain('u1@example.com');
			const exported = await call(emu, 'mloperate', 'unsubscribe-export', { query: { id: listId } });
			expect(exported.text).toBe('');
		} finally {
			emu.control.setRefuseUnsubscribed(false);
		}
	});
});
