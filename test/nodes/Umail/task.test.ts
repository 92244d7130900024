import type { IDataObject } from 'n8n-workflow';

import { byId, json, runUmail, useEmulator } from './setup';

const SENDER = 'news@mail.verified-demo.example.com';

describe('Task', () => {
	const env = useEmulator({ demoData: true });
	const ids = { template: '', contactList: '', demoTask: '' };

	beforeAll(async () => {
		const templates = json(await runUmail(env, { resource: 'template', operation: 'getMany', returnAll: true }));
		ids.template = String(templates.find((t) => t.name === '十一月新闻通讯')?.id);
		const lists = json(await runUmail(env, { resource: 'contactList', operation: 'getMany', returnAll: true }));
		ids.contactList = String(lists.find((l) => l.subject === 'Newsletter 订阅用户')?.id);
		const tasks = json(await runUmail(env, { resource: 'task', operation: 'getMany', returnAll: true }));
		ids.demoTask = String(tasks[0].id);
	});

	const createParams = (extra: IDataObject = {}) => ({
		resource: 'task',
		operation: 'create',
		template: byId(ids.template),
		contactList: byId(ids.contactList),
		sender: 'mailbox',
		mailbox: byId(SENDER),
		senderName: 'Example 新闻',
		sendTime: '2026-12-01T10:30:00',
		...extra,
	});

	test('create posts the task and returns the send id', async () => {
		env.control.clearLog();
		const [created] = json(
			await runUmail(
				env,
				createParams({
					additionalFields: { trackStatus: '2', replyTo: 'reply@example.com', hourSpeed: 5000, rangeStart: 2, rangeEnd: 10, delayOnSpam: true, unsubscribeLink: false },
				}),
			),
		);
		expect(created).toMatchObject({ id: expect.stringMatching(/^\d+$/), sendTime: '2026-12-01 10:30', status: '1', status_label: 'waiting to start' });
		const [entry] = env.control.log;
		expect(entry).toMatchObject({ method: 'POST', file: 'task', do: 'add-task', resultStatus: 'success' });
		expect(entry.body).toEqual({
			tpl_id: ids.template,
			send_account: SENDER,
			send_fullname: 'Example 新闻',
			maillist_id: ids.contactList,
			time: '2026-12-01 10:30',
			status: '1',
			send_qty_start: '2',
			send_qty: '10',
			subs_link: '0',
			track_status: '2',
			send_replyto: 'reply@example.com',
			hour_speed: '5000',
			is_delay: '1',
		});
		const [fetched] = json(await runUmail(env, { resource: 'task', operation: 'get', task: byId(created.id as string), simplify: false }));
		expect(fetched).toMatchObject({ id: created.id, send_status: '1', send_status_label: 'waiting to start', track_status: '2', track_status_label: 'opens and clicks' });
		expect(fetched.templates).toEqual([expect.objectContaining({ tpl_id: ids.template })]);
		expect(fetched.contact_lists).toEqual([expect.objectContaining({ list_id: ids.contactList })]);
	});

	test('create from every mailbox of a domain sends send_account=all with the domain; Now = status 2', async () => {
		env.control.clearLog();
		await runUmail(
			env,
			createParams({ sender: 'domain', domain: byId('mail.verified-demo.example.com'), start: '2', additionalFields: { moreContactLists: ids.contactList } }),
		);
		expect(env.control.log[0].body).toMatchObject({ send_account: 'all', send_domain: 'mail.verified-demo.example.com', status: '2', maillist_id: ids.contactList });
		env.control.clearLog();
		await runUmail(env, createParams({ sender: 'all', start: '-1' }));
		expect(env.control.log[0].body).toMatchObject({ send_account: 'all', send_domain: 'all', status: '-1' });
	});

	test.each([
		[{ additionalFields: { hourSpeed: 50 } }, '"Hourly Speed" must be at least 100'],
		[{ additionalFields: { hourSpeed: 80000 } }, '"Hourly Speed" must be at most 75000'],
		[{ additionalFields: { rangeStart: 0 } }, '"Start at Address Number" must be at least 1'],
		[{ additionalFields: { rangeStart: 5, rangeEnd: 3 } }, '"Stop at Address Number" must be 0 (to the end) or at least'],
		[{ additionalFields: { replyTo: 'nobody' } }, '"Reply-To" is not a valid email address'],
		[{ additionalFields: { moreTemplates: '1, x' } }, '"More Template IDs" must hold numeric IDs'],
		[{ sendTime: '2026-13-01 10:00' }, '"Send Time" is not a real date'],
		[{ sendTime: '' }, '"Send Time" is required'],
		[{ mailbox: byId('not-an-address') }, '"Sender Mailbox" is not a valid email address'],
	])('create refuses %j before any request', async (extra, message) => {
		env.control.clearLog();
		await expect(runUmail(env, createParams(extra as IDataObject))).rejects.toThrow(`Item 1: ${message}`);
		expect(env.control.log).toHaveLength(0);
	});

	test('the hourly add-task limit comes back as a clear error', async () => {
		env.control.resetRateLimit();
		const limit = env.control.timing.addTaskLimit;
		env.control.timing.addTaskLimit = 1;
		try {
			await runUmail(env, createParams());
			await expect(runUmail(env, createParams())).rejects.toThrow('U-Mail allows at most 100 send tasks to be created an hour');
		} finally {
			env.control.timing.addTaskLimit = limit;
			env.control.resetRateLimit();
		}
	});

	test('a send time with a zone is turned into Beijing time; one without is taken as Beijing time', async () => {
		env.control.clearLog();
		await runUmail(env, createParams({ sendTime: '2026-12-01T01:40:00Z' }));
		await runUmail(env, createParams({ sendTime: '2026-12-01T18:05:00-05:00' }));
		await runUmail(env, createParams({ sendTime: '={{ DateTime.fromISO("2026-12-01T12:00:00", { zone: "Europe/Berlin" }) }}' }));
		await runUmail(env, createParams({ sendTime: '2026-12-01 07:15' }));
		expect(env.control.log.map((entry) => entry.body.time)).toEqual([
			'2026-12-01 09:40',
			'2026-12-02 07:05',
			'2026-12-01 19:00',
			'2026-12-01 07:15',
		]);
	});

	test('an API error for a template still being checked is surfaced', async () => {
		const [template] = json(
			await runUmail(env, { resource: 'template', operation: 'create', name: 'fresh', subjects: ['s'], content: '<p>x</p>' }),
		);
		await expect(runUmail(env, createParams({ template: byId(template.id as string) }))).rejects.toThrow(/add-task\): tpl_checking/);
	});

	test('an unknown template is refused with the field, the value and what to do', async () => {
		const run = runUmail(env, createParams({ template: byId('999999') }));
		await expect(run).rejects.toThrow(
			/add-task\): tpl_id_error \(.+\)\. Template: no template with the ID 999999 exists in this account; list the templates to find the right ID$/,
		);
		await expect(runUmail(env, createParams({ contactList: byId('999998') }))).rejects.toThrow(
			/maillist_id_error.*Contact List: no contact list with the ID 999998 exists in this account$/,
		);
	});

	test('get many pages 20 at a time and labels the codes', async () => {
		const items = Array.from({ length: 21 }, () => ({ json: {} }));
		await runUmail(env, createParams(), { items });
		const total = json(await runUmail(env, { resource: 'task', operation: 'getMany', returnAll: true })).length;
		expect(total).toBeGreaterThanOrEqual(26);
		expect(env.control.log.at(-1)?.query).toMatchObject({ send_status: 'all', limit: '20' });

		env.control.clearLog();
		const some = json(await runUmail(env, { resource: 'task', operation: 'getMany', returnAll: false, limit: 23 }));
		expect(some).toHaveLength(23);
		expect(env.control.log.map((e) => [e.query.page, e.query.limit])).toEqual([
			['1', '20'],
			['2', '20'],
		]);
		expect(new Set(some.map((t) => t.id)).size).toBe(23);
		// Simplify (on by default) keeps the main fields and their labels
		expect(Object.keys(some[0]).sort()).toEqual(
			expect.arrayContaining(['id', 'send_status', 'send_status_label', 'verify_status_label', 'templates', 'contact_lists']),
		);
		expect(some[0]).not.toHaveProperty('acct_type');
	});

	test('get many filters by status and day', async () => {
		env.control.clearLog();
		const held = json(
			await runUmail(env, { resource: 'task', operation: 'getMany', returnAll: true, filters: { sendStatus: '-1', date: '2026-12-01' } }),
		);
		expect(env.control.log[0].query).toMatchObject({ send_status: '-1', date: '2026-12-01' });
		expect(held.length).toBeGreaterThan(0);
		for (const t of held) expect(t).toMatchObject({ send_status: '-1', send_status_label: 'not sending yet' });
	});

	test('update sends send_status, send_time and is_delay -1', async () => {
		const [created] = json(await runUmail(env, createParams()));
		const id = created.id as string;
		env.control.clearLog();
		await expect(runUmail(env, { resource: 'task', operation: 'update', task: byId(id), updateFields: {} })).rejects.toThrow(
			'Item 1: "Update Fields" is empty',
		);
		expect(env.control.log).toHaveLength(0);

		const [updated] = json(
			await runUmail(env, {
				resource: 'task',
				operation: 'update',
				task: byId(id),
				updateFields: { sendStatus: '-1', sendTime: '2026-12-02 08:15', delayOnSpam: false, senderName: 'Renamed' },
			}),
		);
		expect(updated).toMatchObject({ success: true, id });
		// the task is read first (§6.1), and the fields §6.3 defaults go with their current values
		expect(env.control.log.map((entry) => entry.do)).toEqual(['task-list', 'edit-task']);
		expect(env.control.log[1]).toMatchObject({ method: 'POST', do: 'edit-task', query: expect.objectContaining({ id }) });
		expect(env.control.log[1].body).toEqual({
			send_fullname: 'Renamed',
			send_status: '-1',
			send_time: '2026-12-02 08:15',
			is_delay: '-1',
			send_account: SENDER,
			send_domain: 'mail.verified-demo.example.com',
			send_qty: '0',
			track_status: '0',
		});
		const [fetched] = json(await runUmail(env, { resource: 'task', operation: 'get', task: byId(id), simplify: false }));
		expect(fetched).toMatchObject({ send_status: '-1', send_time: '2026-12-02 08:15:00', sender_name: 'Renamed' });
	});

	describe.each(['apply', 'keep'] as const)('update is safe when the server %ss §6.3 defaults on edit', (mode) => {
		afterEach(() => env.control.setEditDefaults('keep'));

		test('a held task rescheduled stays held, with its sender, quantity and tracking', async () => {
			const [created] = json(
				await runUmail(env, createParams({ start: '-1', additionalFields: { trackStatus: '2', rangeEnd: 5 } })),
			);
			const id = created.id as string;
			const before = json(await runUmail(env, { resource: 'task', operation: 'get', task: byId(id), simplify: false }))[0];
			expect(before).toMatchObject({ send_status: '-1', acct_type: 'address', acct_address: SENDER, track_status: '2' });
			env.control.setEditDefaults(mode);
			await runUmail(env, { resource: 'task', operation: 'update', task: byId(id), updateFields: { sendTime: '2026-12-03 09:00' } });
			env.control.clock.advance(40 * 24 * 3600_000);
			const [after] = json(await runUmail(env, { resource: 'task', operation: 'get', task: byId(id), simplify: false }));
			expect(after).toMatchObject({ send_status: '-1', acct_type: 'address', acct_address: SENDER, track_status: '2', send_qty: before.send_qty });
			expect(after.send_time).toBe('2026-12-03 09:00:00');
			expect(after.send_count).toBe('0');
		});

		test('a user\'s own change of a defaulted field wins over the current value', async () => {
			const [created] = json(await runUmail(env, createParams({ start: '-1' })));
			const id = created.id as string;
			env.control.setEditDefaults(mode);
			await runUmail(env, { resource: 'task', operation: 'update', task: byId(id), updateFields: { sendStatus: '-2', senderMailbox: 'all', senderDomain: 'mail.verified-demo.example.com' } });
			const [after] = json(await runUmail(env, { resource: 'task', operation: 'get', task: byId(id), simplify: false }));
			expect(after).toMatchObject({ send_status: '-2', acct_type: 'domain', acct_domain: 'mail.verified-demo.example.com' });
		});
	});

	test('delete, then get names the missing task', async () => {
		const [created] = json(await runUmail(env, createParams()));
		const id = created.id as string;
		const [removed] = json(await runUmail(env, { resource: 'task', operation: 'delete', task: byId(id) }));
		expect(removed).toEqual({ deleted: true, id });
		expect(env.control.log.at(-1)).toMatchObject({ do: 'del-task', query: expect.objectContaining({ id }) });
		await expect(runUmail(env, { resource: 'task', operation: 'get', task: byId(id) })).rejects.toThrow('Item 1: "Task" was not found');
		await expect(runUmail(env, { resource: 'task', operation: 'delete', task: byId(id) })).rejects.toThrow(/del-task\): not_exist/);
	});

	test('get report joins status, tracking, billing and link clicks', async () => {
		const id = ids.demoTask;
		env.control.completeTask(id);
		env.control.clearLog();
		const [report] = json(await runUmail(env, { resource: 'task', operation: 'getReport', task: byId(id) }));
		expect(env.control.log.map((e) => [e.file, e.do, e.query.id])).toEqual([
			['task', 'task-list', id],
			['track', 'overview', id],
			['stask', null, id],
			['track', 'link-stat', id],
		]);

		const auth = `Basic ${Buffer.from('demo:demo-pass').toString('base64')}`;
		const raw = async (path: string) => await (await fetch(`${env.url}/${path}`, { headers: { Authorization: auth } })).text();
		const tag = (xml: string, name: string) => Number(new RegExp(`<${name}>([^<]*)</`).exec(xml)?.[1]);
		const overview = await raw(`track.php?do=overview&id=${id}`);
		const billing = await raw(`stask.php?id=${id}`);

		expect(report).toMatchObject({
			id,
			ident: expect.stringMatching(/\S/),
			send_status: '3',
			send_status_label: 'completed',
			delivered: tag(overview, 'real_send_count'),
			unique_opens: tag(overview, 'open_unique'),
			unique_clicks: tag(overview, 'click_unique'),
			clicks: tag(overview, 'click_total'),
			deducted_points: tag(billing, 'actual'),
			rebated_points: tag(billing, 'rebate'),
		});
		const delivered = report.delivered as number;
		expect(delivered).toBeGreaterThan(0);
		expect(report.open_rate).toBeCloseTo(((report.unique_opens as number) / delivered) * 100, 2);
		expect(report.click_rate).toBeCloseTo(((report.unique_clicks as number) / delivered) * 100, 2);
		expect(report.net_points).toBe((report.deducted_points as number) - (report.rebated_points as number));
		const links = report.links as IDataObject[];
		expect(links.map((l) => l.url).sort()).toEqual(['https://www.example.com/blog', 'https://www.example.com/promo']);
		expect(links.reduce((n, l) => n + (l.clicks as number), 0)).toBe(report.clicks);
	});
});
