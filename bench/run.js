#!/usr/bin/env node
'use strict';
/*
 * npm run bench [-- --runs 3] [--latency 20] [--only sync,members,exports,opens,poll] [--members-n 100000] [--match KEY] [--out BENCHMARKS.md]
 * (--match: only scenarios whose key contains KEY, e.g. sync-batch-10k; to recheck one figure, with --out elsewhere)
 *
 * Builds bench/scenarios.ts with esbuild, starts the emulator in its own process (bench/emulator-child.js) with the
 * given round-trip latency, and runs every scenario several times, each in a fresh measured process (so peak RSS is
 * that scenario's alone). Writes the medians and spreads to BENCHMARKS.md.
 */
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(__dirname, '.build');

function parseArgs(argv) {
	const args = { runs: 3, latency: 20, only: null, match: null, out: path.join(ROOT, 'BENCHMARKS.md'), membersN: 100_000 };
	for (let i = 0; i < argv.length; i++) {
		const [name, inline] = argv[i].split('=');
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (name === '--runs') args.runs = Math.max(1, Number(value()));
		else if (name === '--latency') args.latency = Number(value());
		else if (name === '--only') args.only = new Set(value().split(','));
		else if (name === '--match') args.match = value();
		else if (name === '--out') args.out = path.resolve(value());
		else if (name === '--members-n') args.membersN = Number(value());
	}
	return args;
}
const args = parseArgs(process.argv.slice(2));

const TRIGGER = path.join(ROOT, 'nodes/UmailTrigger/UmailTrigger.node.ts');

function build() {
	const esbuild = require('esbuild');
	fs.mkdirSync(BUILD, { recursive: true });
	const entryPoints = { scenarios: path.join(__dirname, 'scenarios.ts') };
	if (fs.existsSync(TRIGGER)) entryPoints.trigger = TRIGGER;
	esbuild.buildSync({
		entryPoints,
		outdir: BUILD,
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		packages: 'external',
		logLevel: 'error',
	});
}

// ------------------------------------------------------------------ processes

function startEmulator(latencyMs) {
	const child = fork(path.join(__dirname, 'emulator-child.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--max-old-space-size=8192'] });
	const pending = new Map();
	let next = 0;
	const ready = new Promise((resolve, reject) => {
		child.once('error', reject);
		child.on('message', (message) => {
			if (message.ready) return resolve();
			const waiter = pending.get(message.id);
			if (!waiter) return;
			pending.delete(message.id);
			if (message.ok) waiter.resolve(message.value);
			else waiter.reject(new Error(message.error));
		});
	});
	const call = async (cmd, params = {}) => {
		await ready;
		const id = ++next;
		return await new Promise((resolve, reject) => {
			pending.set(id, { resolve, reject });
			child.send({ id, cmd, ...params });
		});
	};
	return {
		call,
		async start() {
			return await call('start', { latencyMs });
		},
		async stop() {
			await call('stop').catch(() => {});
			await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
		},
	};
}

async function measure(input, timeoutMs = 600_000, onSetupDone = async () => {}) {
	const child = fork(path.join(BUILD, 'scenarios.js'), [], {
		cwd: ROOT,
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		execArgv: ['--expose-gc', '--max-old-space-size=8192', ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [])],
	});
	return await new Promise((resolve) => {
		let done = false;
		const finish = (result) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			resolve(result);
		};
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			finish({ error: `no answer within ${timeoutMs / 1000} s` });
		}, timeoutMs);
		child.on('message', (message) => {
			if (message && message.setupDone) onSetupDone().then(() => child.send({ go: true }));
			else finish(message);
		});
		child.on('exit', (code, signal) => finish({ error: `measured process ended (${signal ?? code}) without a result` }));
		child.send(input);
	});
}

// ------------------------------------------------------------------ statistics

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function summarize(samples, key) {
	const values = samples.map((sample) => sample[key]).filter((value) => typeof value === 'number' && Number.isFinite(value));
	if (!values.length) return null;
	return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

const results = [];

/** One measured run of a scenario, with the emulator's account of it. */
async function sampleOf(label, run, emulator, input, { before, timeoutMs } = {}) {
	const extra = before ? await before(run) : {};
	const result = await measure({ ...input, ...extra }, timeoutMs, async () => {
		await emulator.call('mark');
	});
	const server = await emulator.call('report');
	const sample = { ...result, calls: server.calls, failedCalls: server.failed, serverCpuMs: server.cpuMs, byOperation: server.byOperation };
	const wall = typeof sample.wallMs === 'number' ? `${(sample.wallMs / 1000).toFixed(2)} s` : '-';
	const cpu = typeof sample.cpuMs === 'number' ? ` (CPU ${(sample.cpuMs / 1000).toFixed(2)} s)` : '';
	const rss = typeof sample.rssGrowthMb === 'number' ? `${sample.rssGrowthMb.toFixed(0)} MB` : '-';
	console.log(`  ${label} #${run + 1}: ${wall}${cpu}, ${sample.calls} calls, peak RSS +${rss}${sample.itemsMb ? `, items ${sample.itemsMb.toFixed(0)} MB (kept ${sample.keptMb?.toFixed(0)} MB)` : ''}${sample.note ? `, ${sample.note}` : ''}${sample.error ? `, ERROR ${sample.error}` : ''}`);
	return sample;
}

/** Runs one scenario `runs` times; `before(run)` prepares the emulator and answers extra input. */
async function scenario(key, label, emulator, input, { runs = args.runs, before, timeoutMs } = {}) {
	if (args.match && !key.includes(args.match)) return undefined;
	const samples = [];
	for (let run = 0; run < runs; run++) samples.push(await sampleOf(label, run, emulator, input, { before, timeoutMs }));
	return record(key, label, samples);
}

/** Runs several scenarios in turn, round after round, so a change in the machine's load hits them alike. */
async function sideBySide(list, emulator, { runs = args.runs } = {}) {
	const chosen = list.filter(([key]) => !args.match || key.includes(args.match));
	const samples = new Map(chosen.map(([key]) => [key, []]));
	for (let run = 0; run < runs; run++) {
		for (const [key, label, input] of chosen) samples.get(key).push(await sampleOf(label, run, emulator, input));
	}
	for (const [key, label] of chosen) record(key, label, samples.get(key));
}

function record(key, label, samples) {
	const entry = {
		key,
		label,
		samples,
		wallMs: summarize(samples, 'wallMs'),
		cpuMs: summarize(samples, 'cpuMs'),
		bytes: samples[0]?.bytes,
		rssGrowthMb: summarize(samples, 'rssGrowthMb'),
		itemsMb: summarize(samples, 'itemsMb'),
		keptMb: summarize(samples, 'keptMb'),
		calls: summarize(samples, 'calls'),
		serverCpuMs: summarize(samples, 'serverCpuMs'),
		items: samples[0]?.items,
		byOperation: samples[0]?.byOperation,
		errors: samples.filter((sample) => sample.error).map((sample) => sample.error),
		notes: [...new Set(samples.map((sample) => sample.note).filter(Boolean))],
	};
	results.push(entry);
	return entry;
}

// ------------------------------------------------------------------ suites

const wanted = (name) => !args.only || args.only.has(name);
const IMPORT_PARSE_MS = require(path.join(ROOT, 'test/emulator')).TIMING?.importParseMs ?? 5000;

async function syncSuite() {
	const emulator = startEmulator(args.latency);
	const { url } = await emulator.start();
	try {
		for (const n of [10_000, 100_000]) {
			const newList = async () => ({ listId: await emulator.call('createList', { subject: `sync-${n}-${Date.now()}` }) });
			const tag = n === 10_000 ? '10k' : '100k';
			await scenario(`sync-pack-${tag}`, `Add Many, defaults (file import above 5,000), ${tag}`, emulator, { scenario: 'sync-pack', url, n }, { before: newList });
			await scenario(`sync-batch-${tag}`, `Add Many, 500-row calls, ${tag}`, emulator, { scenario: 'sync-pack', url, n, importAbove: 10_000_000 }, { before: newList });
			// at 100k every request is in flight at once, more sockets than the 2 processes may open: one run says enough
			await scenario(`sync-naive-${tag}`, `HTTP Request node, one call per contact, ${tag}`, emulator, { scenario: 'sync-naive', url, n }, { before: newList, runs: n > 10_000 ? 1 : args.runs, timeoutMs: 900_000 });
		}
	} finally {
		await emulator.stop();
	}
}

/** Contact List → Sync Members at 100,000 (or --members-n): the issue's targets, beside Add Many and the reads alone. */
async function membersSuite() {
	const emulator = startEmulator(args.latency);
	const { url } = await emulator.start();
	const n = args.membersN;
	const tag = n >= 1000 ? `${n / 1000}k` : String(n);
	const list = async (seed) => {
		const listId = await emulator.call('createList', { subject: `members-${n}-${Date.now()}` });
		if (seed) await emulator.call('seedContacts', { listId, from: 0, n });
		return { listId };
	};
	try {
		// the reads alone and the syncs that only read, round after round on one seeded list (nothing is written)
		const seeded = await list(true);
		await sideBySide(
			[
				[`members-read-${tag}`, `Reads alone: §4.7 streamed + §4.6, list of ${tag}`, { scenario: 'read-members', url, ...seeded }],
				[`members-nochange-${tag}`, `Sync Members, list already holds the ${tag}`, { scenario: 'sync-members', url, n, ...seeded }],
				[`members-nochange-summary-${tag}`, `Sync Members, no change, Summary Only, ${tag}`, { scenario: 'sync-members', url, n, output: 'summary', ...seeded }],
			],
			emulator,
		);
		const churn = n / 100;
		await scenario(`members-churn-${tag}`, `Sync Members, 1 % churn (${churn} new, ${churn} gone), ${tag}`, emulator, { scenario: 'sync-members', url, n, from: churn }, { before: async () => await list(true) });
		await scenario(`members-first-${tag}`, `Sync Members, first sync into an empty list, ${tag}`, emulator, { scenario: 'sync-members', url, n }, { before: async () => await list(false) });
		await scenario(`members-addmany-${tag}`, `Add Many, defaults (file import), same ${tag}, for comparison`, emulator, { scenario: 'sync-pack', url, n }, { before: async () => await list(false) });
	} finally {
		await emulator.stop();
	}
}

async function exportSuite() {
	const emulator = startEmulator(args.latency);
	const { url } = await emulator.start();
	try {
		// on a task: the emulator's date-wide export overflows its stack above ~100,000 SMTP failures (see FINDINGS.md)
		const task = await emulator.call('seedOpeners', { n: 10 });
		await emulator.call('seedFailedAddresses', { target: task.id, n: 1_000_000, type: 8 });
		const input = { url, ident: task.ident };
		await scenario('failed-pack', 'Export Failed Addresses (JSON), 1,000,000 rows', emulator, { ...input, scenario: 'failed-pack' });
		await scenario('failed-naive-xml', 'HTTP Request + XML node (out_type=xml), 1,000,000 rows', emulator, { ...input, scenario: 'failed-naive-xml' });
	} finally {
		await emulator.stop();
	}
}

async function opensSuite() {
	const emulator = startEmulator(args.latency);
	const { url } = await emulator.start();
	try {
		const task = await emulator.call('seedOpeners', { n: 100_000 });
		const input = { url, taskId: task.id };
		// the decoders alone, then the node end to end with the new and the old streamed decoder, round after round
		await sideBySide(
			['chunked', 'tree', 'whole', 'bare'].map((decoder) => [`decode-${decoder}`, `Decode alone: ${decoder}`, { ...input, scenario: 'decode', decoder }]),
			emulator,
		);
		await sideBySide(
			[
				['opens-stream', 'Get Opens, streamed (xmlTree.ts)', { ...input, scenario: 'opens-pack', stream: true }],
				['opens-chunked', 'Get Opens, streamed in record runs (before)', { ...input, scenario: 'opens-pack', stream: true, decoder: 'chunked' }],
			],
			emulator,
		);
		await scenario('opens-whole', 'Get Opens, whole answer (no stream flag)', emulator, { ...input, scenario: 'opens-pack', stream: false });
		await scenario('opens-fxp', 'Download whole + one fast-xml-parser parse (reference)', emulator, { ...input, scenario: 'opens-fxp' });
		await scenario('opens-naive', 'HTTP Request + XML node (xml2js)', emulator, { ...input, scenario: 'opens-naive' });
	} finally {
		await emulator.stop();
	}
}

async function pollSuite() {
	const bundle = path.join(BUILD, 'trigger.js');
	if (!fs.existsSync(bundle)) {
		console.log('  (no nodes/UmailTrigger/UmailTrigger.node.ts yet: idle poll not measured)');
		return;
	}
	const emulator = startEmulator(args.latency);
	const { url } = await emulator.start();
	try {
		const task = await emulator.call('seedOpeners', { n: 100 });
		for (const [event, parameters] of pollCases(task)) {
			await scenario(`poll-${event}`, `Trigger idle poll: ${event}`, emulator, { scenario: 'poll-idle', url, triggerPath: bundle, parameters }, { runs: args.runs });
		}
	} finally {
		await emulator.stop();
	}
}

/** Trigger parameters per event, read from bench/poll-cases.json when present (the trigger's fields may change). */
function pollCases(task) {
	const file = path.join(__dirname, 'poll-cases.json');
	if (!fs.existsSync(file)) return [];
	const cases = JSON.parse(fs.readFileSync(file, 'utf8').replace(/"\$TASK_ID"/g, String(task.id)));
	return Object.entries(cases);
}

// ------------------------------------------------------------------ report

function machine() {
	const cpus = os.cpus();
	const model = (fs.existsSync('/proc/cpuinfo') && /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]) || cpus[0]?.model || 'unknown';
	return {
		cpu: model.trim(),
		cores: cpus.length,
		memoryGb: (os.totalmem() / 1024 ** 3).toFixed(1),
		os: `${os.type()} ${os.release()}`,
		node: process.version,
	};
}

/** BENCHMARKS.md from a run's results (`--render` redoes it from bench/.build/results.json without measuring). */
function write(run) {
	const { render } = require('./report');
	// the reasons behind the figures, written by hand
	const findings = path.join(__dirname, 'FINDINGS.md');
	const notes = fs.existsSync(findings) ? fs.readFileSync(findings, 'utf8') : '';
	fs.writeFileSync(args.out, render({ ...run, args: { ...run.args, out: args.out }, notes }));
}

async function main() {
	if (process.argv.includes('--render')) {
		write(JSON.parse(fs.readFileSync(path.join(BUILD, 'results.json'), 'utf8')));
		console.log(`Wrote ${path.relative(ROOT, args.out)} from bench/.build/results.json`);
		return;
	}
	const started = Date.now();
	const loadStart = os.loadavg()[0].toFixed(2);
	console.log('Building bench/scenarios.ts …');
	build();
	const check = await measure({ scenario: 'stream-check' }, 60_000);
	if (check.error) throw new Error(`stream.ts does not decode as decodeXml does: ${check.error}`);
	console.log(`stream.ts agrees with decodeXml (${check.items} cases)`);
	const suites = [
		['sync', syncSuite],
		['members', membersSuite],
		['exports', exportSuite],
		['opens', opensSuite],
		['poll', pollSuite],
	];
	for (const [name, suite] of suites) {
		if (!wanted(name)) continue;
		console.log(`\n== ${name} (latency ${args.latency} ms a round trip, ${args.runs} runs)`);
		await suite();
	}
	const totalS = (Date.now() - started) / 1000;
	const load = { start: loadStart, end: os.loadavg()[0].toFixed(2) };
	const run = { machine: machine(), args: { ...args, only: args.only && [...args.only] }, results, totalS, load, importParseMs: IMPORT_PARSE_MS, date: new Date().toISOString() };
	fs.writeFileSync(path.join(BUILD, 'results.json'), JSON.stringify(run, null, 2));
	write(run);
	console.log(`\nWrote ${path.relative(ROOT, args.out)} (${totalS.toFixed(0)} s)`);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
