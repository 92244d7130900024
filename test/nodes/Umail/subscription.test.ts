import { byId, json, runUmail, useEmulator } from './setup';

describe('Subscription', () => {
	const env = useEmulator();
	let listId: string;
	const list = () => env.control.customerOf('demo').lists.get(Number(listId));

	beforeEach(() => {
		listId = String(env.control.createList(`Subscribers ${Math.random()}`));
		env.control.clearLog();
	});

	test('subscribe one address sends address and name', async () => {
		const [out] = json(
			await runUmail(env, {
				resource: 'subscription',
				operation: 'subscribe',
				contactList: byId(listId),
				mode: 'one',
				email: 'sub@example.com',
				name: 'Sub Scriber',
			}),
		);
		expect(out).toMatchObject({ success: true, status: 'success', contactListId: listId, emails: ['sub@example.com'] });
		// §4.11: address and name are GET parameters
		expect(env.control.log[0]).toMatchObject({ method: 'GET', do: 'ml-sub', query: expect.objectContaining({ list_id: listId, address: 'sub@example.com', name: 'Sub Scriber' }) });
		expect(env.control.log[0].body).toEqual({});
		expect(list().addrs.get('sub@example.com')).toMatchObject({ fullname: 'Sub Scriber' });
	});

	test('subscribe many sends one subscriber a line, names kept with their email', async () => {
		const [out] = json(
			await runUmail(env, {
				resource: 'subscription',
				operation: 'subscribe',
				contactList: byId(listId),
				mode: 'many',
				subscribers: 'a@example.com,Anna Lee\nb@example.com\tBen, Jr.\n\nc@example.com',
			}),
		);
		expect(out.emails).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
		expect(out).toMatchObject({ subscribed: 3, invalid: 0, alreadySubscribed: 0, summary: 'Subscribed 3, 0 invalid, 0 already subscribed' });
		expect(out.message).toMatch(/^订阅成功 3 个/);
		expect(env.control.log[0].body.maillist).toBe('a@example.com\tAnna Lee\nb@example.com\tBen, Jr.\nc@example.com');
		expect(list().addrs.get('a@example.com').fullname).toBe('Anna Lee');
		expect(list().addrs.get('b@example.com').fullname).toBe('Ben, Jr.');
		// the service names a subscriber without a name after the part before @
		expect(list().addrs.get('c@example.com').fullname).toBe('c');
	});

	test('subscribe refuses an invalid email, naming the line, before any request', async () => {
		await expect(
			runUmail(env, {
				resource: 'subscription',
				operation: 'subscribe',
				contactList: byId(listId),
				mode: 'many',
				subscribers: 'ok@example.com\nnot an email,Name',
			}),
		).rejects.toThrow('Item 1: "Subscribers" line 2 is not a valid email address: "not an email"');
		await expect(
			runUmail(env, { resource: 'subscription', operation: 'subscribe', contactList: byId(listId), mode: 'one', email: 'x@' }),
		).rejects.toThrow('"Email" is not a valid email address');
		expect(env.control.log).toHaveLength(0);
	});

	test('subscribe per item: each item its own call, a bad item reported with Continue On Fail', async () => {
		const items = [{ json: { email: 'i1@example.com' } }, { json: { email: 'bad' } }, { json: { email: 'i3@example.com' } }];
		const out = await runUmail(
			env,
			{ resource: 'subscription', operation: 'subscribe', contactList: byId(listId), mode: 'one', email: '={{ $json.email }}' },
			{ items, continueOnFail: true },
		);
		expect(json(out).map((o) => o.error ?? o.emails)).toEqual([
			['i1@example.com'],
			expect.stringContaining('Item 2: "Email" is not a valid email address'),
			['i3@example.com'],
		]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(env.control.log.map((entry) => entry.query.address)).toEqual(['i1@example.com', 'i3@example.com']);
	});

	test('unsubscribe a comma list removes the addresses and records them as unsubscribed', async () => {
		env.control.seedAddresses(listId, 3, { domain: 'unsub.example.com' });
		const [out] = json(
			await runUmail(env, {
				resource: 'subscription',
				operation: 'unsubscribe',
				contactList: byId(listId),
				emails: 'user0@unsub.example.com, user2@unsub.example.com',
			}),
		);
		expect(out).toMatchObject({ success: true, emails: ['user0@unsub.example.com', 'user2@unsub.example.com'] });
		// U-Mail's own sentence kept, the count beside it as a number
		expect(out).toMatchObject({ message: '退订成功 2 个', unsubscribed: 2, summary: 'Unsubscribed 2' });
		expect(env.control.log[0]).toMatchObject({ method: 'POST', do: 'ml-unsub', query: expect.objectContaining({ list_id: listId }) });
		expect(env.control.log[0].body.address).toBe('user0@unsub.example.com\nuser2@unsub.example.com');
		expect([...list().addrs.keys()]).toEqual(['user1@unsub.example.com']);
		expect(list().unsub.map((u: { email: string }) => u.email)).toEqual(['user0@unsub.example.com', 'user2@unsub.example.com']);
	});

	test('unsubscribe refuses an invalid email before any request', async () => {
		await expect(
			runUmail(env, { resource: 'subscription', operation: 'unsubscribe', contactList: byId(listId), emails: 'a@example.com\nnope' }),
		).rejects.toThrow('Item 1: "Emails" is not a valid email address: "nope"');
		expect(env.control.log).toHaveLength(0);
	});

	test('a list that does not exist is an API error', async () => {
		await expect(
			runUmail(env, { resource: 'subscription', operation: 'unsubscribe', contactList: byId('999999'), emails: 'a@example.com' }),
		).rejects.toThrow(/not_exist/);
		expect(env.control.log[0].resultStatus).toBe('not_exist');
	});
});
