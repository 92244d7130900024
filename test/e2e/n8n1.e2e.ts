/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * The pack in a real n8n 1.x (N8N1_VERSION, default n8n-env's N8N1_VERSION, under Node 24), installed from the packed
 * tarball, against the emulator: a subset of the 2.x e2e. One workflow per resource, network faults (retried, then
 * named with their code), and in a running n8n the example webhook creating a send task whose completion fires the
 * trigger of the hygiene example. `npm run test:n8n1` (and .ci/run) runs it; `npm test` does not. It never skips: a
 * missing n8n fails it.
 */
import {
	TIMEOUT,
	N8nInstance,
	buildError,
	ensureN8nSync,
	exampleWorkflows,
	getRealPack,
	makeWorkflow,
	ok,
	n8nEnv,
	n8nUnavailableReason,
	startEmulator,
	umailCredential,
	type Emulator,
	type ExecuteResult,
} from './harness';
import { RESOURCES, resourceTour, umailNode } from './resources';

const VERSION = process.env.N8N1_VERSION || n8nEnv.N8N1_VERSION;
const n8n = ensureN8nSync(VERSION);

const CRED = { id: 'umailcred000001', name: 'U-Mail e2e' };
const REFUSED_CRED = { id: 'umailRefused0001', name: 'U-Mail closed port' };
const MAILBOX = 'news@mail.verified-demo.example.com';

/** The error n8n stored for a node of a failed run: message and description. */
const nodeError = (res: ExecuteResult, node: string) => res.runData[node]?.[0]?.error ?? {};

describe(`the pack in n8n ${VERSION} (Node ${n8n?.nodeVersion})`, () => {
	let emu: Emulator;
	let inst: N8nInstance;
	const st = () => emu.control.state;
	const list = (id: string | number) => st().getList(emu.control.customerOf('demo'), id);

	beforeAll(async () => {
		if (!n8n) throw new Error(`n8n ${VERSION} is not available: ${n8nUnavailableReason()}`);
		expect(n8n.version).toBe(VERSION);
		const pack = getRealPack();
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
		emu = (await startEmulator({ now: Date.now() })) as Emulator;
		inst = await N8nInstance.create({ tarballs: [pack.tarball], version: VERSION });
		await inst.importCredentials([
			umailCredential({ ...CRED, baseUrl: emu.url }),
			umailCredential({ ...REFUSED_CRED, baseUrl: 'http://127.0.0.1:1/mm-ms/apinew' }),
		]);
	}, TIMEOUT.install + TIMEOUT.build);

	afterAll(async () => {
		await inst?.cleanup();
		await emu?.stop();
	}, TIMEOUT.execute);

	it(
		'one workflow per resource: each answers as in n8n 2.x',
		async () => {
			const tour = resourceTour(emu, CRED);
			expect(tour.map((c) => c.resource).sort()).toEqual([...RESOURCES].sort());
			const workflows = tour.map((c) => makeWorkflow({ name: `1.x ${c.resource}`, nodes: [c.node] }));
			await inst.importWorkflows(workflows);
			const runs = await inst.executeBatch(workflows.map((w) => w.id));
			for (const [i, c] of tour.entries()) c.check(ok(runs[workflows[i].id]).items(c.node.name));
		},
		RESOURCES.length * TIMEOUT.execute,
	);

	describe('network faults', () => {
		const getLists = makeWorkflow({
			name: '1.x network fault',
			nodes: [umailNode(CRED, 'Contact lists', { resource: 'contactList', operation: 'getMany', returnAll: true }, { alwaysOutputData: false })],
		});
		const refused = makeWorkflow({
			name: '1.x refused connection',
			nodes: [umailNode(REFUSED_CRED, 'Account', { resource: 'account', operation: 'getInfo' }, { alwaysOutputData: false })],
		});
		const listRequests = () => emu.control.log.filter((e: any) => e.do === 'maillist-list');

		beforeAll(async () => {
			await inst.importWorkflows([getLists, refused]);
		}, TIMEOUT.execute);

		beforeEach(() => emu.control.clearLog());

		it(
			'a connection reset on a read is retried and the read succeeds',
			async () => {
				emu.control.faults.next('reset', 1, { only: (e: any) => e.do === 'maillist-list' });
				const res = ok(await inst.execute(getLists.id));
				expect(res.items('Contact lists').map((l) => Number(l.id)).sort()).toEqual([...emu.control.customerOf('demo').lists.keys()].sort());
				expect(listRequests().map((e: any) => e.fault)).toEqual(['reset', null]);
			},
			TIMEOUT.execute,
		);

		it(
			'resets on every attempt: the read is asked three times, then the reset is named with its code',
			async () => {
				emu.control.faults.next('reset', 3, { only: (e: any) => e.do === 'maillist-list' });
				const res = await inst.execute(getLists.id);
				expect(res.code).not.toBe(0);
				expect(listRequests().map((e: any) => e.fault)).toEqual(['reset', 'reset', 'reset']);
				const error = nodeError(res, 'Contact lists');
				expect(error.description).toBe('Error code: ECONNRESET');
				expect(`${error.message} ${JSON.stringify(error.messages ?? [])}`).toContain(
					'U-Mail could not be reached for Contact List → Get Many (mloperate.php?do=maillist-list): the connection was reset by the server',
				);
			},
			TIMEOUT.execute,
		);

		it(
			'a refused connection is named with its code and points at the API Base URL',
			async () => {
				const res = await inst.execute(refused.id);
				expect(res.code).not.toBe(0);
				const error = nodeError(res, 'Account');
				expect(error.description).toBe('Error code: ECONNREFUSED');
				expect(`${error.message} ${JSON.stringify(error.messages ?? [])}`).toContain('check the API Base URL of the credential');
			},
			TIMEOUT.execute,
		);
	});

	describe('in a running n8n (n8n start)', () => {
		const examples = exampleWorkflows(CRED).filter((w) => ['umailExWebhook01', 'umailExHygiene01'].includes(w.id));
		const waitFor = async <T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> => {
			const t0 = Date.now();
			for (;;) {
				const v = await fn();
				if (v !== undefined) return v;
				if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
				await new Promise((r) => setTimeout(r, 1000));
			}
		};
		const finished = (id: string, n: number) => async () => {
			const e = await inst.executions(id);
			return e.length === n && e.every((x: any) => x.status !== 'running' && x.status !== 'new') ? e : undefined;
		};

		beforeAll(async () => {
			expect(examples).toHaveLength(2);
			await inst.importWorkflows(examples);
			await inst.start();
		}, TIMEOUT.start);

		it(
			'the webhook example creates a send task; its completion fires the trigger, whose workflow unsubscribes the hard bounces',
			async () => {
				const polls = () => emu.control.log.filter((e: any) => e.do === 'list-task' && e.query.state === '3').length;
				const before = polls();
				for (const w of examples) expect((await inst.activate(w.id)).active).toBe(true);
				await waitFor('the first poll', async () => (polls() > before ? true : undefined), 20_000);

				const listId = emu.control.createList('Hygiene 1.x');
				st().addRows(list(listId), [
					{ address: 'keep.deliverok1@example.com', fullname: 'Keep 1' },
					{ address: 'gone.bounce1@example.com', fullname: 'Gone 1' },
					{ address: 'keep.open2@example.com', fullname: 'Keep 2' },
				]);
				const template = [...st().templates.values()].find((t: any) => t.name === 'Welcome');
				const post = await fetch(`${inst.running!.url}/webhook/umail-send-task`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ templateId: String(template.id), contactListId: String(listId), senderMailbox: MAILBOX, senderName: 'Hygiene' }),
				});
				expect(post.status).toBe(201);
				const { taskId } = (await post.json()) as { taskId: string };
				expect(st().tasks.get(Number(taskId)).listIds.map(String)).toEqual([String(listId)]);
				await waitFor('the webhook execution', finished('umailExWebhook01', 1), 20_000);

				emu.control.completeTask(taskId);
				// n8n polls once a minute
				const [run] = await waitFor('the hygiene execution', finished('umailExHygiene01', 1), 150_000);
				expect(run.status).toBe('success');
				const { result } = await inst.execution(run.id);
				expect(result.items('U-Mail Trigger')).toEqual([expect.objectContaining({ id: taskId, send_status: '3', list_id: String(listId) })]);
				expect(result.items('Unsubscribe from list')).toEqual([expect.objectContaining({ contactListId: String(listId), emails: ['gone.bounce1@example.com'] })]);
				expect([...list(listId).addrs.keys()].sort()).toEqual(['keep.deliverok1@example.com', 'keep.open2@example.com']);
			},
			4 * 60_000,
		);
	});
});
