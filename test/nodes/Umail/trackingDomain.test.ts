import { json, runUmail, useEmulator } from './setup';

const byName = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Tracking Domain', () => {
	const env = useEmulator({ demoData: true });
	const stored = () => [...env.control.customerOf('demo').trackDomains.values()] as Array<{ domain: string; id: number }>;

	test('get many posts to overview and reads the top-level <track_domain> elements', async () => {
		env.control.clearLog();
		const out = json(await runUmail(env, { resource: 'trackingDomain', operation: 'getMany', returnAll: true }));
		expect(out.map((entry) => entry.domain)).toEqual(stored().map((entry) => entry.domain));
		expect(out[0]).toMatchObject({ id: String(stored()[0].id), isdefault: '1', is_cname: '1' });
		expect(env.control.log[0]).toMatchObject({ method: 'POST', file: 'trackdomain', do: 'overview' });
	});

	test('create or update adds a domain, makes it the default, and returns the saved record', async () => {
		env.control.clearLog();
		const [saved] = json(
			await runUmail(env, { resource: 'trackingDomain', operation: 'createOrUpdate', domain: 'track.example.com', isDefault: true }),
		);
		const record = stored().find((entry) => entry.domain === 'track.example.com');
		expect(record).toBeDefined();
		expect(saved).toMatchObject({ id: String(record!.id), domain: 'track.example.com', isdefault: '1', is_cname: '1' });
		expect(env.control.log[0]).toMatchObject({ method: 'POST', do: 'edit', body: { domain: 'track.example.com', isdefault: '1' } });
		expect(env.control.log[1]).toMatchObject({ method: 'POST', do: 'overview', body: { domains: 'track.example.com' } });

		// several domains: the filter and the emulator's answer with several <track_domain> roots
		const two = json(
			await runUmail(env, {
				resource: 'trackingDomain',
				operation: 'getMany',
				returnAll: true,
				filters: { domains: 'track.example.com, count.demo.example.com' },
			}),
		);
		expect(two.map((entry) => entry.domain).sort()).toEqual(['count.demo.example.com', 'track.example.com']);
		expect(two.find((entry) => entry.domain === 'count.demo.example.com')).toMatchObject({ isdefault: '0' });
		expect(env.control.log.at(-1)!.body).toEqual({ domains: 'track.example.com,count.demo.example.com' });
		const one = await runUmail(env, { resource: 'trackingDomain', operation: 'getMany', returnAll: false, limit: 1 });
		expect(one).toHaveLength(1);
	});

	test('a CNAME not pointing to count.bestedm.net surfaces as the API error', async () => {
		await expect(
			runUmail(env, { resource: 'trackingDomain', operation: 'createOrUpdate', domain: 'nocname.example.com' }),
		).rejects.toThrow(/domain_cname_error/);
		expect(stored().some((entry) => entry.domain === 'nocname.example.com')).toBe(false);
	});

	test('two domains in one field fail before any request', async () => {
		env.control.clearLog();
		await expect(
			runUmail(env, { resource: 'trackingDomain', operation: 'createOrUpdate', domain: 'a.example.com,b.example.com' }),
		).rejects.toThrow('"Domain" must be a single domain');
		expect(env.control.log).toHaveLength(0);
	});

	test('delete one domain', async () => {
		await runUmail(env, { resource: 'trackingDomain', operation: 'createOrUpdate', domain: 'gone.example.com' });
		env.control.clearLog();
		const [out] = json(
			await runUmail(env, { resource: 'trackingDomain', operation: 'delete', trackingDomain: byName('gone.example.com') }),
		);
		expect(out).toEqual({ deleted: true, domain: 'gone.example.com' });
		expect(env.control.log[0]).toMatchObject({ method: 'POST', do: 'del', body: { domains: 'gone.example.com' } });
		expect(stored().some((entry) => entry.domain === 'gone.example.com')).toBe(false);
	});

	test('delete all is an explicit switch; afterwards get many reads the bare declaration as no domains', async () => {
		const before = stored().map((entry) => entry.domain);
		expect(before.length).toBeGreaterThan(0);
		env.control.clearLog();
		const [out] = json(await runUmail(env, { resource: 'trackingDomain', operation: 'delete', deleteAll: true }));
		expect(out).toMatchObject({ deleted: true, all: true });
		expect((out.domains as string[]).sort()).toEqual(before.sort());
		expect(env.control.log[0].body).toEqual({ domains: 'all' });
		expect(stored()).toHaveLength(0);

		const none = await runUmail(env, { resource: 'trackingDomain', operation: 'getMany', returnAll: true });
		expect(none).toHaveLength(0);
	});
});
