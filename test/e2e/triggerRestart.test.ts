/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * The U-Mail Trigger across real restarts of n8n 2.41.1 (one user folder, one database): active with a 1-minute poll
 * (n8n's shortest), n8n stopped and started after the activation poll (a null poll, saved at activation), after an
 * emitting poll, after a scheduled null poll (its state held in memory only), and while events keep arriving. Every
 * event (an unsubscribe, injected through the emulator's state) must be emitted exactly once, counted from the
 * executions n8n recorded.
 *
 * n8n polls on activation, also when it starts with the workflow active, so each restart is also a poll; only the
 * scheduled null poll needs a wait for the minute.
 */
import {
	TIMEOUT,
	N8nInstance,
	buildError,
	ensureN8nSync,
	getRealPack,
	makeWorkflow,
	startEmulator,
	umailCredential,
	type Emulator,
} from './harness';

// under CI=true a missing n8n throws here (harness), never a skip
const n8n = ensureN8nSync();
const describeN8n = n8n ? describe : describe.skip;

const CRED = { id: 'umailRestartCred', name: 'U-Mail restart e2e' };

describeN8n(`U-Mail Trigger across restarts of n8n ${n8n?.version}`, () => {
	let emu: Emulator;
	let inst: N8nInstance;
	let listId: number;
	const WF = 'umailRestart0001';
	const st = () => emu.control.state;
	const list = () => st().getList(emu.control.customerOf('demo'), listId);
	const polls = () => emu.control.log.filter((e: any) => e.do === 'unsubscribe-export' && String(e.query.id) === String(listId)).length;
	let counter = 0;
	/** one new unsubscribe, a second after the previous one (the export has one-second times) */
	const unsubscribe = () => {
		emu.control.clock.advance(1000);
		const email = `gone${++counter}@example.com`;
		st().unsubscribe(list(), email);
		return email;
	};

	const waitFor = async <T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number): Promise<T> => {
		const t0 = Date.now();
		for (;;) {
			const v = await fn();
			if (v !== undefined && v !== false) return v as T;
			if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
			await new Promise((r) => setTimeout(r, 500));
		}
	};

	/** every email the trigger emitted, in order, over all finished executions */
	const emitted = async (): Promise<string[]> => {
		const runs = (await inst.executions(WF)) as any[];
		const out: string[] = [];
		for (const run of [...runs].sort((a, b) => Number(a.id) - Number(b.id))) {
			const { result } = await inst.execution(run.id);
			out.push(...result.items('U-Mail Trigger').map((item: any) => item.email));
		}
		return out;
	};
	const finished = async (count: number) => {
		const runs = (await inst.executions(WF)) as any[];
		return runs.length >= count && runs.every((r) => r.status !== 'running' && r.status !== 'new') ? runs : undefined;
	};

	beforeAll(async () => {
		const pack = getRealPack();
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
		emu = (await startEmulator({ now: Date.now() })) as Emulator;
		listId = emu.control.createList('Restart e2e');
		st().unsubscribe(list(), 'before@example.com');
		inst = await N8nInstance.create({ tarballs: [pack.tarball] });
		await inst.importCredentials([umailCredential({ ...CRED, baseUrl: emu.url })]);
		await inst.importWorkflows([
			makeWorkflow({
				id: WF,
				name: 'Trigger restart e2e',
				nodes: [
					{
						name: 'U-Mail Trigger',
						type: 'n8n-nodes-umail.umailTrigger',
						parameters: {
							pollTimes: { item: [{ mode: 'everyMinute' }] },
							event: 'newUnsubscribe',
							listScope: 'chosen',
							lists: { values: [{ contactList: { __rl: true, mode: 'id', value: String(listId) } }] },
						},
						credentials: { umailApi: CRED },
					},
				],
			}),
		]);
		await inst.start();
	}, TIMEOUT.build + TIMEOUT.start);

	afterAll(async () => {
		await inst?.cleanup();
		await emu?.stop();
	}, TIMEOUT.execute);

	it(
		'emits every unsubscribe exactly once through restarts after a null, an emitting and a scheduled null poll',
		async () => {
			const events: string[] = [];
			// activation: the first poll only remembers what exists (a null poll, saved at activation)
			expect((await inst.activate(WF)).active).toBe(true);
			await waitFor('the activation poll', () => polls() >= 1, 30_000);

			// restart after that null poll: the event that came meanwhile is emitted by the poll n8n makes on start
			events.push(unsubscribe());
			await inst.restart();
			await waitFor('execution 1', () => finished(1), 60_000);
			expect(await emitted()).toEqual(events);

			// restart after an emitting poll, an event arriving while n8n is down
			await inst.stop();
			events.push(unsubscribe());
			await inst.restart();
			await waitFor('execution 2', () => finished(2), 60_000);
			expect(await emitted()).toEqual(events);

			// a scheduled poll with nothing new (null: its state stays in memory), then a restart with events arriving
			// just before the stop and right after the start
			const before = polls();
			await waitFor('a scheduled null poll', () => polls() > before, 75_000);
			await new Promise((r) => setTimeout(r, 1500));
			expect((await inst.executions(WF)).length).toBe(2);
			events.push(unsubscribe());
			await inst.stop();
			events.push(unsubscribe());
			await inst.restart();
			events.push(unsubscribe());
			await waitFor('execution 3', () => finished(3), 60_000);

			// events keep arriving: the next scheduled poll takes the rest
			events.push(unsubscribe());
			const all = await waitFor('every event', async () => {
				const seen = await emitted();
				return seen.length >= events.length && (await finished(1)) ? seen : undefined;
			}, 90_000);
			expect([...all].sort()).toEqual([...events].sort());
			expect(new Set(all).size).toBe(all.length);
			expect(all).not.toContain('before@example.com');
			// eslint-disable-next-line no-console
			console.log(`[e2e] trigger restarts: ${events.length} events, ${(await inst.executions(WF)).length} executions, ${polls()} polls`);
		},
		6 * 60_000,
	);
});
