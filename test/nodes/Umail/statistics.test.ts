import type { IDataObject } from 'n8n-workflow';

import { byId, json, runUmail, useEmulator } from './setup';

/** The demo data holds one completed, tracked task; these read it from the emulator's state. */
function demoTask(env: ReturnType<typeof useEmulator>) {
	const task = [...env.control.state.tasks.values()][0];
	return { id: String(task.id), ident: String(task.sn), date: String(env.control.state.taskDate(task)), raw: task };
}

describe('Statistic', () => {
	const env = useEmulator({ demoData: true });

	describe('Get Many Sent Tasks', () => {
		test('by send date: asks page by page (20 at most) and labels the renamed send_status', async () => {
			const task = demoTask(env);
			env.control.clearLog();
			const out = json(
				await runUmail(env, {
					resource: 'statistics',
					operation: 'getManySentTasks',
					selectBy: 'date',
					date: task.date,
					returnAll: true,
					simplify: false,
				}),
			);
			expect(out).toHaveLength(1);
			expect(out[0]).toMatchObject({ id: task.id, sn: task.ident, send_status: '3', send_status_label: 'completed' });
			expect(out[0]).toHaveProperty('send_qty_remark');
			expect(out[0]).not.toHaveProperty('send_satus');
			expect(env.control.log[0]).toMatchObject({
				file: 'task',
				do: 'list-task',
				query: expect.objectContaining({ date: task.date, page: '1', limit: '20' }),
			});
		});

		test('Return All follows the pages until a short one', async () => {
			const { raw } = demoTask(env);
			const customer = env.control.customerOf('demo');
			for (let i = 0; i < 21; i++) {
				env.control.state.createTask(customer, { ...raw, tplIds: raw.tplIds, listIds: raw.listIds, sendQty: 1, sendQtyStart: 1, time: env.control.clock.now() + 60_000, status: -1 });
			}
			const today = env.control.clock.today();
			env.control.clearLog();
			const out = json(
				await runUmail(env, { resource: 'statistics', operation: 'getManySentTasks', selectBy: 'date', date: today, returnAll: true }),
			);
			expect(out).toHaveLength(21);
			expect(env.control.log.map((entry) => entry.query.page)).toEqual(['1', '2']);
			// Simplify keeps the essentials
			expect(Object.keys(out[0])).toEqual(expect.arrayContaining(['id', 'sn', 'send_status', 'send_status_label']));
			expect(out[0]).not.toHaveProperty('sender');
		});

		test('by batch number with a status filter and a Limit', async () => {
			const task = demoTask(env);
			env.control.clearLog();
			const out = json(
				await runUmail(env, {
					resource: 'statistics',
					operation: 'getManySentTasks',
					selectBy: 'batchNumber',
					batchNumber: task.ident,
					returnAll: false,
					limit: 5,
					filters: { status: '3' },
				}),
			);
			expect(out.map((record) => record.id)).toEqual([task.id]);
			expect(env.control.log[0].query).toMatchObject({ ident: task.ident, state: '3', page: '1', limit: '5' });
		});

		test('without a date fails before any request, listing the choices', async () => {
			env.control.clearLog();
			await expect(
				runUmail(env, { resource: 'statistics', operation: 'getManySentTasks', selectBy: 'date', returnAll: true }),
			).rejects.toThrow('Item 1: "Date" is missing: set one of "Date", "End Date"');
			expect(env.control.log).toHaveLength(0);
		});
	});

	describe('Get Daily', () => {
		test('returns the statistic of the day', async () => {
			const task = demoTask(env);
			env.control.clearLog();
			const [day] = json(await runUmail(env, { resource: 'statistics', operation: 'getDaily', date: `${task.date}T00:00:00` }));
			expect(day).toMatchObject({ date: task.date, actual_send: '24', email_not_exist: '1' });
			expect(env.control.log[0]).toMatchObject({ file: 'statistic', query: { date: task.date } });
		});

		test('a malformed date fails before any request', async () => {
			env.control.clearLog();
			await expect(runUmail(env, { resource: 'statistics', operation: 'getDaily', date: '2026-3-2' })).rejects.toThrow(
				'"Date" must be a date as YYYY-MM-DD',
			);
			expect(env.control.log).toHaveLength(0);
		});

		test('an HTML page instead of XML is an API error', async () => {
			env.control.faults.next('html', 1);
			await expect(
				runUmail(env, { resource: 'statistics', operation: 'getDaily', date: demoTask(env).date }),
			).rejects.toThrow(/HTML page/);
			env.control.faults.clear();
		});
	});

	describe('Export Failed Addresses', () => {
		test('items come from the JSON variant', async () => {
			const task = demoTask(env);
			env.control.seedFailedAddresses(task.id, 3, { type: 8 });
			env.control.clearLog();
			const out = json(
				await runUmail(env, {
					resource: 'statistics',
					operation: 'exportFailedAddresses',
					failureType: '-1',
					selectBy: 'batchNumber',
					batchNumber: task.ident,
					output: 'items',
				}),
			);
			expect(out).toHaveLength(4);
			expect(out).toContainEqual({ email: 'nobody.bounce@example.com' });
			expect(env.control.log).toHaveLength(1);
			expect(env.control.log[0]).toMatchObject({ file: 'failexport', query: { type: '-1', task_ident: task.ident, out_type: 'json' } });
		});

		test('by date, keeping duplicates, as the API CSV file', async () => {
			const task = demoTask(env);
			env.control.clearLog();
			const out = await runUmail(env, {
				resource: 'statistics',
				operation: 'exportFailedAddresses',
				failureType: '8',
				selectBy: 'date',
				date: task.date,
				dateEnd: task.date,
				output: 'file',
				binaryPropertyName: 'failed',
				options: { keepDuplicates: true },
			});
			expect(out).toHaveLength(1);
			expect(out[0].json).toMatchObject({ rows: 3 });
			const text = Buffer.from(out[0].binary!.failed.data, 'base64').toString('utf8');
			expect(text.trim().split('\n')).toHaveLength(4);
			expect(env.control.log[0].query).toMatchObject({ type: '8', date: task.date, date_end: task.date, out_type: 'file', is_repeat: '1' });
		});

		test('with type, as a file: the export\'s TAB columns (§2.3.2) come out as CSV', async () => {
			const task = demoTask(env);
			const out = await runUmail(env, {
				resource: 'statistics',
				operation: 'exportFailedAddressesWithType',
				selectBy: 'date',
				date: task.date,
				dateEnd: task.date,
				output: 'file',
			});
			const text = Buffer.from(out[0].binary!.data.data, 'base64').toString('utf8');
			const [head, first] = text.split('\n');
			expect(head).toBe('email,type,task_id');
			expect(first).toMatch(/^[^\s,]+@[^\s,]+,\d+,\d+$/);
		});

		test('"Mailbox does not exist" cannot be exported by date: fails before any request', async () => {
			env.control.clearLog();
			await expect(
				runUmail(env, {
					resource: 'statistics',
					operation: 'exportFailedAddresses',
					failureType: '1',
					selectBy: 'date',
					date: demoTask(env).date,
				}),
			).rejects.toThrow('"Failure Type" can only be exported for a task');
			expect(env.control.log).toHaveLength(0);
		});
	});

	describe('Export Failed Addresses With Type', () => {
		test('a task picked by send ID is looked up for its batch number; rows carry the type label', async () => {
			const task = demoTask(env);
			env.control.clearLog();
			const out = json(
				await runUmail(env, {
					resource: 'statistics',
					operation: 'exportFailedAddressesWithType',
					failureType: '1',
					selectBy: 'task',
					task: byId(task.id),
				}),
			);
			expect(env.control.log.map((entry) => entry.file)).toEqual(['track', 'failexportall']);
			expect(env.control.log[0].query).toMatchObject({ id: task.id });
			expect(env.control.log[1].query).toMatchObject({ type: '1', task_ident: task.ident, out_type: 'json' });
			const statId = String(task.raw.parts[0].statId);
			expect(out).toEqual([
				{ email: 'nobody.bounce@example.com', type: '1', type_label: 'mailbox does not exist', task_id: statId },
			]);
		});

		test('by statistics task ID', async () => {
			const task = demoTask(env);
			const statId = String(task.raw.parts[0].statId);
			env.control.clearLog();
			const out = json(
				await runUmail(env, {
					resource: 'statistics',
					operation: 'exportFailedAddressesWithType',
					failureType: '8',
					selectBy: 'statisticsTaskId',
					statisticsTaskId: ` ${statId} `,
				}),
			);
			expect(out.length).toBeGreaterThan(0);
			expect(out.every((row: IDataObject) => row.type === '8' && row.type_label === 'invalid address')).toBe(true);
			expect(env.control.log[0].query).toMatchObject({ task_id: statId });
			expect(env.control.log[0].query).not.toHaveProperty('task_ident');
		});

		test('an unknown task fails with the not_exist API error of the lookup', async () => {
			await expect(
				runUmail(env, {
					resource: 'statistics',
					operation: 'exportFailedAddressesWithType',
					failureType: '-1',
					selectBy: 'task',
					task: byId('1'),
				}),
			).rejects.toThrow(/not_exist/);
		});
	});

	describe('Get Billing', () => {
		test('by task: reads data/task[] and repairs the </rebtae> typo', async () => {
			const task = demoTask(env);
			env.control.setTypoTags(true);
			env.control.clearLog();
			try {
				const out = json(
					await runUmail(env, { resource: 'statistics', operation: 'getBilling', selectBy: 'task', task: byId(task.id), returnAll: true }),
				);
				expect(out).toHaveLength(1);
				expect(out[0]).toMatchObject({ task_ident: task.ident, task_date: task.date, rebate: '1', actual: '24' });
				expect(env.control.log[0]).toMatchObject({ file: 'stask', query: { id: task.id } });
			} finally {
				env.control.setTypoTags(false);
			}
		});

		test('by date range', async () => {
			const task = demoTask(env);
			env.control.clearLog();
			const out = json(
				await runUmail(env, {
					resource: 'statistics',
					operation: 'getBilling',
					selectBy: 'date',
					dateEnd: task.date,
					returnAll: true,
				}),
			);
			expect(out.map((row) => row.task_ident)).toContain(task.ident);
			expect(env.control.log[0].query).toEqual({ date_end: task.date });
		});
	});

	describe('Get Deductions', () => {
		test('returns data/list[] of the day, and none on a quiet day', async () => {
			const task = demoTask(env);
			env.control.clearLog();
			const out = json(await runUmail(env, { resource: 'statistics', operation: 'getDeductions', date: task.date, returnAll: true }));
			expect(out).toHaveLength(1);
			expect(out[0]).toMatchObject({ date: task.date });
			expect(out[0].total).toMatch(/^\d+$/);
			expect(env.control.log[0]).toMatchObject({ file: 'deduction', query: { date: task.date } });
			const quiet = await runUmail(env, { resource: 'statistics', operation: 'getDeductions', date: '2020-01-01', returnAll: true });
			expect(quiet).toHaveLength(0);
		});
	});

	describe('Get Send Log', () => {
		test('reads the JSON lists, with Limit', async () => {
			const task = demoTask(env);
			env.control.clearLog();
			const out = json(await runUmail(env, { resource: 'statistics', operation: 'getSendLog', date: task.date, returnAll: false, limit: 3 }));
			expect(out).toHaveLength(3);
			expect(out[0]).toMatchObject({ ident: task.ident });
			expect(env.control.log[0]).toMatchObject({ file: 'maillog', query: { date: task.date } });
		});

		test('filters by recipient', async () => {
			const task = demoTask(env);
			env.control.clearLog();
			const out = json(
				await runUmail(env, {
					resource: 'statistics',
					operation: 'getSendLog',
					date: task.date,
					recipient: 'nobody.bounce@example.com',
					returnAll: true,
				}),
			);
			expect(out).toHaveLength(1);
			expect(out[0]).toMatchObject({ mail_to: 'nobody.bounce@example.com', error_type: '1', error_type_label: 'mailbox does not exist' });
			expect(env.control.log[0].query).toMatchObject({ mail_to: 'nobody.bounce@example.com' });
		});

		test('an invalid recipient fails before any request', async () => {
			env.control.clearLog();
			await expect(
				runUmail(env, { resource: 'statistics', operation: 'getSendLog', date: demoTask(env).date, recipient: 'not-an-address' }),
			).rejects.toThrow('"Recipient" is not a valid email address');
			expect(env.control.log).toHaveLength(0);
		});
	});
});
