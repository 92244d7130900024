/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * The fake model speaks what n8n's OpenAI Chat Model node sends (langchain's ChatOpenAI and the openai SDK, the copies
 * n8n 2.41.1 ships): plain answers and server-sent chunks (a streaming chat), tool calls and text, and /models.
 */
import { execFile } from 'child_process';
import * as path from 'path';

import { ensureN8nSync } from '../e2e/harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFakeModel } = require('./fakeModel');

// under CI=true a missing n8n throws here, so the file fails
const n8n = ensureN8nSync();

(n8n ? describe : describe.skip)('fake OpenAI-compatible model', () => {
	const text = 'A final answer long enough to arrive in several chunks of forty characters.';
	let model: { url: string; requests: any[]; stop(): Promise<void> };

	beforeAll(async () => {
		model = await startFakeModel({
			respond: (body: any) => (body.tools ? { toolCalls: [{ name: 'Find_tasks', arguments: { date: '2026-12-01' } }] } : { content: text }),
		});
	});
	afterAll(async () => await model?.stop());

	test('the clients n8n ships get tool calls and text, plain and streamed', async () => {
		// with n8n's own Node 24 and clients
		const client = path.join(__dirname, 'chatOpenAiClient.js');
		// async: the fake model answers from this process
		const stdout = await new Promise<string>((resolve, reject) =>
			execFile(n8n!.node, [client, path.join(n8n!.dir, 'node_modules', '@n8n', 'n8n-nodes-langchain'), `${model.url}/v1`], { timeout: 60_000 }, (error, out, err) =>
				error ? reject(new Error(`client failed: ${error.message}\n${String(err).slice(-2000)}`)) : resolve(out),
			),
		);
		const got = JSON.parse(stdout);
		const expected = { toolCalls: [{ name: 'Find_tasks', args: { date: '2026-12-01' } }], text };
		expect(got).toEqual({ plain: expected, streamed: expected });
		const chats = model.requests.filter((r) => r.path === '/v1/chat/completions');
		expect(chats.map((r) => Boolean(r.body.stream))).toEqual([false, false, true, true]);
		expect(chats[0].body).toMatchObject({ model: 'fake-model', tools: [expect.objectContaining({ type: 'function' })] });
		expect(JSON.stringify(model.requests)).not.toContain('sk-test');
	}, 90_000);

	test('lists its models for the credential test', async () => {
		const r = await fetch(`${model.url}/v1/models`, { headers: { authorization: 'Bearer sk-test' } });
		expect(await r.json()).toEqual({ object: 'list', data: [expect.objectContaining({ id: 'fake-model', object: 'model' })] });
	});
});
