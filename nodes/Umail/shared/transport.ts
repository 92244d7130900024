import {
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IN8nHttpFullResponse,
	sleep,
} from 'n8n-workflow';

import { looksLikeHtml } from './answers';
import { AnswerBounds, AnswerTooSlow } from './bounds';
import { utf8Pieces } from './charset';
import { checkResult, checkShape, decode } from './checks';
import { answerError, formatError, httpStatusError, networkCode, networkError, type RequestFacts } from './errors';
import { decodeJsonStreamed } from './jsonStream';
import { decodeStreamed, isStream, readStream, type StreamOutcome, type StreamSpec } from './stream';

export const CREDENTIAL = 'umailApi';

export type UmailFunctions = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** what a call does: a `read` may be asked again, a `write` is sent once (see OperationDef.effect) */
export type Effect = 'read' | 'write';

/** how big an answer may be (see UmailRequest.answerSize) */
export type AnswerSize = 'small' | 'list';

export type Scalar = string | number | boolean | undefined | null;

export interface UploadFile {
	field: string;
	fileName: string;
	data: Buffer;
	mimeType?: string;
}

export interface UmailRequest {
	/** the PHP file, e.g. `mloperate.php` */
	endpoint: string;
	do?: string;
	method?: 'GET' | 'POST';
	/** default `write`: sent once; only reads are retried */
	effect?: Effect;
	qs?: Record<string, Scalar>;
	/** POST fields, sent form-urlencoded, or multipart when `files` is set */
	form?: Record<string, Scalar>;
	files?: UploadFile[];
	/** how to read the answer; default `xml` */
	answer?: 'xml' | 'json' | 'text' | 'buffer';
	/** XML paths that are lists, e.g. `task_list.task` */
	lists?: readonly string[];
	timeoutMs?: number;
	/**
	 * `small`: one record or a short list, bounded at transportSettings.smallAnswerBytes; default: a list or an export,
	 * bounded by the credential's Max Answer Size (bounds.ts)
	 */
	answerSize?: AnswerSize;
	/** `<result><status>` values that are answers here, not errors (e.g. `no_complete` while an import is parsed) */
	okStatuses?: readonly string[];
	/** the XML answer may be a bare declaration, meaning "nothing" (§3.6) */
	emptyOk?: boolean;
	/** the XML root the answer must have (besides `<result>`); default: the first name of `lists` or `stream.records` */
	root?: string;
	/** what users call the call, for messages, e.g. `Contact List → Get`; the router sets it */
	label?: string;
	/**
	 * big lists (GET only): decode the answer in runs of records as it arrives; XML: the records at a path (stream.ts),
	 * JSON: the elements of the top-level array (jsonStream.ts, `records` unused)
	 */
	stream?: StreamSpec;
}

export interface UmailAnswer {
	/** the decoded answer: XML → `{ root: … }`, JSON → as sent, text → lines, buffer → Buffer */
	body: unknown;
	contentType: string;
}

const RETRYABLE_HTTP = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'EAI_AGAIN']);

/** Tunables, exported so tests and benchmarks can shorten waits. */
export const transportSettings = {
	timeoutMs: 60_000,
	readAttempts: 3,
	backoffMs: 400,
	/** the longest Retry-After a read waits for; a longer one ends the run with an error saying when to try again */
	maxRetryAfterMs: 30_000,
	/** all the waits of one read together */
	maxTotalWaitMs: 60_000,
	/**
	 * the size bound of list and export answers unless the credential's Max Answer Size says otherwise: 4 times the
	 * biggest answer the benchmarks fetch (100,000 open records: 62.5 MB; 100,000 addresses: 60.8 MB)
	 */
	maxAnswerBytes: 256 * 1024 * 1024,
	/** the size bound of answers declared `answerSize: 'small'` */
	smallAnswerBytes: 16 * 1024 * 1024,
	/** past `timeoutMs`, every second must be paid for with this many bytes received (bounds.ts) */
	minBytesPerSecond: 64 * 1024,
};

/** Retry-After in ms (seconds or an HTTP date), undefined when absent or unreadable. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	const text = String(Array.isArray(value) ? value[0] : (value ?? '')).trim();
	if (text === '') return undefined;
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function clean(values: Record<string, Scalar> | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(values ?? {})) {
		if (value === undefined || value === null || value === '') continue;
		out[key] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
	}
	return out;
}

function toBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	if (body === undefined || body === null) return Buffer.alloc(0);
	return Buffer.from(JSON.stringify(body), 'utf8');
}

function describe(request: UmailRequest): string {
	const endpoint = request.do ? `${request.endpoint}?do=${request.do}` : request.endpoint;
	return request.label ? `${request.label} (${endpoint})` : endpoint;
}

function buildBody(request: UmailRequest): Pick<IHttpRequestOptions, 'body' | 'headers'> {
	if (request.method !== 'POST') return {};
	const fields = clean(request.form);
	if (request.files?.length) {
		const form = new FormData();
		for (const [key, value] of Object.entries(fields)) form.append(key, value);
		for (const file of request.files) {
			const blob = new Blob([new Uint8Array(file.data)], { type: file.mimeType ?? 'application/octet-stream' });
			form.append(file.field, blob, file.fileName);
		}
		return { body: form };
	}
	return {
		body: new URLSearchParams(fields).toString(),
		headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
	};
}

/** How long to wait before attempt `attempt + 1` of a read, or undefined when it is not asked again. */
function waitBefore(attempt: number, waited: number, retryAfter: number | undefined): number | undefined {
	if (attempt >= transportSettings.readAttempts) return undefined;
	if (retryAfter !== undefined && retryAfter > transportSettings.maxRetryAfterMs) return undefined;
	const wait = retryAfter ?? transportSettings.backoffMs * 2 ** (attempt - 1);
	return waited + wait > transportSettings.maxTotalWaitMs ? undefined : wait;
}

/** The size bound of an answer and how a user may raise it (bounds.ts). */
function sizeBound(request: UmailRequest, credentials: IDataObject): { limitBytes: number; raiseLimit: string } {
	if (request.answerSize === 'small') {
		return {
			limitBytes: transportSettings.smallAnswerBytes,
			raiseLimit: 'This operation answers with one record or a short list: an answer this big comes from a broken server, proxy or cache, not from U-Mail',
		};
	}
	const mb = Number(credentials.maxAnswerMb);
	return {
		limitBytes: Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : transportSettings.maxAnswerBytes,
		raiseLimit: 'If a list or export of this account is really this big, raise Max Answer Size in the U-Mail API credential; a compressed answer that inflates without end is stopped here too',
	};
}

/** The answer's bytes, bounded and turned into UTF-8 (raw for `buffer` answers). */
function bodyOf(response: IN8nHttpFullResponse, bounds: AnswerBounds, kind: string): AsyncIterable<Uint8Array | string> {
	let body: AsyncIterable<Uint8Array | string>;
	if (isStream(response.body)) body = bounds.read(response.body);
	else {
		// another n8n version's helper may have read it whole already
		const whole = toBuffer(response.body);
		bounds.check(whole.length);
		body = (async function* () {
			yield whole;
		})();
	}
	return kind === 'buffer' ? body : utf8Pieces(body, String(response.headers?.['content-type'] ?? ''));
}

/**
 * The one way this pack talks to U-Mail: builds the request, sends it through n8n's authenticated helper (so n8n's
 * proxy, SSL and credential handling apply), bounds the answer in size and time (bounds.ts), decodes it from its
 * declared charset (charset.ts), retries reads (never writes) and maps every failure to a NodeApiError that names the
 * operation and item and never holds the password or the Authorization header.
 */
export async function umailRequest(
	this: UmailFunctions,
	request: UmailRequest,
	itemIndex?: number,
): Promise<UmailAnswer> {
	const credentials = await this.getCredentials(CREDENTIAL);
	const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const facts: RequestFacts = {
		itemIndex,
		operation: describe(request),
		secrets: [String(credentials.password ?? ''), `${credentials.username}:${credentials.password}`],
	};
	const method = request.method ?? 'GET';
	const timeoutMs = request.timeoutMs ?? transportSettings.timeoutMs;
	const options: IHttpRequestOptions = {
		method,
		url: `${baseUrl}/${request.endpoint}`,
		qs: clean({ do: request.do, ...request.qs }),
		...buildBody(request),
		// always a stream: the answer is counted and timed as it is inflated, never buffered whole by the helper
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
		timeout: timeoutMs,
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		// a redirect to another host must not carry the Basic credentials there
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const { limitBytes, raiseLimit } = sizeBound(request, credentials);
	const boundFacts = { timeoutMs, minBytesPerSecond: transportSettings.minBytesPerSecond, raiseLimit };
	// by what the call does, not by its HTTP method: many writes of this API are GETs
	const reads = request.effect === 'read';
	const kind = request.answer ?? 'xml';
	let streaming = request.stream !== undefined && method === 'GET' && (kind === 'xml' || kind === 'json');
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse | undefined;
		let raw: Buffer = Buffer.alloc(0);
		let streamed: StreamOutcome | undefined;
		const bounds = new AnswerBounds({ limitBytes, timeoutMs, minBytesPerSecond: transportSettings.minBytesPerSecond });
		try {
			response = (await bounds.response(
				this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL, options) as Promise<IN8nHttpFullResponse>,
			)) as IN8nHttpFullResponse;
			const body = bodyOf(response, bounds, kind);
			// a streamed answer is decoded as it arrives; error statuses and HTML pages are read whole and handled below
			const type = String(response.headers?.['content-type'] ?? '');
			if (streaming && response.statusCode < 400 && !/text\/html/i.test(type)) {
				streamed = kind === 'json' ? await decodeJsonStreamed(body) : await decodeStreamed(body, request.stream!, request);
				if (streamed.whole) [raw, streamed] = [streamed.whole, undefined];
			} else raw = await readStream(body);
		} catch (error) {
			bounds.stop();
			// also a connection reset in the middle of the answer, or an answer that stalled: a read is asked again
			const code = error instanceof AnswerTooSlow ? 'ETIMEDOUT' : networkCode(error);
			const wait = reads && code && RETRYABLE_NETWORK.has(code) ? waitBefore(attempt, waited, undefined) : undefined;
			if (wait !== undefined) {
				waited += wait;
				await sleep(wait);
				continue;
			}
			// the request failed, or the connection did while the answer was read; else the answer itself (bounds.ts,
			// charset.ts, a decoder)
			const network = !(error instanceof AnswerTooSlow) && (!response || code !== undefined);
			throw network ? networkError(this.getNode(), facts, error) : answerError(this.getNode(), facts, error, boundFacts);
		}
		if (streamed) {
			// an answer not shaped as the record path says: ask again and decode it whole
			if (streamed.fallback) {
				streaming = false;
				attempt--;
				continue;
			}
			if (streamed.problem) throw formatError(this.getNode(), facts, streamed.problem.message, streamed.problem.head);
			checkResult.call(this, streamed.decoded, facts, request.okStatuses);
			if (kind === 'xml') checkShape.call(this, streamed.decoded, request, facts, '');
			return { body: streamed.decoded, contentType: String(response.headers?.['content-type'] ?? '') };
		}
		const statusCode = response.statusCode;
		if (statusCode >= 400) {
			const retryAfter = retryAfterMs(response.headers?.['retry-after']);
			const wait = reads && RETRYABLE_HTTP.has(statusCode) ? waitBefore(attempt, waited, retryAfter) : undefined;
			if (wait !== undefined) {
				waited += wait;
				await sleep(wait);
				continue;
			}
			throw httpStatusError(this.getNode(), facts, statusCode, raw.subarray(0, 2000).toString('utf8'), retryAfter);
		}
		const contentType = String(response.headers?.['content-type'] ?? '');
		if (request.answer !== 'buffer' && /text\/html/i.test(contentType) && looksLikeHtml(raw.subarray(0, 200).toString('utf8'))) {
			throw formatError(
				this.getNode(),
				facts,
				'The server sent an HTML page instead of an API answer',
				raw.subarray(0, 2000).toString('utf8'),
			);
		}
		return { body: decode.call(this, request, raw, facts), contentType };
	}
}
