/**
 * A time cursor: the newest timestamp already emitted, plus the keys emitted at exactly that timestamp. The API's
 * timestamps have one-second resolution, so two records can share the cursor's second and arrive in different polls;
 * the boundary keys let the second one through without repeating the first.
 */
export interface TimeCursor {
	at: string;
	keys: string[];
}

export interface Stamped<T> {
	at: string;
	key: string;
	record: T;
}

/** Records newer than the cursor, oldest first. Without a cursor every record is new. */
export function newerThan<T>(cursor: TimeCursor | undefined, records: Array<Stamped<T>>): Array<Stamped<T>> {
	const fresh = records.filter(
		(r) => r.at !== '' && (!cursor || r.at > cursor.at || (r.at === cursor.at && !cursor.keys.includes(r.key))),
	);
	return fresh.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The cursor after emitting `fresh` (records the API sent with no timestamp never move it). */
export function advance<T>(cursor: TimeCursor | undefined, fresh: Array<Stamped<T>>): TimeCursor {
	let next: TimeCursor = cursor ? { at: cursor.at, keys: [...cursor.keys] } : { at: '', keys: [] };
	for (const r of fresh) {
		if (r.at === '') continue;
		if (r.at > next.at) next = { at: r.at, keys: [r.key] };
		else if (r.at === next.at && !next.keys.includes(r.key)) next.keys.push(r.key);
	}
	return next;
}

/** Keeps only the entries of a map whose key is still in scope, so state stays bounded by what the API returns. */
export function keepOnly<V>(map: Record<string, V>, live: Iterable<string>): Record<string, V> {
	const out: Record<string, V> = {};
	for (const key of live) if (key in map) out[key] = map[key];
	return out;
}
