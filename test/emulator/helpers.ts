/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
// Test helpers: HTTP calls to the emulator with undici, XML parsing with fast-xml-parser.
import { request, FormData } from 'undici';
import { XMLParser } from 'fast-xml-parser';
import type { Emulator } from './index';

export const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

export interface CallOptions {
	method?: 'GET' | 'POST';
	query?: Record<string, string | number | undefined>;
	/** POST application/x-www-form-urlencoded */
	form?: Record<string, string | number>;
	/** POST multipart/form-data */
	multipart?: FormData;
	user?: string;
	password?: string;
	noAuth?: boolean;
	legacy?: boolean;
	headersTimeout?: number;
	/** false = do not parse XML (large answers). */
	parse?: boolean;
	bodyTimeout?: number;
}

export interface CallResult {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	xml: any;
	/** Set when the body starts like XML but does not parse. */
	parseError?: string;
}

export function basic(user: string, password: string): string {
	return 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
}

/** Calls `<file>.php?do=<op>` on the emulator. `op` may be '' for files without `do`. */
export async function call(emu: Emulator, file: string, op: string, o: CallOptions = {}): Promise<CallResult> {
	const base = o.legacy ? emu.legacyUrl : emu.url;
	const url = new URL(`${base}/${file}.php`);
	if (op) url.searchParams.set('do', op);
	for (const [k, v] of Object.entries(o.query || {})) if (v !== undefined) url.searchParams.set(k, String(v));
	const headers: Record<string, string> = {};
	if (!o.noAuth) headers.authorization = basic(o.user || 'demo', o.password || (o.user === 'admin' ? 'admin-pass' : 'demo-pass'));
	let body: any;
	let method = o.method || 'GET';
	if (o.form) {
		method = 'POST';
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(Object.entries(o.form).map(([k, v]) => [k, String(v)] as [string, string])).toString();
	} else if (o.multipart) {
		method = 'POST';
		body = o.multipart;
	}
	const res = await request(url, { method, headers, body, headersTimeout: o.headersTimeout, bodyTimeout: o.bodyTimeout });
	const text = await res.body.text();
	let xml: any = null;
	let parseError: string | undefined;
	if (o.parse !== false && text.startsWith('<?xml')) {
		try {
			xml = parser.parse(text);
		} catch (e) {
			parseError = String((e as Error).message);
		}
	}
	return { status: res.statusCode, headers: res.headers, text, xml, parseError };
}

/** Always an array (fast-xml-parser gives an object for one element, undefined for none). */
export function arr<T = any>(v: T | T[] | undefined | null | ''): T[] {
	if (v == null || v === '') return [];
	return Array.isArray(v) ? v : [v];
}

export function expectKeys(obj: any, keys: string[]): void {
	expect(obj).toBeTruthy();
	for (const k of keys) expect(Object.prototype.hasOwnProperty.call(obj, k)).toBe(true);
}

export function resultOf(r: CallResult): { status: string; data: any; id?: string } {
	expect(r.xml).toBeTruthy();
	expect(r.xml.result).toBeTruthy();
	return r.xml.result;
}

export { FormData };
