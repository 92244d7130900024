import { json, runUmail, useEmulator } from './setup';

describe('Account', () => {
	const env = useEmulator();

	test('get info reads customer-info and returns the customer record', async () => {
		env.control.clearLog();
		const [info] = json(await runUmail(env, { resource: 'account', operation: 'getInfo' }));
		const customer = env.control.customerOf('demo');
		expect(info).toMatchObject({ id: String(customer.id), username: 'demo', company: customer.company, email: customer.email });
		expect(env.control.log).toHaveLength(1);
		expect(env.control.log[0]).toMatchObject({ method: 'GET', file: 'account', do: 'customer-info', user: 'demo' });
	});

	test('get service returns status, expiry and quota as strings', async () => {
		env.control.clearLog();
		const [service] = json(await runUmail(env, { resource: 'account', operation: 'getService' }));
		const customer = env.control.customerOf('demo');
		expect(service).toMatchObject({
			id: String(customer.id),
			service_status: customer.serviceStatus,
			expiration_date: customer.expiration,
			qty_buytotal: String(customer.qtyBuyTotal),
		});
		expect(service.qty_available).toMatch(/^\d+$/);
		expect(env.control.log[0]).toMatchObject({ method: 'GET', file: 'account', do: 'service-info' });
	});

	test('a wrong password fails the item, or becomes an error item with Continue On Fail', async () => {
		const credentials = { ...env.credentials, password: 'wrong' };
		await expect(runUmail(env, { resource: 'account', operation: 'getInfo' }, { credentials })).rejects.toThrow(/401/);
		const out = await runUmail(env, { resource: 'account', operation: 'getService' }, { credentials, continueOnFail: true });
		expect(out).toHaveLength(1);
		expect(out[0].json.error).toEqual(expect.stringContaining('401'));
		expect(out[0].pairedItem).toEqual({ item: 0 });
	});
});
