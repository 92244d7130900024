import { Umail } from '../../../nodes/Umail/Umail.node';
import { runListSearch } from '../../helpers/n8n';
import { byId, json, runUmail, useEmulator } from './setup';

describe('Contact List', () => {
	const env = useEmulator();

	test('create sends subject and status, returns the new id', async () => {
		env.control.clearLog();
		const out = await runUmail(env, {
			resource: 'contactList',
			operation: 'create',
			name: '会员 Newsletter',
			status: 'enabled',
			description: 'from n8n',
		});
		const [created] = json(out);
		expect(created.id).toMatch(/^\d+$/);
		const [entry] = env.control.log;
		expect(entry).toMatchObject({ method: 'POST', file: 'mloperate', do: 'maillist-add', user: 'demo' });
		expect(entry.body).toMatchObject({ subject: '会员 Newsletter', status: 'enabled', description: 'from n8n' });

		const [fetched] = json(await runUmail(env, { resource: 'contactList', operation: 'get', contactList: byId(created.id as string) }));
		expect(fetched).toMatchObject({ id: created.id, subject: '会员 Newsletter', status: 'enabled', count: '0' });
	});

	test('get many honours Limit and returns strings', async () => {
		for (const name of ['A', 'B', 'C']) {
			await runUmail(env, { resource: 'contactList', operation: 'create', name, status: 'enabled' });
		}
		const all = json(await runUmail(env, { resource: 'contactList', operation: 'getMany', returnAll: true }));
		expect(all.length).toBeGreaterThanOrEqual(4);
		for (const list of all) expect(typeof list.id).toBe('string');
		const two = await runUmail(env, { resource: 'contactList', operation: 'getMany', returnAll: false, limit: 2 });
		expect(two).toHaveLength(2);
		expect(two.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('update, empty and delete', async () => {
		const [created] = json(await runUmail(env, { resource: 'contactList', operation: 'create', name: 'Temp', status: 'enabled' }));
		const id = created.id as string;
		const [updated] = json(
			await runUmail(env, {
				resource: 'contactList',
				operation: 'update',
				contactList: byId(id),
				updateFields: { name: 'Renamed', status: 'disabled' },
			}),
		);
		expect(updated).toMatchObject({ success: true, id, message: '修改联系人分类成功', summary: 'Contact list updated' });
		const [fetched] = json(await runUmail(env, { resource: 'contactList', operation: 'get', contactList: byId(id) }));
		expect(fetched).toMatchObject({ subject: 'Renamed', status: 'disabled' });

		const [emptied] = json(await runUmail(env, { resource: 'contactList', operation: 'empty', contactList: byId(id) }));
		expect(emptied).toMatchObject({ success: true, emptied: true });
		expect(env.control.log.at(-1)).toMatchObject({ do: 'ml-addr-empty', query: expect.objectContaining({ list_id: id }) });

		const [removed] = json(await runUmail(env, { resource: 'contactList', operation: 'delete', contactList: byId(id) }));
		expect(removed).toEqual({ deleted: true, id });
		await expect(
			runUmail(env, { resource: 'contactList', operation: 'get', contactList: byId(id) }),
		).rejects.toThrow();
	});

	test('update with nothing to change fails before any request, naming the item and field', async () => {
		env.control.clearLog();
		await expect(
			runUmail(env, { resource: 'contactList', operation: 'update', contactList: byId('1'), updateFields: {} }),
		).rejects.toThrow('Item 1: "Update Fields" is empty');
		expect(env.control.log).toHaveLength(0);
	});

	test('the list picker names a list without its member count, which changes after it is picked', async () => {
		const [created] = json(await runUmail(env, { resource: 'contactList', operation: 'create', name: 'CRM sync', status: 'enabled' }));
		const pick = async () => {
			const { results } = await runListSearch(new Umail(), 'searchContactLists', {
				credentials: { umailApi: env.credentials as never },
				filter: 'CRM sync',
			});
			return results.find((entry) => entry.value === created.id);
		};
		expect(await pick()).toEqual({ name: 'CRM sync', value: created.id, description: '0 addresses' });
		await runUmail(env, { resource: 'address', operation: 'add', contactList: byId(created.id as string), email: 'ann@example.com' });
		expect(await pick()).toEqual({ name: 'CRM sync', value: created.id, description: '1 address' });
	});
});
