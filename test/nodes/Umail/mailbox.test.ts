import { byId, json, runUmail, useEmulator } from './setup';

const DOMAIN = 'mail.verified-demo.example.com';

describe('Mailbox', () => {
	const env = useEmulator({ demoData: true });
	const admin = () => ({ ...env.credentials, username: 'admin', password: 'admin-pass' });
	const list = async (extra: Record<string, unknown> = { returnAll: true }) =>
		json(await runUmail(env, { resource: 'mailbox', operation: 'getMany', domain: byId(DOMAIN), ...extra }));

	test('get many lists the mailboxes of a domain with an enabled flag', async () => {
		env.control.clearLog();
		const boxes = await list();
		expect(env.control.log[0]).toMatchObject({ file: 'bs', do: 'mailbox-list', query: expect.objectContaining({ domain: DOMAIN, page: '1', limit: '30' }) });
		expect(boxes.map((b) => b.mailbox)).toEqual(expect.arrayContaining([`news@${DOMAIN}`, `service@${DOMAIN}`]));
		for (const box of boxes) expect(box).toMatchObject({ domain: DOMAIN, status: 'true', enabled: true });
	});

	test('create checks the address before sending', async () => {
		env.control.clearLog();
		await expect(
			runUmail(env, { resource: 'mailbox', operation: 'create', mailbox: 'not-an-address', password: 'secret123' }),
		).rejects.toThrow('Item 1: "Mailbox" is not a valid email address');
		expect(env.control.log).toHaveLength(0);
	});

	test('create many, then page through them 30 at a time', async () => {
		const items = Array.from({ length: 33 }, (_, i) => ({ json: { n: i } }));
		env.control.clearLog();
		const created = json(
			await runUmail(
				env,
				{ resource: 'mailbox', operation: 'create', mailbox: `={{ "bulk" + $json.n + "@${DOMAIN}" }}`, password: 'secret123' },
				{ items },
			),
		);
		expect(created).toHaveLength(33);
		expect(created[0]).toMatchObject({ success: true, mailbox: `bulk0@${DOMAIN}`, enabled: true });
		expect(env.control.log[0]).toMatchObject({ do: 'mailbox-add', query: expect.objectContaining({ mailbox: `bulk0@${DOMAIN}`, pwd: 'secret123' }) });

		env.control.clearLog();
		const some = await list({ returnAll: false, limit: 34 });
		expect(some).toHaveLength(34);
		expect(env.control.log.map((e) => [e.query.page, e.query.limit])).toEqual([
			['1', '30'],
			['2', '30'],
		]);
		const all = await list();
		expect(all).toHaveLength(35);
		expect(new Set(all.map((b) => b.mailbox)).size).toBe(35);
	});

	test('update disables a mailbox and changes its password; needs one change', async () => {
		env.control.clearLog();
		await expect(
			runUmail(env, { resource: 'mailbox', operation: 'update', mailbox: byId(`service@${DOMAIN}`), updateFields: {} }),
		).rejects.toThrow('Item 1: "Update Fields" is missing: set one of "Password", "Status"');
		expect(env.control.log).toHaveLength(0);

		const [updated] = json(
			await runUmail(env, {
				resource: 'mailbox',
				operation: 'update',
				mailbox: byId(`service@${DOMAIN}`),
				updateFields: { status: '0', password: 'newpass99' },
			}),
		);
		expect(updated).toMatchObject({ success: true, mailbox: `service@${DOMAIN}`, enabled: false, passwordChanged: true });
		expect(env.control.log[0]).toMatchObject({ do: 'mailbox-edit', query: expect.objectContaining({ status: '0', pwd: 'newpass99' }) });
		const box = (await list()).find((b) => b.mailbox === `service@${DOMAIN}`);
		expect(box).toMatchObject({ status: 'false', enabled: false });
	});

	test('delete, then the API error for the missing mailbox', async () => {
		await runUmail(env, { resource: 'mailbox', operation: 'create', mailbox: `temp@${DOMAIN}`, password: 'secret123' });
		const [removed] = json(await runUmail(env, { resource: 'mailbox', operation: 'delete', mailbox: byId(`temp@${DOMAIN}`) }));
		expect(removed).toEqual({ deleted: true, mailbox: `temp@${DOMAIN}` });
		expect(env.control.log.at(-1)).toMatchObject({ do: 'mailbox-del', query: expect.objectContaining({ mailbox: `temp@${DOMAIN}` }) });
		expect((await list()).map((b) => b.mailbox)).not.toContain(`temp@${DOMAIN}`);
		await expect(
			runUmail(env, { resource: 'mailbox', operation: 'delete', mailbox: byId(`temp@${DOMAIN}`) }),
		).rejects.toThrow(/mailbox-del\): not_exist/);
	});

	test('an administrator works on a customer\'s mailboxes with the option', async () => {
		const customerId = String(env.control.customerOf('demo').id);
		env.control.clearLog();
		const [created] = json(
			await runUmail(
				env,
				{
					resource: 'mailbox',
					operation: 'create',
					mailbox: `admin-made@${DOMAIN}`,
					password: 'secret123',
					options: { actAsCustomerId: customerId },
				},
				{ credentials: admin() },
			),
		);
		expect(created).toMatchObject({ success: true });
		expect(env.control.log[0]).toMatchObject({ user: 'admin', query: expect.objectContaining({ user_type: 'manager', customer_id: customerId }) });
		expect((await list()).map((b) => b.mailbox)).toContain(`admin-made@${DOMAIN}`);
	});
});
