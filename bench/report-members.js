'use strict';
/* The Sync Members part of BENCHMARKS.md (bench/run.js `members` suite): issue 24's targets. */

const byKey = (results, key) => results.find((entry) => entry.key === key);
const s = (ms) => (ms == null ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (value) => (value == null ? '–' : `${value.toFixed(0)} MB`);
const int = (value) => (value == null ? '–' : Math.round(value).toLocaleString('en-US'));
const spread = (stat, format) => (!stat ? '–' : stat.n < 2 ? `${format(stat.median)} (1 run)` : `${format(stat.median)} (${format(stat.min)}–${format(stat.max)})`);
const verdict = (ok, text) => (ok === undefined ? '–' : `${ok ? '✅ met' : '❌ missed'}${text ? `: ${text}` : ''}`);

const WRITES = ['mloperate?do=ml-addr-add', 'mloperate?do=ml-addr-add-file', 'mloperate?do=ml-addr-del'];
const writesOf = (entry) => Object.fromEntries(WRITES.map((key) => [key.split('=')[1], entry?.byOperation?.[key] ?? 0]));

function membersSection(results, args) {
	const entries = results.filter((entry) => entry.key.startsWith('members-'));
	if (!entries.length) return '';
	const tag = entries[0].key.split('-').pop();
	const n = Number(tag.replace('k', '')) * (tag.endsWith('k') ? 1000 : 1);
	const churn = n / 100;
	const get = (kind) => byKey(results, `members-${kind}-${tag}`);
	const median = (entry) => entry?.wallMs?.median;
	const rows = entries.map(
		(entry) =>
			`| ${entry.label} | ${int(entry.calls?.median)} | ${JSON.stringify(writesOf(entry))} | ${spread(entry.wallMs, s)} | ${spread(entry.cpuMs, s)} | ${spread(entry.rssGrowthMb, mb)} |`,
	);
	const checks = [];
	const reads = get('read');
	for (const kind of ['nochange', 'nochange-summary']) {
		const entry = get(kind);
		if (!entry || !reads) continue;
		const writes = Object.values(writesOf(entry)).reduce((a, b) => a + b, 0);
		const ratio = median(entry) / median(reads);
		checks.push(`| ${entry.label} | ${verdict(writes === 0, `${writes} writes`)} | ${verdict(ratio <= 1.5, `${s(median(entry))} = ${ratio.toFixed(2)} × the reads alone (${s(median(reads))}); allowed 1.5 ×`)} |`);
	}
	const churned = get('churn');
	if (churned) {
		const w = writesOf(churned);
		const wanted = { 'ml-addr-add': Math.ceil(churn / 500), 'ml-addr-add-file': 0, 'ml-addr-del': churn };
		const ok = Object.entries(wanted).every(([key, value]) => w[key] === value);
		const trips = wanted['ml-addr-add'] + Math.ceil(churn / 4) + 1;
		checks.push(
			`| ${churned.label} | ${verdict(ok, `${JSON.stringify(w)}, wanted ${JSON.stringify(wanted)}`)} | ${s(median(churned))} against ${trips} round trips at 4 removals in flight (${s(trips * args.latency)} of latency) plus the reads (${s(median(reads))}) |`,
		);
	}
	const first = get('first');
	const addMany = get('addmany');
	if (first && addMany) {
		const allowed = 1.1 * median(addMany) + args.latency;
		checks.push(`| ${first.label} | – | ${verdict(median(first) <= allowed, `${s(median(first))} vs 1.1 × Add Many (${s(median(addMany))}) + one read = ${s(allowed)}`)} |`);
	}
	const rss = entries.filter((entry) => entry.key !== `members-addmany-${tag}`).map((entry) => entry.rssGrowthMb?.median ?? 0);
	checks.push(`| every Sync Members run at ${int(n)} | – | ${verdict(Math.max(...rss) <= 300, `peak RSS growth ≤ ${mb(Math.max(...rss))} (≤ 300 MB)`)} |`);
	return `## 1b. CRM-to-list sync: Contact List → Sync Members

${int(n)} contacts (email, name, phone) as input items; the list is seeded by the emulator process before each run with the
same contacts (name and phone equal, so nothing differs). Mirror mode, suppression of the list's unsubscribes on (one §4.6
read beside the §4.7 read), Max Removal 10 %. "Reads alone" = Address → Get Many (Return All, streamed) + Contact List →
Export Unsubscribed on the same list. The reads and the two no-change syncs run round after round on one list.

| variant | API calls | writes | wall time, median (min–max) | CPU time | peak RSS growth |
|---|---:|---|---:|---:|---:|
${rows.join('\n')}

| scenario | writes target | time target |
|---|---|---|
${checks.join('\n')}
`;
}

module.exports = { membersSection };
