/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
import type { INodeExecutionData } from 'n8n-workflow';

import { byId, json, runUmail, useEmulator } from './setup';

const binary = (text: string, fileName: string) => ({
	data: Buffer.from(text).toString('base64'),
	mimeType: 'application/pdf',
	fileName,
});

describe('Template', () => {
	const env = useEmulator();

	async function createTemplate(extra: Record<string, unknown> = {}, items?: INodeExecutionData[]) {
		const [created] = json(
			await runUmail(
				env,
				{
					resource: 'template',
					operation: 'create',
					name: 'Offer',
					subjects: ['Subject A', 'Subject B'],
					content: '<p>Hello <a href="https://example.com/x">x</a></p>',
					...extra,
				},
				{ items },
			),
		);
		return created;
	}

	test('create joins A/B subjects with | and returns the new id', async () => {
		env.control.clearLog();
		const created = await createTemplate({ additionalFields: { textContent: 'Hello', encoding: 'quoted-printable' } });
		expect(created).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: 'Offer', subjects: ['Subject A', 'Subject B'] });
		const [entry] = env.control.log;
		expect(entry).toMatchObject({ method: 'POST', file: 'template', do: 'add-tpl' });
		expect(entry.body).toEqual({
			name: 'Offer',
			subject: 'Subject A|Subject B',
			content: '<p>Hello <a href="https://example.com/x">x</a></p>',
			text_content: 'Hello',
			encoding: 'quoted-printable',
		});

		const [fetched] = json(await runUmail(env, { resource: 'template', operation: 'get', template: byId(created.id as string) }));
		expect(fetched).toMatchObject({ id: created.id, name: 'Offer', attachments: [] });
		expect((fetched.subjects as Array<{ name: string }>).map((s) => s.name)).toEqual(['Subject A', 'Subject B']);
	});

	test('create uploads binary fields as file[] (multipart)', async () => {
		env.control.clearLog();
		const created = await createTemplate({ additionalFields: { attachments: 'price, terms' } }, [
			{ json: {}, binary: { price: binary('price list', 'price.pdf'), terms: binary('terms', 'terms.pdf') } },
		]);
		expect(created.attachments).toEqual(['price.pdf', 'terms.pdf']);
		expect(env.control.log[0].body['file[]']).toMatchObject({ filename: expect.stringMatching(/\.pdf$/) });
		const [fetched] = json(await runUmail(env, { resource: 'template', operation: 'get', template: byId(created.id as string) }));
		expect((fetched.attachments as Array<{ name: string }>).map((a) => a.name)).toEqual(['price.pdf', 'terms.pdf']);
	});

	test('create with a missing binary field fails before any request', async () => {
		env.control.clearLog();
		await expect(createTemplate({ additionalFields: { attachments: 'nope' } })).rejects.toThrow(/nope/);
		expect(env.control.log).toHaveLength(0);
	});

	test('get many lists templates with nested lists as arrays; Simplify drops the content', async () => {
		await createTemplate({ subjects: ['Only one'] });
		const all = json(await runUmail(env, { resource: 'template', operation: 'getMany', returnAll: true, simplify: false }));
		expect(all.length).toBeGreaterThanOrEqual(3);
		for (const t of all) {
			expect(Array.isArray(t.subjects)).toBe(true);
			expect(Array.isArray(t.attachments)).toBe(true);
			expect(typeof t.content).toBe('string');
		}
		const slim = json(await runUmail(env, { resource: 'template', operation: 'getMany', returnAll: false, limit: 2 }));
		expect(slim).toHaveLength(2);
		expect(slim[0]).not.toHaveProperty('content');
		expect(slim[0]).toHaveProperty('subjects');
		expect(env.control.log.at(-1)).toMatchObject({ do: 'list-tpl', query: expect.not.objectContaining({ tpl_id: expect.anything() }) });
	});

	test('get of an unknown template names the field', async () => {
		await expect(runUmail(env, { resource: 'template', operation: 'get', template: byId('999999') })).rejects.toThrow(
			'Item 1: "Template" was not found',
		);
	});

	test('get check status: checking at first, labelled', async () => {
		const created = await createTemplate();
		env.control.clearLog();
		const [status] = json(
			await runUmail(env, { resource: 'template', operation: 'getCheckStatus', template: byId(created.id as string) }),
		);
		expect(env.control.log[0]).toMatchObject({ do: 'get-tpl-status', query: expect.objectContaining({ tpl_id: created.id }) });
		expect(status).toMatchObject({ id: created.id, status: '-1', status_label: 'checking', checked: false, usable: false });
	});

	test('get check status waits until the check is over', async () => {
		const created = await createTemplate();
		env.control.clearLog();
		// the emulator's check takes 60 simulated seconds: let them pass while the node waits
		const timer = setTimeout(() => env.control.clock.advance(61_000), 300);
		try {
			const [status] = json(
				await runUmail(env, {
					resource: 'template',
					operation: 'getCheckStatus',
					template: byId(created.id as string),
					waitForCheck: true,
					maxWait: 20,
					pollInterval: 1,
				}),
			);
			expect(status).toMatchObject({ status: '1', status_label: 'passed', colour: 'green', checked: true, usable: true });
			expect(status.size_status).toBe('1');
			expect(env.control.log.filter((e) => e.do === 'get-tpl-status').length).toBeGreaterThanOrEqual(2);
		} finally {
			clearTimeout(timer);
		}
	});

	test('get check status gives up after Max Wait', async () => {
		const created = await createTemplate();
		await expect(
			runUmail(env, {
				resource: 'template',
				operation: 'getCheckStatus',
				template: byId(created.id as string),
				waitForCheck: true,
				maxWait: 1,
				pollInterval: 1,
			}),
		).rejects.toThrow(`template ${String(created.id)} is still being checked`);
	});

	test('update posts only the changed fields; needs name, subjects or content', async () => {
		const created = await createTemplate();
		const id = created.id as string;
		env.control.clearLog();
		await expect(
			runUmail(env, { resource: 'template', operation: 'update', template: byId(id), updateFields: { textContent: 'x' } }),
		).rejects.toThrow('Item 1: "Update Fields" is missing: set one of "Name", "Subjects", "Content (HTML)"');
		expect(env.control.log).toHaveLength(0);

		const [updated] = json(
			await runUmail(env, {
				resource: 'template',
				operation: 'update',
				template: byId(id),
				updateFields: { subjects: ['New A', 'New B', 'New C'] },
			}),
		);
		expect(updated).toMatchObject({ success: true, id });
		expect(env.control.log[0]).toMatchObject({ method: 'POST', do: 'edit-tpl', query: expect.objectContaining({ tpl_id: id }) });
		expect(env.control.log[0].body).toEqual({ subject: 'New A|New B|New C' });
		const [fetched] = json(await runUmail(env, { resource: 'template', operation: 'get', template: byId(id) }));
		expect((fetched.subjects as unknown[]).length).toBe(3);
	});

	test('add attachments, delete one, then all', async () => {
		const created = await createTemplate();
		const id = created.id as string;
		env.control.clearLog();
		const [added] = json(
			await runUmail(
				env,
				{ resource: 'template', operation: 'addAttachments', template: byId(id), binaryPropertyNames: 'data' },
				{ items: [{ json: {}, binary: { data: binary('x', 'a.pdf') } }] },
			),
		);
		expect(added).toMatchObject({ success: true, id, attachments: ['a.pdf'] });
		expect(env.control.log[0]).toMatchObject({ method: 'POST', do: 'tpl-attachment-add', query: expect.objectContaining({ tpl_id: id }) });
		expect(env.control.log[0].body.file).toMatchObject({ filename: 'a.pdf', size: 1 });
		await runUmail(
			env,
			{ resource: 'template', operation: 'addAttachments', template: byId(id), binaryPropertyNames: 'b, c' },
			{ items: [{ json: {}, binary: { b: binary('bb', 'b.pdf'), c: binary('cc', 'c.pdf') } }] },
		);

		const attachmentsOf = async () =>
			json(await runUmail(env, { resource: 'template', operation: 'get', template: byId(id) }))[0].attachments as Array<{
				id: string;
				name: string;
			}>;
		const before = await attachmentsOf();
		expect(before.map((a) => a.name)).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);

		env.control.clearLog();
		const [removed] = json(
			await runUmail(env, {
				resource: 'template',
				operation: 'deleteAttachment',
				template: byId(id),
				scope: 'one',
				attachmentId: before[0].id,
			}),
		);
		expect(removed).toMatchObject({ success: true, id, attachmentId: before[0].id });
		expect(env.control.log[0]).toMatchObject({ do: 'tpl-attachment-del', query: expect.objectContaining({ attachment_id: before[0].id }) });
		expect((await attachmentsOf()).map((a) => a.name)).toEqual(['b.pdf', 'c.pdf']);

		env.control.clearLog();
		await runUmail(env, { resource: 'template', operation: 'deleteAttachment', template: byId(id), scope: 'all' });
		expect(env.control.log[0].query).toMatchObject({ tpl_id: id, attachment_id: 'all' });
		expect(await attachmentsOf()).toEqual([]);
	});

	test('delete, then the API error for the missing template', async () => {
		const created = await createTemplate();
		const id = created.id as string;
		const [removed] = json(await runUmail(env, { resource: 'template', operation: 'delete', template: byId(id) }));
		expect(removed).toEqual({ deleted: true, id });
		expect(env.control.log.at(-1)).toMatchObject({ do: 'del-tpl', query: expect.objectContaining({ tpl_id: id }) });
		await expect(runUmail(env, { resource: 'template', operation: 'delete', template: byId(id) })).rejects.toThrow(/not_exist/);
		const [failed] = json(
			await runUmail(env, { resource: 'template', operation: 'getCheckStatus', template: byId(id) }, { continueOnFail: true }),
		);
		expect(failed.error).toMatch(/not_exist/);
	});
});
