/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
/**
 * One measured scenario per process (bundled by bench/run.js with esbuild, run with --expose-gc): the U-Mail node, or
 * the naive n8n way, through n8n-core against the emulator (which runs in another process). Reports over IPC:
 * wall time, peak RSS growth (VmHWM, reset after setup), and the items' own size.
 */
import * as fs from 'node:fs';

import type { IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { XMLParser } from 'fast-xml-parser';

import { Umail } from '../nodes/Umail/Umail.node';
import { findOperation } from '../nodes/Umail/actions/router';
import { streamDecoders } from '../nodes/Umail/shared/stream';
import { transportSettings, type UmailRequest } from '../nodes/Umail/shared/transport';
import { runNode, runPoll } from '../test/helpers/n8n';
import { chunkedDecodeXmlStream } from './chunkedDecoder';
import { memberScenarios, type MembersInput } from './members';
import { decodeWith, fetchPieces } from './decoders';
import { HttpRequestLike, XmlLike } from './naive';
import { checkStream } from './stream-check';

export interface ScenarioInput {
	scenario: string;
	url: string;
	n?: number;
	listId?: number;
	importAbove?: number;
	date?: string;
	ident?: string;
	taskId?: number;
	stream?: boolean;
	/** opens-pack: `chunked` for the streamed decoder before xmlTree.ts; decode: which decoder (bench/decoders.ts) */
	decoder?: string;
	/** when set, the scenario compares its records with this many of the whole-document decode */
	verify?: boolean;
	parameters?: INodeParameters;
	triggerPath?: string;
	/** members suite: contacts from..from+n, the sync's output and mode */
	from?: number;
	output?: MembersInput['output'];
	mode?: MembersInput['mode'];
}

export interface ScenarioResult {
	wallMs: number;
	/** CPU time of the measured part (all threads: the garbage collector's helpers too) */
	cpuMs?: number;
	/** bytes decoded (decode scenarios) */
	bytes?: number;
	rssGrowthMb: number;
	itemsMb?: number;
	/** heap still taken after the run (the output items as the node made them), between two full collections */
	keptMb?: number;
	items: number;
	note?: string;
	error?: string;
}

const USER = 'demo';
const PASSWORD = 'demo-pass';
const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function status(field: string): number {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
	return match ? Number(match[1]) * 1024 : 0;
}

/** Resets the kernel's peak-RSS counter (VmHWM) to the current RSS; answers that RSS. */
function resetPeak(): number {
	gc();
	try {
		fs.writeFileSync('/proc/self/clear_refs', '5');
	} catch {
		// older kernels: the peak then includes setup; the baseline below stays correct
	}
	return status('VmRSS');
}

/** The heap the items take on their own: a fresh deep copy, measured between two full collections. */
function ownSize(items: INodeExecutionData[]): number {
	gc();
	const before = process.memoryUsage().heapUsed;
	const copy = structuredClone(items);
	gc();
	const size = process.memoryUsage().heapUsed - before;
	return copy.length >= 0 ? size : 0;
}

const credentials = (input: ScenarioInput) => ({ umailApi: { username: USER, password: PASSWORD, baseUrl: input.url } as never });

async function umail(input: ScenarioInput, parameters: INodeParameters, items?: INodeExecutionData[]) {
	const [output] = await runNode(new Umail(), { parameters, items, credentials: credentials(input) });
	return output;
}

async function naive(type: INodeType, parameters: INodeParameters, items?: INodeExecutionData[]) {
	const [output] = await runNode(type, { parameters, items });
	return output;
}

const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

function contacts(n: number): INodeExecutionData[] {
	const items: INodeExecutionData[] = new Array(n);
	for (let i = 0; i < n; i++) items[i] = { json: { email: `contact${i}@crm.example.com`, name: `Contact ${i}`, company: 'Example Ltd', phone: `+86 10 5555 ${String(i).padStart(6, '0')}` } };
	return items;
}

/** Makes an operation ask for its answer streamed (or not), whatever its file says, for before/after figures. */
function forceStream(resource: string, operation: string, records: string, on: boolean) {
	const op = findOperation(resource, operation);
	if (!op?.request) throw new Error(`no operation ${resource}.${operation}`);
	const original = op.request;
	op.request = (p, page) => {
		const request: UmailRequest = { ...original(p, page) };
		if (on) request.stream = { records };
		else delete request.stream;
		return request;
	};
}

type Run = (input: ScenarioInput) => Promise<{ items: INodeExecutionData[]; note?: string; keep?: unknown; bytes?: number }>;

const scenarios: Record<string, { setup?: (input: ScenarioInput) => unknown; run: Run }> = {
	// 1. CRM-to-list sync
	'sync-pack': {
		setup: (input) => contacts(input.n!),
		run: async (input) => {
			const options: IDataObject = input.importAbove ? { importAbove: input.importAbove } : {};
			const items = await umail(
				input,
				{ resource: 'address', operation: 'addMany', contactList: byId(input.listId!), email: '={{ $json.email }}', name: '={{ $json.name }}', options: options as never },
				prepared as INodeExecutionData[],
			);
			const statuses: Record<string, number> = {};
			for (const item of items) statuses[String(item.json.status)] = (statuses[String(item.json.status)] ?? 0) + 1;
			return { items, note: JSON.stringify(statuses) };
		},
	},
	'sync-naive': {
		setup: (input) => contacts(input.n!),
		run: async (input) => {
			const items = await naive(
				new HttpRequestLike(),
				{
					method: 'POST',
					url: `${input.url}/mloperate.php?do=ml-addr-add&list_id=${input.listId}`,
					user: USER,
					password: PASSWORD,
					body: '={{ JSON.stringify({ address: $json.email, fullname: $json.name }) }}',
				},
				prepared as INodeExecutionData[],
			);
			const failed = items.filter((item) => !String(item.json.data).includes('<status>success</status>')).length;
			return { items, note: failed ? `${failed} answers not success` : undefined };
		},
	},

	// 2a. exports the API offers as JSON or text
	'failed-pack': {
		run: async (input) => ({
			items: await umail(input, { resource: 'statistics', operation: 'exportFailedAddresses', failureType: '-1', selectBy: 'batchNumber', batchNumber: input.ident!, output: 'items' }),
		}),
	},
	'failed-naive-xml': {
		run: async (input) => {
			const fetched = await naive(new HttpRequestLike(), {
				method: 'GET',
				url: `${input.url}/failexport.php?type=-1&task_ident=${input.ident}&out_type=xml`,
				user: USER,
				password: PASSWORD,
			});
			const items = await naive(new XmlLike(), { dataPropertyName: 'data' }, fetched);
			const rows = (items[0]?.json as { fail_recipient_list?: { recipient?: unknown[] } }).fail_recipient_list?.recipient;
			return { items, note: `1 item holding ${Array.isArray(rows) ? rows.length : 0} rows` };
		},
	},

	// 2b. XML-only list answers
	'opens-pack': {
		setup: (input) => {
			forceStream('tracking', 'getOpens', 'data.user', input.stream === true);
			if (input.decoder === 'chunked') streamDecoders.xml = chunkedDecodeXmlStream;
		},
		run: async (input) => ({
			items: await umail(input, { resource: 'tracking', operation: 'getOpens', selectBy: 'task', task: byId(input.taskId!), returnAll: true, simplify: false }),
		}),
	},
	'opens-fxp': {
		run: async (input) => {
			// the reference: the same answer downloaded whole, then one fast-xml-parser parse of the whole document
			const fetched = await naive(new HttpRequestLike(), { method: 'GET', url: `${input.url}/track.php?do=open-detail&id=${input.taskId}`, user: USER, password: PASSWORD });
			const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: false, cdataPropName: '#cdata' });
			const tree = parser.parse(fetched[0].json.data as string) as IDataObject;
			return { items: [{ json: tree }] };
		},
	},
	'opens-naive': {
		run: async (input) => {
			const fetched = await naive(new HttpRequestLike(), { method: 'GET', url: `${input.url}/track.php?do=open-detail&id=${input.taskId}`, user: USER, password: PASSWORD });
			return { items: await naive(new XmlLike(), { dataPropertyName: 'data' }, fetched) };
		},
	},

	// 2c. the decoders alone, on the answer already in memory
	decode: {
		setup: async (input) => await fetchPieces(input.url, input.taskId!, USER, PASSWORD),
		run: async (input) => {
			const pieces = prepared as Buffer[];
			const found = await decodeWith(input.decoder!, pieces);
			return { items: [], note: `${found} ${input.decoder === 'bare' ? 'elements' : 'records'}`, bytes: pieces.reduce((sum, piece) => sum + piece.length, 0) };
		},
	},

	// 3. idle poll of the trigger
	'poll-idle': {
		// the first poll (in setup, not measured) sets the cursor; the measured one finds nothing new
		setup: async (input) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const { UmailTrigger } = require(input.triggerPath!) as { UmailTrigger: new () => INodeType };
			const poller = { trigger: new UmailTrigger(), staticData: {} as IDataObject };
			await runPoll(poller.trigger, { parameters: input.parameters ?? {}, credentials: credentials(input), staticData: poller.staticData });
			return poller;
		},
		run: async (input) => {
			const { trigger, staticData } = prepared as { trigger: INodeType; staticData: IDataObject };
			const result = await runPoll(trigger, { parameters: input.parameters ?? {}, credentials: credentials(input), staticData });
			return { items: result?.[0] ?? [], note: result ? `${result[0].length} items (expected none)` : undefined };
		},
	},
};

let prepared: unknown;

for (const [key, entry] of Object.entries(memberScenarios)) {
	scenarios[key] = { setup: 'setup' in entry ? entry.setup : undefined, run: async (input) => await entry.run(input, prepared) };
}

async function main(input: ScenarioInput): Promise<ScenarioResult> {
	transportSettings.timeoutMs = 600_000;
	if (input.scenario === 'stream-check') {
		const started = performance.now();
		return { wallMs: performance.now() - started, rssGrowthMb: 0, items: await checkStream() };
	}
	const scenario = scenarios[input.scenario];
	if (!scenario) throw new Error(`unknown scenario ${input.scenario}`);
	prepared = await scenario.setup?.(input);
	// the parent clears the emulator's log now, so only the measured part's calls count
	await new Promise<void>((resolve) => {
		process.once('message', () => resolve());
		process.send!({ setupDone: true });
	});
	const baseline = resetPeak();
	const heapBaseline = process.memoryUsage().heapUsed;
	const cpu = process.cpuUsage();
	const started = performance.now();
	let output: Awaited<ReturnType<Run>>;
	try {
		output = await scenario.run(input);
	} catch (error) {
		return { wallMs: performance.now() - started, rssGrowthMb: (status('VmHWM') - baseline) / MB, items: 0, error: (error as Error).message };
	}
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	const cpuMs = (used.user + used.system) / 1000;
	const rssGrowthMb = (status('VmHWM') - baseline) / MB;
	prepared = undefined;
	const measured = !input.scenario.startsWith('sync') && input.scenario !== 'poll-idle' && input.scenario !== 'decode';
	gc();
	const keptMb = measured ? (process.memoryUsage().heapUsed - heapBaseline) / MB : undefined;
	const itemsMb = measured ? ownSize(output.items) / MB : undefined;
	return { wallMs, cpuMs, bytes: output.bytes, rssGrowthMb, itemsMb, keptMb, items: output.items.length, note: output.note };
}

process.once('message', (input: ScenarioInput) => {
	main(input)
		.then((result) => process.send!(result, () => process.exit(0)))
		.catch((error: Error) => process.send!({ error: error.stack ?? error.message }, () => process.exit(1)));
});
