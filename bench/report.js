'use strict';
/* Renders bench/run.js results as BENCHMARKS.md. */

const { decodeSection, importTarget, opensTargets } = require('./report-decode');
const { membersSection } = require('./report-members');

const byKey = (results, key) => results.find((entry) => entry.key === key);

const s = (ms) => (ms == null ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (value) => (value == null ? '–' : `${value.toFixed(0)} MB`);
const int = (value) => (value == null ? '–' : Math.round(value).toLocaleString('en-US'));

function spread(stat, format) {
	if (!stat) return '–';
	if (stat.n < 2) return `${format(stat.median)} (1 run)`;
	return `${format(stat.median)} (${format(stat.min)}–${format(stat.max)})`;
}

function verdict(ok, text) {
	return ok === undefined ? '–' : `${ok ? '✅ met' : '❌ missed'}${text ? `: ${text}` : ''}`;
}

function errorsOf(entry) {
	if (!entry?.errors?.length) return '';
	return ` ⚠️ ${entry.errors.length} run(s) failed: ${entry.errors[0].split('\n')[0].slice(0, 160)}`;
}

function syncSection(results, args, importParseMs) {
	const rows = [];
	const checks = [];
	for (const [tag, n] of [
		['10k', 10_000],
		['100k', 100_000],
	]) {
		const trips = Math.ceil(n / 500);
		const limitMs = trips * args.latency;
		for (const [kind, label] of [
			['pack', 'Add Many, defaults (file import above 5,000 rows)'],
			['batch', 'Add Many, 500-row calls'],
			['naive', 'HTTP Request node, one call per contact'],
		]) {
			const entry = byKey(results, `sync-${kind}-${tag}`);
			if (!entry) continue;
			const isImport = kind === 'pack' && entry.byOperation?.['mloperate?do=ml-addr-add-file'];
			const serverMs = (entry.serverCpuMs?.median ?? 0) + (isImport ? importParseMs : 0);
			const allowedMs = 1.5 * limitMs + serverMs;
			const calls = entry.calls?.median;
			const callsOk = isImport ? entry.byOperation['mloperate?do=ml-addr-add-file'] === 1 : calls <= 1.05 * trips;
			const wallOk = entry.wallMs ? entry.wallMs.median <= allowedMs : undefined;
			const rssOk = n === 100_000 && entry.rssGrowthMb ? entry.rssGrowthMb.median <= 300 : undefined;
			rows.push(
				`| ${n.toLocaleString('en-US')} | ${label}${errorsOf(entry)} | ${int(calls)}${isImport ? ` (1 upload + ${calls - 1} status/log reads)` : ''} | ${trips} | ${spread(entry.wallMs, s)} | ${s(serverMs)}${isImport ? ` (incl. ${s(importParseMs)} import parse)` : ''} | ${s(allowedMs)} | ${spread(entry.rssGrowthMb, mb)} |`,
			);
			if (kind !== 'naive') {
				checks.push(
					`| ${n.toLocaleString('en-US')} | ${label} | ${verdict(callsOk, isImport ? 'one file import' : `${int(calls)} ≤ ${(1.05 * trips).toFixed(0)}`)} | ${verdict(wallOk, entry.wallMs ? `${s(entry.wallMs.median)} vs ${s(allowedMs)} allowed (${(entry.wallMs.median / allowedMs).toFixed(2)}×)` : '')} | ${n === 100_000 ? verdict(rssOk, `${mb(entry.rssGrowthMb?.median)} ≤ 300 MB`) : '–'} |`,
				);
			}
		}
	}
	if (!rows.length) return '';
	return `## 1. CRM-to-list sync

The same contacts (email, name) as input items, one new contact list per run. "Physical limit" = ceil(N/500) round trips
at ${args.latency} ms. "Emulator work" = CPU time the emulator process spent on the requests (plus, for a file import, the
emulator's fixed ${s(importParseMs)} parse delay, which a real server also has). "Allowed" = 1.5 × limit × latency + emulator work.

| contacts | variant | API calls | limit (round trips) | wall time, median (min–max) | emulator work | allowed | peak RSS growth, median (min–max) |
|---:|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

| contacts | variant | calls target | wall-time target | RSS target (≤ 300 MB at 100,000) |
|---:|---|---|---|---|
${checks.join('\n')}

${importTarget(results, args, importParseMs)}`;
}

function exportSection(results) {
	const pack = byKey(results, 'failed-pack');
	const naive = byKey(results, 'failed-naive-xml');
	if (!pack && !naive) return '';
	const speedup = pack?.wallMs && naive?.wallMs ? naive.wallMs.median / pack.wallMs.median : undefined;
	const ratio = pack?.rssGrowthMb && pack?.itemsMb ? pack.rssGrowthMb.median / pack.itemsMb.median : undefined;
	return `## 2a. Exports offered as JSON or text (1,000,000 failed addresses, §2.3)

| variant | API calls | wall time, median (min–max) | emulator work | peak RSS growth, median (min–max) | output | items' own size | heap the items keep |
|---|---:|---:|---:|---:|---|---:|---:|
| Statistics → Export Failed Addresses (the pack asks for \`out_type=json\`) ${errorsOf(pack)} | ${int(pack?.calls?.median)} | ${spread(pack?.wallMs, s)} | ${s(pack?.serverCpuMs?.median)} | ${spread(pack?.rssGrowthMb, mb)} | ${int(pack?.items)} items | ${mb(pack?.itemsMb?.median)} | ${mb(pack?.keptMb?.median)} |
| HTTP Request node (\`out_type=xml\`) + XML node (xml2js) ${errorsOf(naive)} | ${int(naive?.calls?.median)} | ${spread(naive?.wallMs, s)} | ${s(naive?.serverCpuMs?.median)} | ${spread(naive?.rssGrowthMb, mb)} | ${naive?.notes?.[0] ?? `${int(naive?.items)} item(s)`} | ${mb(naive?.itemsMb?.median)} | ${mb(naive?.keptMb?.median)} |

- Speed: ${speedup ? `${speedup.toFixed(1)}× faster than the XML way` : '–'} (target ≥ 10×): ${verdict(speedup === undefined ? undefined : speedup >= 10)}.
  The naive figure stops at one item holding the parsed tree; turning it into 1,000,000 items (a Split Out node) would add more.
- Memory: peak RSS growth ${ratio ? `${ratio.toFixed(2)}×` : '–'} the items' own size (target ≤ 2×): ${verdict(ratio === undefined ? undefined : ratio <= 2)}.
- Unsubscribes (§4.6) and tracked addresses (§3.4) take the same text/JSON path (one \`JSON.parse\` or one line split, no XML);
  they were not timed separately.
`;
}

function opensSection(results) {
	const stream = byKey(results, 'opens-stream');
	const chunked = byKey(results, 'opens-chunked');
	const whole = byKey(results, 'opens-whole');
	const fxp = byKey(results, 'opens-fxp');
	const naive = byKey(results, 'opens-naive');
	if (!stream) return '';
	const row = (entry, label) =>
		entry ? `| ${label}${errorsOf(entry)} | ${spread(entry.wallMs, s)} | ${s(entry.serverCpuMs?.median)} | ${spread(entry.rssGrowthMb, mb)} | ${int(entry.items)} | ${mb(entry.itemsMb?.median)} | ${mb(entry.keptMb?.median)} | ${entry.itemsMb && entry.rssGrowthMb ? `${(entry.rssGrowthMb.median / entry.itemsMb.median).toFixed(2)}×` : '–'} |` : '';
	const timeRatio = stream.wallMs && fxp?.wallMs ? stream.wallMs.median / fxp.wallMs.median : undefined;
	const rssRatio = stream.rssGrowthMb && stream.itemsMb ? stream.rssGrowthMb.median / stream.itemsMb.median : undefined;
	return `## 2b. XML-only list answers (open details of 100,000 openers, §3.2, one call)

| variant | wall time, median (min–max) | emulator work | peak RSS growth, median (min–max) | items | items' own size | heap the items keep | RSS growth / own size |
|---|---:|---:|---:|---:|---:|---:|---:|
${[
	row(stream, 'Tracking → Get Opens, streamed (`stream: { records: \'data.user\' }`, as shipped: xmlTree.ts)'),
	row(chunked, 'Tracking → Get Opens, streamed with the decoder before (record runs through fast-xml-parser)'),
	row(whole, 'Tracking → Get Opens, whole answer then decodeXml (before this change)'),
	row(fxp, 'Reference: same download, one fast-xml-parser parse of the whole document'),
	row(naive, 'HTTP Request node + XML node (xml2js), naive n8n way'),
]
	.filter(Boolean)
	.join('\n')}

- Time: streamed ${timeRatio ? `${timeRatio.toFixed(2)}×` : '–'} the reference (target ≤ 1.2×): ${verdict(timeRatio === undefined ? undefined : timeRatio <= 1.2)}.
- Memory: streamed peak RSS growth ${rssRatio ? `${rssRatio.toFixed(2)}×` : '–'} the items' own size (target ≤ 1.5×): ${verdict(rssRatio === undefined ? undefined : rssRatio <= 1.5)}${stream.keptMb ? `; ${(stream.rssGrowthMb.median / stream.keptMb.median).toFixed(2)}× the heap the items keep` : ''}.
- The reference and the naive rows end with one item holding a tree, not 100,000 items.
${opensTargets(results)}`;
}

function pollSection(results, args) {
	const entries = results.filter((entry) => entry.key.startsWith('poll-'));
	if (!entries.length) return '';
	const rows = entries.map((entry) => {
		const calls = entry.calls?.median;
		const wall = entry.wallMs?.median;
		const nodeMs = wall != null && calls != null ? wall - calls * args.latency : undefined;
		const ok = calls <= 2 && nodeMs < 50;
		const why = calls > 2 ? 'too many calls' : nodeMs >= 50 ? `node time ${s(nodeMs)}, ${(nodeMs / 50).toFixed(1)}× the budget` : wall >= 50 ? `(with the round trips ${s(wall)})` : '';
		return `| ${entry.label.replace('Trigger idle poll: ', '')}${errorsOf(entry)} | ${int(calls)} (${Object.keys(entry.byOperation ?? {}).join(', ')}) | ${spread(entry.wallMs, s)} | ${s(nodeMs)} | ${verdict(ok, why)} |`;
	});
	return `## 3. Trigger: idle poll (nothing new)

One poll sets the cursor (not measured), the measured poll finds nothing new. Wall time includes the ${args.latency} ms
round trip of each call; "node time" subtracts them (calls × ${args.latency} ms) and is what the target is checked on.
The chosen task has 100 openers.

| event | API calls | wall time, median (min–max) | node time | target ≤ 2 calls, node time < 50 ms |
|---|---|---:|---:|---|
${rows.join('\n')}
`;
}

function render({ machine, args, results, totalS, importParseMs, load, notes, date: iso }) {
	const date = (iso ?? new Date().toISOString()).replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
	return `# Benchmarks

Generated by \`npm run bench\` (\`node bench/run.js${args.runs !== 3 ? ` --runs ${args.runs}` : ''}${args.latency !== 20 ? ` --latency ${args.latency}` : ''}\`) on ${date}; the whole run took ${totalS.toFixed(0)} s.
Do not edit by hand: rerun the command (options: \`--runs N\`, \`--latency MS\`, \`--only sync,members,exports,opens,poll\`).

| machine | |
|---|---|
| CPU | ${machine.cpu}, ${machine.cores} cores |
| memory | ${machine.memoryGb} GB |
| OS | ${machine.os} |
| Node.js | ${machine.node} |
| load average (1 min) at start / end | ${load ? `${load.start} / ${load.end}` : '–'} |

**Method.** Every scenario runs ${args.runs} times (the naive sync of 100,000 contacts once), each time in a fresh Node.js process that runs
the node through n8n-core (\`test/helpers/n8n.ts\`, as the tests do) against the emulator, which runs in a separate process
with a fixed ${args.latency} ms latency per request, so its memory and CPU are not counted. Figures are medians with the
spread (min–max). Peak RSS growth = the kernel's peak RSS (VmHWM, reset after setup) minus the RSS at the start of the
measured part; setup (input items, the first poll) is excluded. "Items' own size" = heap taken by a fresh deep copy of the
output items (\`structuredClone\`: every string its own copy), the yardstick the RSS targets are checked on. "Heap the
items keep" = heap still in use after the run, between two full collections: the items as the node made them (the pack
shares repeated strings, so its items can keep less than their own size). "The naive n8n way" is an emulation (n8n-nodes-base is not a dependency): the HTTP Request node's request
path (\`helpers.request\`, every item's request in flight at once, as the node does without its Batching option) and the
XML node (xml2js \`Parser({ mergeAttrs: true, explicitArray: false })\` on the whole text): see \`bench/naive.ts\`.

${syncSection(results, args, importParseMs)}
${membersSection(results, args)}
${exportSection(results)}
${opensSection(results)}
${decodeSection(results)}
${pollSection(results, args)}
${notes ?? ''}`;
}

module.exports = { render };
