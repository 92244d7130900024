import type { IDataObject } from 'n8n-workflow';

import { byId, json, runUmail, useEmulator } from './setup';

describe('Tracking', () => {
	const env = useEmulator({ demoData: true });
	const demo = () => [...env.control.state.tasks.values()][0];
	let overview: IDataObject;

	beforeAll(async () => {
		[overview] = json(
			await runUmail(env, { resource: 'tracking', operation: 'getOverview', selectBy: 'task', task: byId(demo().id) }),
		);
	});

	describe('Get Overview', () => {
		test('by task: maps the send ID to batch number, tracking and statistics IDs, and lists the links', async () => {
			const task = demo();
			expect(overview).toMatchObject({
				send_id: String(task.id),
				batch_number: task.sn,
				tracking_ids: task.parts.map((part: IDataObject) => String(part.trackId)),
				statistics_task_ids: task.parts.map((part: IDataObject) => String(part.statId)),
			});
			expect(overview).not.toHaveProperty('task_sn');
			expect(overview).not.toHaveProperty('link_statistic');
			expect(Number(overview.open_unique)).toBeGreaterThan(0);
			expect((overview.links as IDataObject[]).length).toBeGreaterThan(0);
			expect((overview.links as IDataObject[])[0]).toEqual(
				expect.objectContaining({ link_id: expect.any(String), link: expect.stringMatching(/^https:/) }),
			);
		});

		test('by batch number, with the reference typo </task_sn> after send_id', async () => {
			env.control.setTypoTags(true);
			env.control.clearLog();
			try {
				const [byIdent] = json(
					await runUmail(env, { resource: 'tracking', operation: 'getOverview', selectBy: 'batchNumber', batchNumber: demo().sn }),
				);
				expect(byIdent).toEqual(overview);
				expect(env.control.log[0]).toMatchObject({ file: 'track', do: 'overview', query: { ident: demo().sn } });
			} finally {
				env.control.setTypoTags(false);
			}
		});

		test('an unknown task is an API error', async () => {
			await expect(
				runUmail(env, { resource: 'tracking', operation: 'getOverview', selectBy: 'task', task: byId('424242') }),
			).rejects.toThrow('U-Mail refused Tracking → Get Overview (track.php?do=overview): not_exist');
		});

		test('an empty batch number fails before any request', async () => {
			env.control.clearLog();
			await expect(
				runUmail(env, { resource: 'tracking', operation: 'getOverview', selectBy: 'batchNumber', batchNumber: ' ' }),
			).rejects.toThrow('Item 1: "Batch Number" is required');
			expect(env.control.log).toHaveLength(0);
		});
	});

	describe('Get Opens', () => {
		test('Return All gives one item per opener; Limit and Simplify apply locally', async () => {
			env.control.clearLog();
			const all = json(
				await runUmail(env, { resource: 'tracking', operation: 'getOpens', selectBy: 'task', task: byId(demo().id), returnAll: true, simplify: false }),
			);
			expect(all).toHaveLength(Number(overview.open_unique));
			expect(all[0]).toHaveProperty('browser');
			expect(env.control.log[0]).toMatchObject({ file: 'track', do: 'open-detail', query: { id: String(demo().id) } });

			const two = json(
				await runUmail(env, { resource: 'tracking', operation: 'getOpens', selectBy: 'batchNumber', batchNumber: demo().sn, returnAll: false, limit: 2 }),
			);
			expect(two).toHaveLength(2);
			expect(Object.keys(two[0]).sort()).toEqual(['click_total', 'device', 'email', 'email_id', 'open_first', 'open_last', 'open_total']);
			expect(env.control.log.at(-1)!.query).toMatchObject({ ident: demo().sn });
			expect(env.control.log.at(-1)!.query).not.toHaveProperty('id');
		});
	});

	describe('Get Clicks', () => {
		test('narrowed to one link', async () => {
			const link = (overview.links as IDataObject[])[0];
			env.control.clearLog();
			const clicks = json(
				await runUmail(env, {
					resource: 'tracking',
					operation: 'getClicks',
					selectBy: 'task',
					task: byId(demo().id),
					returnAll: true,
					options: { linkId: String(link.link_id) },
				}),
			);
			expect(clicks).toHaveLength(Number(link.click_unique));
			expect(clicks.every((click) => click.link === link.link)).toBe(true);
			expect(env.control.log[0]).toMatchObject({ do: 'click-detail', query: { id: String(demo().id), link_id: link.link_id } });
		});
	});

	describe('Get Link Stats', () => {
		test('one item per link, as the overview counts them', async () => {
			env.control.clearLog();
			const links = json(
				await runUmail(env, { resource: 'tracking', operation: 'getLinkStats', selectBy: 'batchNumber', batchNumber: demo().sn, returnAll: true }),
			);
			expect(links).toEqual(overview.links);
			expect(env.control.log[0]).toMatchObject({ do: 'link-stat', query: { ident: demo().sn } });
		});
	});

	describe('Export Tracked Addresses', () => {
		test('rows named by the file header, date-times kept whole', async () => {
			const trackingIds = (overview.tracking_ids as string[]).join(',');
			env.control.clearLog();
			const rows = json(await runUmail(env, { resource: 'tracking', operation: 'exportTrackedAddresses', trackingIds, output: 'items' }));
			expect(rows).toHaveLength(Number(overview.open_unique));
			expect(rows[0]).toMatchObject({ email: expect.stringContaining('@'), open_first: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/) });
			expect(env.control.log[0]).toMatchObject({ file: 'trackexport', query: { track_id: trackingIds } });
		});

		test('clicked only, as one file', async () => {
			const trackingIds = (overview.tracking_ids as string[]).join(', ');
			env.control.clearLog();
			const out = await runUmail(env, {
				resource: 'tracking',
				operation: 'exportTrackedAddresses',
				trackingIds,
				output: 'file',
				options: { clickedOnly: true },
			});
			expect(out).toHaveLength(1);
			expect(out[0].json.rows).toBe(Number(overview.click_unique));
			const text = Buffer.from(out[0].binary!.data.data, 'base64').toString('utf8');
			expect(text.split('\n')[0]).toContain('email');
			expect(env.control.log[0].query).toMatchObject({ track_id: (overview.tracking_ids as string[]).join(','), is_click: '1' });
		});

		test('an unknown tracking ID is an API error; Continue On Fail keeps going', async () => {
			const out = await runUmail(
				env,
				{ resource: 'tracking', operation: 'exportTrackedAddresses', trackingIds: '1', output: 'items' },
				{ continueOnFail: true },
			);
			expect(out[0].json.error).toContain('not_exist');
		});
	});
});
