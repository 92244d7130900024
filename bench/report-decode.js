'use strict';
/* BENCHMARKS.md section 2c (the decoders alone) and the targets of issue 17 (streamed opens, file import). */

const byKey = (results, key) => results.find((entry) => entry.key === key);
const s = (ms) => (ms == null ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (value) => (value == null ? '–' : `${value.toFixed(0)} MB`);
const spread = (stat, format) => (!stat ? '–' : stat.n < 2 ? `${format(stat.median)} (1 run)` : `${format(stat.median)} (${format(stat.min)}–${format(stat.max)})`);
const verdict = (ok, text) => (ok === undefined ? '–' : `${ok ? '✅ met' : '❌ missed'}${text ? `: ${text}` : ''}`);
const ratio = (a, b) => (a != null && b != null ? a / b : undefined);

const LABELS = {
	chunked: 'stream.ts before (27d3733): text cut after runs of records, each run decoded by decodeXml (fast-xml-parser)',
	tree: 'stream.ts now: htmlparser2 tokenizer (XML mode) building decodeXml\'s tree as the bytes arrive (`xmlTree.ts`)',
	whole: 'fast-xml-parser on the whole text (decodeXml, the path of small answers)',
	bare: 'htmlparser2 tokenizer alone, same pieces, nothing built',
};

function decodeSection(results) {
	const entries = Object.keys(LABELS).map((decoder) => [decoder, byKey(results, `decode-${decoder}`)]).filter(([, entry]) => entry);
	if (!entries.length) return '';
	const rate = (entry, stat) => (entry.bytes && stat ? `${(entry.bytes / 1024 ** 2 / (stat.median / 1000)).toFixed(1)} MB/s` : '–');
	const rows = entries.map(
		([decoder, entry]) => `| ${LABELS[decoder]} | ${entry.notes?.[0] ?? '–'} | ${spread(entry.wallMs, s)} | ${rate(entry, entry.wallMs)} | ${spread(entry.cpuMs, s)} | ${rate(entry, entry.cpuMs)} | ${spread(entry.rssGrowthMb, mb)} |`,
	);
	const old = byKey(results, 'decode-chunked');
	const now = byKey(results, 'decode-tree');
	const wallGain = ratio(old?.wallMs?.median, now?.wallMs?.median);
	const cpuGain = ratio(old?.cpuMs?.median, now?.cpuMs?.median);
	return `## 2c. The decoders alone (the same open-detail answer, ${old?.bytes ? `${(old.bytes / 1024 ** 2).toFixed(0)} MB` : '–'}, from memory in 64 KB pieces)

Each decoder in a fresh process, the answer fetched in setup (not timed); the four run in turn, round after round, so
load on the shared machine hits them alike. CPU time counts all the process's threads (the garbage collector's too).

| decoder | found | wall time, median (min–max) | throughput (wall) | CPU time, median (min–max) | throughput (CPU) | peak RSS growth |
|---|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

- Decode throughput, new vs old streamed decoder (target ≥ 3×): ${verdict(wallGain === undefined ? undefined : wallGain >= 3, wallGain ? `${wallGain.toFixed(2)}× by wall time, ${cpuGain?.toFixed(2)}× by CPU time` : '')}.
`;
}

/** The targets of issue 17 on the end-to-end Get Opens runs. */
function opensTargets(results) {
	const now = byKey(results, 'opens-stream');
	const old = byKey(results, 'opens-chunked');
	if (!now || !old) return '';
	const wall = ratio(now.wallMs?.median, old.wallMs?.median);
	const rssOk = now.rssGrowthMb && old.rssGrowthMb ? now.rssGrowthMb.median <= old.rssGrowthMb.median : undefined;
	return `- End to end, Get Opens streamed now vs before, same run (target ≤ 0.6×): ${verdict(wall === undefined ? undefined : wall <= 0.6, wall ? `${s(now.wallMs.median)} vs ${s(old.wallMs.median)} (${wall.toFixed(2)}×)` : '')}.
- Peak RSS growth now vs before (target ≤ before): ${verdict(rssOk, `${now.rssGrowthMb?.median.toFixed(1)} MB vs ${old.rssGrowthMb?.median.toFixed(1)} MB`)}.
`;
}

/**
 * Default Add Many of 10,000 contacts: wall ≤ 1.1 × (server parse + one round trip), calls ≤ 6 for the import itself.
 * The Keep Out read (§4.6, on by default since suppression came) is counted beside it, not in the import's 6.
 */
function importTarget(results, args, importParseMs) {
	const entry = byKey(results, 'sync-pack-10k');
	if (!entry?.wallMs) return '';
	const allowedMs = 1.1 * (importParseMs + args.latency);
	const calls = entry.calls?.median;
	const statusReads = entry.byOperation?.['mloperate?do=ml-addr-add-file-query'];
	const suppressionReads = entry.byOperation?.['mloperate?do=unsubscribe-export'] ?? 0;
	return `- Default Add Many, 10,000 contacts (file import): ${verdict(entry.wallMs.median <= allowedMs, `${s(entry.wallMs.median)} vs ${s(allowedMs)} allowed = 1.1 × (${s(importParseMs)} parse + ${args.latency} ms)`)}; import calls ${verdict(calls - suppressionReads <= 6, `${calls - suppressionReads} ≤ 6 (${statusReads ?? '–'} status checks)`)}, plus ${suppressionReads} Keep Out read(s) (this list's unsubscribes).
`;
}

module.exports = { decodeSection, opensTargets, importTarget };
