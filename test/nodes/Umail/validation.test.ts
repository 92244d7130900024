import type { INodeParameters } from 'n8n-workflow';

import { json, runUmail, useEmulator } from './setup';

/** Checked before any request: numeric ids in every resource-locator mode, limits, text fields given objects. */

const modes = (value: string) => [
	['list', { __rl: true, mode: 'list', value, cachedResultName: 'VIP' }],
	['id', { __rl: true, mode: 'id', value }],
	// a mode this version does not know (a workflow imported from another version): n8n passes its value raw
	['url', { __rl: true, mode: 'url', value }],
	['a plain string', value],
] as const;

const ID_CASES: Array<[string, INodeParameters, string, string]> = [
	['Contact List → Delete', { resource: 'contactList', operation: 'delete' }, 'contactList', 'Contact List'],
	['Contact List → Get', { resource: 'contactList', operation: 'get' }, 'contactList', 'Contact List'],
	['Address → Add', { resource: 'address', operation: 'add', email: 'a@example.com' }, 'contactList', 'Contact List'],
	['Address → Add Many', { resource: 'address', operation: 'addMany', email: 'a@example.com' }, 'contactList', 'Contact List'],
	['Template → Delete', { resource: 'template', operation: 'delete' }, 'template', 'Template'],
	['Task → Get', { resource: 'task', operation: 'get' }, 'task', 'Task'],
	['Task → Delete', { resource: 'task', operation: 'delete' }, 'task', 'Task'],
	['Task → Update', { resource: 'task', operation: 'update', updateFields: { sendStatus: '-1' } }, 'task', 'Task'],
	['Tracking → Get Overview', { resource: 'tracking', operation: 'getOverview', selectBy: 'task' }, 'task', 'Task'],
];

describe('checked before any request', () => {
	const env = useEmulator({ demoData: true });

	describe.each(ID_CASES)('%s', (_name, parameters, field, label) => {
		test.each(modes('VIP-list'))('a non-numeric id in mode %s is refused', async (_mode, locator) => {
			env.control.clearLog();
			await expect(runUmail(env, { ...parameters, [field]: locator } as INodeParameters)).rejects.toThrow(
				`Item 1: "${label}" must be a numeric ID, got "VIP-list"`,
			);
			expect(env.control.log).toHaveLength(0);
		});
	});

	test('the second item with a bad id is named, the first was sent', async () => {
		env.control.clearLog();
		const items = [{ json: { id: '418800' } }, { json: { id: '7 OR 1=1' } }];
		await expect(
			runUmail(env, { resource: 'contactList', operation: 'get', contactList: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, { items }),
		).rejects.toThrow('Item 2: "Contact List" must be a numeric ID, got "7 OR 1=1"');
		expect(env.control.log).toHaveLength(1);
	});

	test.each([0, -1, 1.5, 'ten'])('Limit %p on Contact List → Get Many is refused without a request', async (limit) => {
		env.control.clearLog();
		await expect(runUmail(env, { resource: 'contactList', operation: 'getMany', returnAll: false, limit } as INodeParameters)).rejects.toThrow(
			/^Item 1: "Limit" must be (at least 1|a whole number)/,
		);
		expect(env.control.log).toHaveLength(0);
	});

	test('a Name expression that gives an object is refused, no list "[object Object]"', async () => {
		env.control.clearLog();
		const items = [{ json: { crm: { name: 'VIP' } } }];
		await expect(
			runUmail(env, { resource: 'contactList', operation: 'create', name: '={{ $json.crm }}', status: 'enabled' }, { items }),
		).rejects.toThrow('Item 1: "Name" must be text, got an object: {"name":"VIP"}');
		expect(env.control.log).toHaveLength(0);
	});

	test('Add Many: a name given as a list is that item\'s error, the others are sent', async () => {
		env.control.clearLog();
		const items = [{ json: { name: ['a', 'b'], email: 'one@example.com' } }, { json: { name: 'Two', email: 'two@example.com' } }];
		const out = json(
			await runUmail(
				env,
				{ resource: 'address', operation: 'addMany', contactList: { __rl: true, mode: 'id', value: '418800' }, email: '={{ $json.email }}', name: '={{ $json.name }}' },
				{ items, continueOnFail: true },
			),
		);
		expect(out[0]).toMatchObject({ status: 'rejected', reason: 'Item 1: "Name" must be text, got a list: ["a","b"]' });
		expect(out[1]).toMatchObject({ email: 'two@example.com' });
		expect(out[1].status).not.toBe('rejected');
	});
});
