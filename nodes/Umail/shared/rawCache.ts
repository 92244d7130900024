/**
 * What short runs of an answer's bytes decode to, found again by the bytes themselves. Big list answers repeat most of
 * their short values and all of their tag names; a value met before is then neither decoded from UTF-8 nor hashed as a
 * fresh string (a Map lookup hashes every new string whole, which took a fifth of the streamed decoder's time).
 *
 * Keys are the bytes as Latin-1 text (one character a byte), looked up in place in the text the tokenizer reads; the
 * result must depend on those bytes alone. Open addressing in arrays: no key string is made to look one up.
 */

const MAX_FILL = 0.5;
/** slots at first: a small answer should not pay for a table sized for a big one */
const FIRST_BITS = 8;

export class RawCache<T> {
	private keys: Array<string | undefined> = [];
	private values: Array<T | undefined> = [];
	private hashes = new Int32Array(0);
	private size = 0;
	private bitsNow = 0;
	private mask = 0;
	/** where the last miss would go, for add() */
	private slot = -1;
	private hash = 0;

	/** at most 2^bits slots, half of them filled */
	constructor(private readonly bits = 17) {
		this.allocate(Math.min(FIRST_BITS, bits));
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
			if (this.bitsNow < this.bits) this.grow(this.bitsNow + 1);
			// full: unique values (ids, timestamps) would fill it for good; starting afresh keeps the ones seen lately
			// (emptied in place: new tables this big go to V8's large-object space, which only a full collection frees)
			else this.empty();
			this.slot = this.free(this.hash);
		}
		this.put(this.slot, key, value, this.hash);
		this.slot = -1;
	}

	private allocate(bits: number) {
		const slots = 1 << bits;
		this.bitsNow = bits;
		this.mask = slots - 1;
		this.keys = new Array<string | undefined>(slots);
		this.values = new Array<T | undefined>(slots);
		this.hashes = new Int32Array(slots);
		this.size = 0;
	}

	private empty() {
		this.keys.fill(undefined);
		this.values.fill(undefined);
		this.size = 0;
	}

	private grow(bits: number) {
		const { keys, values, hashes } = this;
		this.allocate(bits);
		for (let slot = 0; slot < keys.length; slot++) {
			const key = keys[slot];
			if (key !== undefined) this.put(this.free(hashes[slot]), key, values[slot] as T, hashes[slot]);
		}
	}

	/** The first empty slot for a hash. */
	private free(hash: number): number {
		let slot = hash & this.mask;
		while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
		return slot;
	}

	private put(slot: number, key: string, value: T, hash: number) {
		this.keys[slot] = key;
		this.values[slot] = value;
		this.hashes[slot] = hash;
		this.size++;
	}
}

export function same(key: string, text: string, start: number): boolean {
	for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
	return true;
}
