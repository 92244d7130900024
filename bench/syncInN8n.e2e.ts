/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
/*
 * A measurement, not a test (so it lives in bench/, outside npm test and test:n8n1): Sync Members of 100,000 contacts inside a real n8n 2.41.1 (`n8n execute`), with
 * per-item output and with Summary Only, beside the same workflow without the sync (the Code node's 100,000 items alone).
 * Reports execution time (the CLI call) and the n8n process's peak RSS (VmHWM, sampled from /proc every 100 ms).
 *   npx jest --runInBand --testMatch '**' bench/syncInN8n.e2e.ts
 */
import * as fs from 'fs';

import { TIMEOUT, ensureN8nSync, makeWorkflow, ok, packedN8nWithEmulator, type Emulator, type N8nInstance } from '../test/e2e/harness';

const N = 100_000;
const CRED = { id: 'umailScaleCred01', name: 'U-Mail scale' };
const n8n = ensureN8nSync();
const describeN8n = n8n ? describe : describe.skip;

/** the highest VmHWM of processes whose command line holds `marker`, while `work` runs */
async function peakRss<T>(marker: string, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
	let peak = 0;
	const sample = () => {
		for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
			try {
				if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
				const kb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
				peak = Math.max(peak, kb);
			} catch {
				// the process ended between the listing and the read
			}
		}
	};
	const timer = setInterval(sample, 100);
	try {
		const result = await work();
		return { result, peakMb: peak / 1024 };
	} finally {
		clearInterval(timer);
	}
}

describeN8n('Sync Members of 100,000 contacts in n8n', () => {
	let emu: Emulator;
	let inst: N8nInstance;
	let listId: number;
	beforeAll(async () => {
		({ emu, inst } = await packedN8nWithEmulator(CRED));
		listId = emu.control.createList('scale') as number;
		const st = emu.control.state;
		const rows = Array.from({ length: N }, (_, i) => ({ address: `c${i}@scale.example.com`, fullname: `Contact ${i}` }));
		st.addRows(st.getList(emu.control.customerOf('demo'), listId), rows);
	}, TIMEOUT.build + TIMEOUT.execute);
	afterAll(async () => {
		await inst?.cleanup();
		await emu?.stop();
	}, TIMEOUT.execute);

	const contacts = {
		name: 'CRM',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { mode: 'runOnceForAllItems', jsCode: `return Array.from({ length: ${N} }, (_, i) => ({ json: { email: \`c\${i}@scale.example.com\`, name: \`Contact \${i}\` } }));` },
	};
	const sync = (output: string) => ({
		name: 'Sync',
		type: 'n8n-nodes-umail.umail',
		parameters: { resource: 'contactList', operation: 'syncMembers', contactList: { __rl: true, mode: 'id', value: String(listId) }, mode: 'mirror', output },
		credentials: { umailApi: CRED },
	});

	it(
		'no change at 100,000: baseline, per-item output, Summary Only',
		async () => {
			const figures: Record<string, unknown> = {};
			for (const [key, nodes] of [
				['codeOnly', [contacts]],
				['items', [contacts, sync('items')]],
				['summary', [contacts, sync('summary')]],
			] as const) {
				const id = `umailScale${key.padEnd(6, '0').slice(0, 6)}`;
				const workflow = makeWorkflow({ id, nodes: nodes as never });
				await inst.importWorkflows([workflow]);
				emu.control.clearLog();
				const { result, peakMb } = await peakRss(`--id=${id}`, async () => await inst.execute(id, { timeoutMs: 900_000 }));
				const res = ok(result);
				// the CLI's printout of 100,000+ items is not kept whole: the emulator's log says what the sync did
				const calls = emu.control.log.map((entry: { do: string | null }) => entry.do);
				if (key !== 'codeOnly') expect(calls.sort()).toEqual(['ml-addr-list', 'unsubscribe-export']);
				figures[key] = { ms: res.ms, peakRssMb: Math.round(peakMb), calls: calls.length };
			}
			// eslint-disable-next-line no-console
			console.log(`[scale] ${JSON.stringify(figures)}`);
		},
		30 * 60_000,
	);
});
