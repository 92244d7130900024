import {
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
	NodeApiError,
	sleep,
} from 'n8n-workflow';

import { AnswerFormatError, decodeJson, decodeLines, decodeXml, looksLikeHtml, rootName } from './answers';
import { decodeJsonStreamed } from './jsonStream';
import { decodeStreamed, isStream, readStream, type StreamOutcome, type StreamSpec } from './stream';
import {
	formatError,
	httpStatusError,
	networkCode,
	networkError,
	type RequestFacts,
	statusError,
} from './errors';

export const CREDENTIAL = 'umailApi';

export type UmailFunctions = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** what a call does: a `read` may be asked again, a `write` is sent once (see OperationDef.effect) */
export type Effect = 'read' | 'write';

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

const SUCCESS = new Set(['success', 'success_and_check_ok']);
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

/** The status element of a `<result>` answer, checked on every call so no operation can forget it. */
function checkResult(this: UmailFunctions, decoded: unknown, facts: RequestFacts, okStatuses: readonly string[] = []) {
	const result = (decoded as IDataObject | undefined)?.result as IDataObject | undefined;
	if (!result || typeof result !== 'object' || !('status' in result)) return;
	const status = String(result.status ?? '');
	if (SUCCESS.has(status) || okStatuses.includes(status)) return;
	const data = typeof result.data === 'string' ? result.data : result.data ? JSON.stringify(result.data) : '';
	throw statusError(this.getNode(), facts, status, data);
}

function decodeText(request: UmailRequest, text: string, kind: string): { decoded: unknown; xml: boolean } {
	// an XML `<result>` can answer any call, also those documented as JSON or text, when a parameter is refused
	const isXml = kind === 'xml' || /^\s*<\?xml|^\s*<(result|error)[\s>]/.test(text);
	if (isXml) return { decoded: decodeXml(text, request.lists, request.emptyOk), xml: true };
	if (kind === 'json') return { decoded: decodeJson(text), xml: false };
	return { decoded: decodeLines(text), xml: false };
}

function expectedRoot(request: UmailRequest): string | undefined {
	const path = request.root ?? request.lists?.[0] ?? request.stream?.records;
	const first = path?.split('.')[0];
	return first && first !== '[]' ? first : undefined;
}

/**
 * An answer of another shape than the operation's is an error naming it, never an empty result: `<error>` anywhere,
 * another root than the expected one, XML where JSON or text was documented (a `<result>` is checked by checkResult).
 */
function checkShape(this: UmailFunctions, decoded: unknown, request: UmailRequest, facts: RequestFacts, head: string) {
	const roots = decoded && typeof decoded === 'object' ? Object.keys(decoded) : [];
	if (roots.includes('result') || roots.length === 0) return;
	if (roots.includes('error')) {
		const error = (decoded as IDataObject).error;
		const fields = error && typeof error === 'object' ? (error as IDataObject) : { message: error };
		const code = String(fields.code ?? fields.status ?? 'error');
		const message = String(fields.message ?? fields.msg ?? fields.data ?? '');
		throw statusError(this.getNode(), facts, code, message);
	}
	const kind = request.answer ?? 'xml';
	if (kind !== 'xml') {
		throw formatError(this.getNode(), facts, `The server sent XML <${roots[0]}> where ${kind === 'json' ? 'JSON' : 'a text export'} was expected`, head);
	}
	// the decoder adds the documented lists, so the root is read from the text (a streamed answer has no text here:
	// its decoder already checked the record path)
	const root = expectedRoot(request);
	const sent = head ? rootName(head) : undefined;
	if (root && sent && sent !== root) {
		throw formatError(this.getNode(), facts, `The server sent XML <${sent}> where <${root}> was expected`, head);
	}
}

function decode(this: UmailFunctions, request: UmailRequest, raw: Buffer, facts: RequestFacts): unknown {
	const kind = request.answer ?? 'xml';
	if (kind === 'buffer') return raw;
	let decoded: unknown;
	let xml = false;
	let problem: AnswerFormatError | undefined;
	const text = raw.toString('utf8');
	try {
		({ decoded, xml } = decodeText(request, text, kind));
	} catch (error) {
		if (!(error instanceof AnswerFormatError)) throw new NodeApiError(this.getNode(), error as JsonObject);
		problem = error;
	}
	if (problem) throw formatError(this.getNode(), facts, problem.message, problem.head);
	checkResult.call(this, decoded, facts, request.okStatuses);
	if (xml) checkShape.call(this, decoded, request, facts, text.slice(0, 2000));
	return decoded;
}

/** How long to wait before attempt `attempt + 1` of a read, or undefined when it is not asked again. */
function waitBefore(attempt: number, waited: number, retryAfter: number | undefined): number | undefined {
	if (attempt >= transportSettings.readAttempts) return undefined;
	if (retryAfter !== undefined && retryAfter > transportSettings.maxRetryAfterMs) return undefined;
	const wait = retryAfter ?? transportSettings.backoffMs * 2 ** (attempt - 1);
	return waited + wait > transportSettings.maxTotalWaitMs ? undefined : wait;
}

/**
 * The one way this pack talks to U-Mail: builds the request, sends it through n8n's authenticated helper (so n8n's
 * proxy, SSL and credential handling apply), retries reads (never writes), decodes the answer and maps every failure
 * to a NodeApiError that names the operation and item and never holds the password or the Authorization header.
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
	const options: IHttpRequestOptions = {
		method,
		url: `${baseUrl}/${request.endpoint}`,
		qs: clean({ do: request.do, ...request.qs }),
		...buildBody(request),
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: false,
		timeout: request.timeoutMs ?? transportSettings.timeoutMs,
		skipSslCertificateValidation: credentials.ignoreSslIssues === true,
		// a redirect to another host must not carry the Basic credentials there
		sendCredentialsOnCrossOriginRedirect: false,
	};
	// by what the call does, not by its HTTP method: many writes of this API are GETs
	const reads = request.effect === 'read';
	const kind = request.answer ?? 'xml';
	let streaming = request.stream !== undefined && method === 'GET' && (kind === 'xml' || kind === 'json');
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		let raw: Buffer = Buffer.alloc(0);
		let streamed: StreamOutcome | undefined;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL,
				{ ...options, encoding: streaming ? 'stream' : 'arraybuffer' },
			)) as IN8nHttpFullResponse;
			// a streamed answer is decoded as it arrives; error statuses and HTML pages are read whole and handled below
			if (isStream(response.body)) {
				const type = String(response.headers?.['content-type'] ?? '');
				if (response.statusCode < 400 && !/text\/html/i.test(type)) {
					streamed = kind === 'json' ? await decodeJsonStreamed(response.body) : await decodeStreamed(response.body, request.stream!, request);
					if (streamed.whole) [raw, streamed] = [streamed.whole, undefined];
				} else raw = await readStream(response.body);
			} else raw = toBuffer(response.body);
		} catch (error) {
			// also a connection reset in the middle of the answer: a read is asked again
			const code = networkCode(error);
			const wait = reads && code && RETRYABLE_NETWORK.has(code) ? waitBefore(attempt, waited, undefined) : undefined;
			if (wait !== undefined) {
				waited += wait;
				await sleep(wait);
				continue;
			}
			throw networkError(this.getNode(), facts, error);
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
