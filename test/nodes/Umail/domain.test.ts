import { byId, json, runUmail, useEmulator } from './setup';

describe('Domain', () => {
	const env = useEmulator({ demoData: true });
	const admin = () => ({ ...env.credentials, username: 'admin', password: 'admin-pass' });
	const demoCustomer = () => String(env.control.customerOf('demo').id);

	test('get many marks the system domains', async () => {
		env.control.clearLog();
		const domains = json(await runUmail(env, { resource: 'domain', operation: 'getMany', returnAll: true }));
		expect(env.control.log[0]).toMatchObject({ method: 'GET', file: 'bs', do: 'domain-list' });
		expect(env.control.log[0].query).not.toHaveProperty('user_type');
		const system = domains.filter((d) => d.isSystem);
		const own = domains.filter((d) => !d.isSystem);
		expect(system.length).toBeGreaterThan(0);
		for (const d of system) expect(d.customer_id).toBe('0');
		expect(own.map((d) => d.domain)).toEqual(expect.arrayContaining(['mail.verified-demo.example.com', 'news.demo.example.com']));
		expect(json(await runUmail(env, { resource: 'domain', operation: 'getMany', returnAll: false, limit: 1 }))).toHaveLength(1);
	});

	test('an administrator lists a customer\'s domains with the option', async () => {
		env.control.clearLog();
		const domains = json(
			await runUmail(
				env,
				{ resource: 'domain', operation: 'getMany', returnAll: true, options: { actAsCustomerId: demoCustomer() } },
				{ credentials: admin() },
			),
		);
		expect(env.control.log[0].query).toMatchObject({ user_type: 'manager', customer_id: demoCustomer() });
		expect(domains.map((d) => d.domain)).toContain('news.demo.example.com');
	});

	test('the administrator option with a customer credential surfaces the API error', async () => {
		await expect(
			runUmail(env, { resource: 'domain', operation: 'getMany', returnAll: true, options: { actAsCustomerId: '1' } }),
		).rejects.toThrow(/permission_denied/);
		env.control.clearLog();
		await expect(
			runUmail(env, { resource: 'domain', operation: 'getMany', returnAll: true, options: { actAsCustomerId: 'abc' } }),
		).rejects.toThrow('"Act as Administrator for Customer ID" must be a numeric customer ID');
		expect(env.control.log).toHaveLength(0);
	});

	test('create tells whether the DNS is verified', async () => {
		env.control.clearLog();
		const [ok] = json(await runUmail(env, { resource: 'domain', operation: 'create', domain: 'Verified-One.example.com' }));
		expect(ok).toEqual({ id: expect.stringMatching(/^\d+$/), domain: 'verified-one.example.com', dnsVerified: true });
		expect(env.control.log[0]).toMatchObject({ do: 'customer-domain-add', query: expect.objectContaining({ domain: 'verified-one.example.com' }) });
		expect(env.control.log[0].resultStatus).toBe('success_and_check_ok');

		const [pending] = json(await runUmail(env, { resource: 'domain', operation: 'create', domain: 'pending.example.com' }));
		expect(pending).toMatchObject({ domain: 'pending.example.com', dnsVerified: false });
		expect(pending.id).not.toBe(ok.id);
	});

	test('create checks the domain name before sending', async () => {
		env.control.clearLog();
		await expect(runUmail(env, { resource: 'domain', operation: 'create', domain: 'not a domain' })).rejects.toThrow(
			'Item 1: "Domain" is not a domain name',
		);
		expect(env.control.log).toHaveLength(0);
	});

	test('verify DNS posts the domains and labels each status', async () => {
		env.control.clearLog();
		const out = json(
			await runUmail(env, {
				resource: 'domain',
				operation: 'verifyDns',
				domains: 'mail.verified-demo.example.com, news.demo.example.com,unknown.example.org',
			}),
		);
		expect(env.control.log[0]).toMatchObject({ method: 'POST', do: 'domain-check' });
		expect(env.control.log[0].body).toEqual({
			domains: 'mail.verified-demo.example.com,news.demo.example.com,unknown.example.org',
		});
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ domain: 'mail.verified-demo.example.com', status: '3', status_label: 'added and verified', inSystem: true, dnsVerified: true });
		expect(out[1]).toMatchObject({ status: '2', status_label: 'added, not verified', inSystem: true, dnsVerified: false });
		expect(out[2]).toMatchObject({ status: '0', status_label: 'not added, not verified', inSystem: false, dnsVerified: false });
		expect(out[0]).toHaveProperty('dkim');
	});

	test('create and delete for a sub-account (administrator)', async () => {
		env.control.clearLog();
		const [created] = json(
			await runUmail(
				env,
				{ resource: 'domain', operation: 'createForCustomer', customerId: demoCustomer(), domain: 'sub.example.net' },
				{ credentials: admin() },
			),
		);
		expect(created).toMatchObject({ success: true, domain: 'sub.example.net', customerId: demoCustomer() });
		expect(env.control.log[0]).toMatchObject({ do: 'domain-add', user: 'admin', query: expect.objectContaining({ customer_id: demoCustomer(), domain: 'sub.example.net' }) });
		const mine = json(await runUmail(env, { resource: 'domain', operation: 'getMany', returnAll: true }));
		expect(mine.map((d) => d.domain)).toContain('sub.example.net');

		const [removed] = json(
			await runUmail(
				env,
				{ resource: 'domain', operation: 'deleteForCustomer', customerId: demoCustomer(), domain: 'sub.example.net' },
				{ credentials: admin() },
			),
		);
		expect(removed).toEqual({ deleted: true, domain: 'sub.example.net', customerId: demoCustomer() });
		expect(env.control.log.at(-1)).toMatchObject({ do: 'domain-del' });
		const after = json(await runUmail(env, { resource: 'domain', operation: 'getMany', returnAll: true }));
		expect(after.map((d) => d.domain)).not.toContain('sub.example.net');
	});

	test('sub-account operations need a customer ID', async () => {
		env.control.clearLog();
		await expect(
			runUmail(env, { resource: 'domain', operation: 'createForCustomer', customerId: '', domain: 'x.example.com' }),
		).rejects.toThrow('Item 1: "Customer ID" is required');
		expect(env.control.log).toHaveLength(0);
	});

	test('delete an unverified domain; a verified one is refused by the API', async () => {
		await runUmail(env, { resource: 'domain', operation: 'create', domain: 'to-delete.example.com' });
		env.control.clearLog();
		const [removed] = json(await runUmail(env, { resource: 'domain', operation: 'delete', domain: byId('to-delete.example.com') }));
		expect(removed).toEqual({ deleted: true, domain: 'to-delete.example.com' });
		expect(env.control.log[0]).toMatchObject({ do: 'customer-domain-del', query: expect.objectContaining({ domain: 'to-delete.example.com' }) });

		await expect(
			runUmail(env, { resource: 'domain', operation: 'delete', domain: byId('mail.verified-demo.example.com') }),
		).rejects.toThrow(/customer-domain-del.*verified|verified.*customer-domain-del/);
	});
});
