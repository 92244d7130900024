import type { IDataObject } from 'n8n-workflow';

import { pick } from './answers';
import { describeMessage } from './messages';
import type { Params } from './params';
import type { StreamSpec } from './stream';

/** Output mappers shared by the operation declarations. */

export function resultOf(body: unknown): IDataObject {
	return ((body as IDataObject)?.result as IDataObject) ?? {};
}

/** The `<data>` of a `<result>` answer as text (an id, or the server's message). */
export function resultData(body: unknown): string {
	const data = resultOf(body).data;
	if (data === undefined || data === null) return '';
	return typeof data === 'object' ? JSON.stringify(data) : String(data).trim();
}

export function listAt(body: unknown, path: string): IDataObject[] {
	const value = pick(body, path);
	if (value === undefined || value === '' || value === null) return [];
	return (Array.isArray(value) ? value : [value]).filter((entry) => entry && typeof entry === 'object') as IDataObject[];
}

export function objectAt(body: unknown, path: string): IDataObject {
	const value = pick(body, path);
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** Delete operations answer `{ deleted: true }` (n8n's UX guideline), plus what was deleted. */
export function deleted(extra: IDataObject = {}): IDataObject {
	return { deleted: true, ...extra };
}

/** Write operations that return nothing but a status, and U-Mail's message with English fields beside it. */
export function succeeded(body: unknown, extra: IDataObject = {}): IDataObject {
	const result = resultOf(body);
	const message = resultData(body);
	return {
		success: true,
		status: String(result.status ?? 'success'),
		...(message ? { message, ...describeMessage(message) } : {}),
		...extra,
	};
}

/** Return All / Limit: how many records are wanted, undefined for all. */
export function limitOf(p: Params): number | undefined {
	return p.boolean('returnAll') ? undefined : p.number('limit', { min: 1, fallback: 50 });
}

/** Return All / Limit for APIs that answer everything at once. */
export function limitLocally<T>(records: T[], p: Params): T[] {
	const limit = limitOf(p);
	return limit === undefined ? records : records.slice(0, limit);
}

/** A big list answer decoded as it arrives (stream.ts); with a Limit, reading stops once the records are in. */
export function streamed(records: string, p: Params): StreamSpec {
	const upTo = limitOf(p);
	return upTo === undefined ? { records } : { records, upTo };
}
