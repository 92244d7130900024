/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
// Types of the U-Mail EDM API V28 emulator (test/emulator/index.js).

export interface EmulatorUser {
	username: string;
	password: string;
	customerId: string;
	admin?: boolean;
}

export interface EmulatorOptions {
	/** 0 (default) = any free port. */
	port?: number;
	/** Seed of the deterministic tracking/failure data (default 1). */
	seed?: number;
	/** Default: demo/demo-pass (customer 1001) and admin/admin-pass (customer 1, administrator). */
	users?: Array<{ username: string; password: string; customerId: string | number; admin?: boolean }>;
	/** 'http401' (default): HTTP 401 + WWW-Authenticate: Basic. 'xml': HTTP 200 + <result><status>auth_error</status>. */
	authFailure?: 'http401' | 'xml';
	/** Seed lists, addresses, templates, a completed tracked task, domains, mailboxes, a tracking domain. */
	demoData?: boolean;
	/** Simulated start time (ms or a Date.parse string). Default 2026-11-02 09:00:00 +08:00. */
	now?: number | string;
	/** Simulated ms per real ms (e.g. 60 = a minute a second); default 0 = the clock moves only when told. */
	clockSpeed?: number;
	/** The simulated processes (template checks, imports, sends, opens, clicks) run this many times faster; default 1. */
	workSpeed?: number;
	/** Emit the reference's closing-tag typos (</rebtae>, </task_sn>, </aillist>). */
	typoTags?: boolean;
	/** refuse to re-add an address that unsubscribed from the list (see control.setRefuseUnsubscribed) */
	refuseUnsubscribed?: boolean;
	/** §6.3 edit-task defaults: see control.setEditDefaults */
	editDefaults?: 'apply' | 'keep';
	/** Default true: no console output. */
	quiet?: boolean;
}

export interface LogEntry {
	method: string;
	path: string;
	/** PHP file name without `.php` (e.g. 'mloperate'), null when the path is not an API path. */
	file: string | null;
	do: string | null;
	query: Record<string, string>;
	/** Body fields; uploaded files as { filename, size }. */
	body: Record<string, string | { filename: string; size: number }>;
	/** Authenticated user name (or the name that failed). */
	user: string | null;
	/** HTTP status; -1 = connection reset, -2 = hung. */
	status: number;
	/** <status> of a <result> answer, when there is one. */
	resultStatus: string | null;
	/** Injected fault ('reset' | 'hang' | '5xx' | 'html' | 'truncate' | 'latency') or null. */
	fault: string | null;
	/** Simulated clock at arrival (ms). */
	at: number;
}

/**
 * 'cut': the answer's headers and part of its body, then the connection is reset (a reset mid-answer).
 * 'trickle': the headers at once, then the body `pieceBytes` (default 1) every `everyMs` (default 1000).
 * 'refuse': a U-Mail refusal is answered and the call is not done.
 */
export type FaultKind = 'reset' | 'hang' | '5xx' | 'html' | 'truncate' | 'cut' | 'trickle' | 'refuse';

export interface FaultConfig {
	latencyMs?: number;
	error5xxRate?: number;
	htmlErrorRate?: number;
	truncateRate?: number;
	hangRate?: number;
	resetRate?: number;
	/** Only requests for which this returns true are affected. */
	only?: (req: LogEntry) => boolean;
	/** Apply to the next N matching requests, then stop. */
	count?: number;
	/** HTTP status of '5xx' (default 500) or 'html' (default 200) faults. */
	status?: number;
	/** Share of the body kept by 'truncate' (default 0.5). */
	ratio?: number;
	/** 'reset'/'5xx': carry the call out first, then drop the connection / answer 5xx (the call landed). */
	after?: boolean;
	/** 'Retry-After' header (seconds or an HTTP date) of '5xx' faults. */
	retryAfter?: number | string;
	/** Hung requests are closed after this many real ms (default: never, until stop()). */
	hangMs?: number;
	/** 'trickle': bytes a piece (default 1) and ms between pieces (default 1000). */
	pieceBytes?: number;
	everyMs?: number;
	/** 'refuse': the `<result><status>` answered instead of doing the call (default 'tpl_checking'), and its message. */
	refusal?: string;
	message?: string;
}

export interface EmulatorControl {
	clock: {
		now(): number;
		advance(ms: number): number;
		/** Simulated ms per real ms; 0 stops the clock running by itself. */
		setSpeed(speed: number): void;
		set(ms: number | string): number;
		/** 'YYYY-MM-DD HH:mm:ss' in Beijing time. */
		format(ms?: number): string;
		/** 'YYYY-MM-DD' of the simulated now (Beijing time). */
		today(): string;
	};
	setSeed(n: number): void;
	readonly seed: number;
	faults: {
		set(cfg: FaultConfig): void;
		clear(): void;
		/** The next n requests (matching extra.only) fail with `kind`. */
		next(kind: FaultKind | 'latency', n?: number, extra?: Omit<FaultConfig, 'count'>): void;
		readonly config: FaultConfig | null;
		readonly pending: number;
	};
	log: LogEntry[];
	clearLog(): void;
	/** Empties all state (re-seeds demo data when demoData was set) and clears faults and log. */
	reset(): void;
	/** Direct access to the in-memory state (see state.js). */
	state: any;
	timing: Record<string, number>;
	setAuthFailure(mode: 'http401' | 'xml'): void;
	readonly authFailure: 'http401' | 'xml';
	/** §6.3 edit-task: 'apply' the reference's defaults (send_account/send_domain all, send_status 1, send_qty 0, track_status 0) to fields not sent, or 'keep' them (default). */
	setEditDefaults(mode: 'apply' | 'keep'): void;
	/** Text answers (XML, JSON, text) in this charset, declared in Content-Type and the XML declaration; null: UTF-8. */
	setCharset(charset: 'GBK' | 'GB18030' | 'Big5' | string | null): void;
	/** Answers gzip-compressed (Content-Encoding: gzip). */
	setGzip(on: boolean): void;
	setTypoTags(on: boolean): void;
	/** true: §4.8.1 answers address_unsubscribed, §4.8.2/§4.8.3 count the row as invalid; false (default): re-added */
	setRefuseUnsubscribed(on: boolean): void;
	customerOf(username?: string): any;
	/** Creates a contact list for a user (default: first user); returns its id. */
	createList(subject?: string, opts?: { username?: string; status?: 'enabled' | 'disabled'; description?: string }): number;
	/** Adds n addresses user<i>@<domain> to a list quickly; returns n. */
	seedAddresses(listId: number | string, n: number, opts?: { domain?: string }): number;
	/** Adds n failed addresses to a task (by send id) or to a date ('YYYY-MM-DD', SMTP traffic); returns the new total. */
	seedFailedAddresses(target: number | string, n: number, opts?: { type?: number; username?: string }): number;
	/** Content containing 'SPAM-TEST' is rejected (status 0, red); this forces it for a template. */
	markTemplateSpam(tplId: number | string, spam?: boolean): void;
	setSpamMarker(marker: string): void;
	/** Overrides the DNS rule (domains containing 'verified' pass). */
	setDomainDns(domain: string, ok: boolean): void;
	/** Overrides the CNAME rule (tracking domains containing 'nocname' or 'badcname' fail). */
	setTrackDomainCname(domain: string, ok: boolean): void;
	resetRateLimit(): void;
	/** Advances the clock past the task's end and its tracking window; returns the new now. */
	completeTask(taskId: number | string): number;
}

export interface Emulator {
	/** http://127.0.0.1:<port>/mm-ms/apinew (no trailing slash) */
	url: string;
	/** http://127.0.0.1:<port>/mm-ms/api */
	legacyUrl: string;
	/** http://127.0.0.1:<port> */
	baseUrl: string;
	port: number;
	users: EmulatorUser[];
	control: EmulatorControl;
	stop(): Promise<void>;
}

export function start(options?: EmulatorOptions): Promise<Emulator>;
export function seedDemo(state: any): void;
export const TIMING: Record<string, number>;
