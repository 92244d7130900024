/**
 * What short runs of an answer's bytes decode to, found again by the bytes themselves. Big list answers repeat most of
 * their short values and all of their tag names; a value met before is then neither decoded from UTF-8 nor hashed as a
 * fresh string (a Map lookup hashes every new string whole, which took a fifth of the streamed decoder's time).
 *
 * Keys are the bytes as Latin-1 text (one character a byte), looked up in place in the text the tokenizer reads; the
 * result must depend on those bytes alone. Open addressing in arrays: no key string is made to look one up.
 */

const MAX_FILL = 0.5;

export class RawCache<T> {
	private keys: Array<string | undefined>;
	private values: Array<T | undefined>;
	private hashes: Int32Array;
	private size = 0;
	private readonly mask: number;
	/** where the last miss would go, for add() */
	private slot = -1;
	private hash = 0;

	constructor(bits = 17) {
		const slots = 1 << bits;
		this.mask = slots - 1;
		this.keys = new Array<string | undefined>(slots);
		this.values = new Array<T | undefined>(slots);
		this.hashes = new Int32Array(slots);
	}

	/** The value cached for text[start, end), or undefined; a miss may then be given to add(). */
	find(text: string, start: number, end: number): T | undefined {
		let hash = 0x811c9dc5;
		for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
		const length = end - start;
		for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
			const key = this.keys[slot];
			if (key === undefined) {
				this.slot = slot;
				this.hash = hash;
				return undefined;
			}
			if (this.hashes[slot] === hash && key.length === length && same(key, text, start)) {
				this.slot = -1;
				return this.values[slot];
			}
		}
	}

	/** find() just missed: add() would cache its value. */
	get missed(): boolean {
		return this.slot !== -1;
	}

	/** Caches the value of the text find() just missed; `key` is that text, a string of its own. */
	add(key: string, value: T) {
		if (this.slot === -1) return;
		if (this.size >= this.mask * MAX_FILL) {
			// unique values (ids, timestamps) would fill it for good: starting afresh keeps the values seen lately
			this.keys.fill(undefined);
			this.values.fill(undefined);
			this.size = 0;
			this.slot = this.hash & this.mask;
		}
		this.keys[this.slot] = key;
		this.values[this.slot] = value;
		this.hashes[this.slot] = this.hash;
		this.size++;
		this.slot = -1;
	}
}

export function same(key: string, text: string, start: number): boolean {
	for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
	return true;
}
