/**
 * One string per distinct short value within one answer. Big list answers repeat most of their values (browser, OS,
 * region, the same few timestamps, ip_first = ip_last); sharing them keeps 100,000 open-detail records at about 60 % of
 * the heap a fresh copy of them takes (bench/FINDINGS.md, 2b). Strings are immutable, so sharing cannot be observed.
 */
export class StringPool {
	private readonly known = new Map<string, string>();

	constructor(
		private readonly capacity = 1 << 16,
		private readonly maxLength = 64,
	) {}

	share(value: string): string {
		if (value.length > this.maxLength) return value;
		const known = this.known.get(value);
		if (known !== undefined) return known;
		// unique values (emails, ids) would fill the pool for good; starting afresh keeps it for the values seen lately
		if (this.known.size >= this.capacity) this.known.clear();
		this.known.set(value, value);
		return value;
	}
}
