import { type INode, type JsonObject, NodeApiError } from 'n8n-workflow';

import { snippetOf } from './answers';
import { AnswerTooBig, AnswerTooSlow, megabytes } from './bounds';
import { UnknownCharset } from './charset';

/** Plain-language help for the status codes the reference names. The server's own message is kept beside it. */
const STATUS_HELP: Record<string, string> = {
	add_maillist_error: 'The contact list could not be created or changed',
	domain_cname_error: 'The tracking domain\'s CNAME record does not point to count.bestedm.net',
	domains_param_error: 'The domains parameter is missing or malformed',
	not_exist: 'The requested record does not exist',
	no_complete: 'The file import is still being parsed',
	error: 'The server refused a parameter',
	auth_error: 'Authentication failed: check the username and password of the U-Mail API credential',
};

const AUTH_HINT = 'Authentication failed: check the username and password of the U-Mail API credential';

export interface RequestFacts {
	itemIndex?: number;
	/** what was asked, e.g. "mloperate.php?do=maillist-add"; never holds credentials */
	operation: string;
	secrets?: string[];
}

/** Removes the password and any Authorization value from text that may reach the user. */
export function scrub(text: string, secrets: string[] = []): string {
	let clean = text.replace(/(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._-]+/gi, '$1$2 ***');
	clean = clean.replace(/\b(basic)\s+[A-Za-z0-9+/]{8,}={0,2}/gi, '$1 ***');
	for (const secret of secrets) {
		if (secret && secret.length >= 3) clean = clean.split(secret).join('***');
		if (secret) {
			const encoded = Buffer.from(secret).toString('base64');
			if (encoded.length >= 4) clean = clean.split(encoded).join('***');
		}
	}
	return clean;
}

/** The longest message or description an error carries: an API error can hold a megabyte of text. */
export const MAX_ERROR_TEXT = 4096;

/** Cut after scrubbing, so no part of a secret survives the cut. */
export function capText(text: string, max = MAX_ERROR_TEXT): string {
	return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters not shown)` : text;
}

function apiError(
	node: INode,
	facts: RequestFacts,
	message: string,
	description: string,
	extra: JsonObject = {},
): NodeApiError {
	const secrets = facts.secrets ?? [];
	const safeMessage = capText(scrub(message, secrets));
	const safeDescription = capText(scrub(description, secrets));
	const response: JsonObject = { ...extra, message: safeMessage, description: safeDescription };
	return new NodeApiError(node, response, {
		message: safeMessage,
		description: safeDescription,
		itemIndex: facts.itemIndex,
		httpCode: typeof extra.httpCode === 'string' ? extra.httpCode : undefined,
	});
}

export function isAuthStatus(status: string): boolean {
	return /auth|login|passw|user_?name|permission|forbidden|unauthori[sz]ed/i.test(status);
}

/** A `<result><status>` other than success. */
export function statusError(node: INode, facts: RequestFacts, status: string, data: string): NodeApiError {
	const help = STATUS_HELP[status] ?? (isAuthStatus(status) ? AUTH_HINT : undefined);
	const message = `U-Mail refused ${facts.operation}: ${status}${data ? ` (${data})` : ''}`;
	const description = [help, data && `Server message: ${data}`].filter(Boolean).join('. ') || 'The server gave no message with this status';
	return apiError(node, facts, message, description, { status: capText(scrub(status, facts.secrets), 200), data: capText(scrub(data, facts.secrets)) });
}

/** The first bytes of an answer, for a message: scrubbed first, then cut, so no part of a secret survives the cut. */
function firstBytes(head: string, facts: RequestFacts): string {
	return snippetOf(scrub(head, facts.secrets));
}

/** When to try again, from Retry-After, or plain words when the server did not say. */
function tryAgain(statusCode: number, retryAfterMs: number | undefined): string {
	if (retryAfterMs !== undefined) return `: try again in ${Math.ceil(retryAfterMs / 1000)} s (the server's Retry-After)`;
	return statusCode === 429 || statusCode === 503 ? ': try again in a minute or two' : '';
}

export function httpStatusError(
	node: INode,
	facts: RequestFacts,
	statusCode: number,
	head: string,
	retryAfterMs?: number,
): NodeApiError {
	const snippet = firstBytes(head, facts);
	if (statusCode === 401 || statusCode === 403) {
		return apiError(node, facts, `Authentication failed for ${facts.operation}: HTTP ${statusCode}. Check the username and password of the U-Mail API credential`, snippet ? `The server answered: ${snippet}` : 'The answer was empty', {
			httpCode: String(statusCode),
		});
	}
	const kind = statusCode >= 500 ? 'a server error' : 'an error';
	return apiError(
		node,
		facts,
		`U-Mail answered ${facts.operation} with ${kind}: HTTP ${statusCode}${statusCode === 429 ? ' (too many requests)' : ''}${tryAgain(statusCode, retryAfterMs)}`,
		snippet ? `The server answered: ${snippet}` : 'The answer was empty',
		{ httpCode: String(statusCode) },
	);
}

export function formatError(node: INode, facts: RequestFacts, problem: string, head: string): NodeApiError {
	const snippet = firstBytes(head, facts);
	return apiError(
		node,
		facts,
		`${problem} to ${facts.operation}`,
		snippet ? `It began: ${snippet}` : 'The answer was empty',
	);
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset by the server',
	ECONNREFUSED: 'the connection was refused: check the API Base URL of the credential',
	ENOTFOUND: 'the host name could not be resolved: check the API Base URL of the credential',
	EAI_AGAIN: 'the host name could not be resolved: check the API Base URL of the credential',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	ESOCKETTIMEDOUT: 'the request timed out',
	EPIPE: 'the connection was closed by the server',
	CERT_HAS_EXPIRED: 'the server\'s SSL certificate has expired (see Ignore SSL Issues in the credential)',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'the server\'s SSL certificate is self-signed (see Ignore SSL Issues in the credential)',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server\'s SSL certificate cannot be verified (see Ignore SSL Issues in the credential)',
};

/**
 * The error code of a failed request, wherever n8n or axios put it. n8n-workflow 1.x's NodeApiError loses its cause (a
 * class field resets it) and keeps the axios code only as its `httpCode`, where HTTP statuses are digits.
 */
export function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const candidate = current as { code?: unknown; httpCode?: unknown; cause?: unknown; message?: unknown };
		for (const code of [candidate.code, candidate.httpCode]) {
			if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		}
		if (typeof candidate.message === 'string') {
			if (/timeout|timed out/i.test(candidate.message)) return 'ETIMEDOUT';
			// axios: `aborted` / `stream has been aborted` when the connection drops in the middle of the answer
			if (/socket hang up|^aborted$|stream has been aborted/i.test(candidate.message)) return 'ECONNRESET';
		}
		current = candidate.cause;
	}
	return undefined;
}

export function networkError(node: INode, facts: RequestFacts, error: unknown): NodeApiError {
	const code = networkCode(error) ?? 'UNKNOWN';
	const words = NETWORK_WORDS[code] ?? 'the request failed before an answer came back';
	return apiError(node, facts, `U-Mail could not be reached for ${facts.operation}: ${words}`, `Error code: ${code}`, {
		// not `code` nor `errorCode`: NodeApiError would swap our message for its generic one for codes it knows
		networkCode: code,
	});
}

/** What the answer bounds were, for messages (bounds.ts). */
export interface BoundFacts {
	timeoutMs: number;
	minBytesPerSecond: number;
	/** how the user can raise the size limit, when they can */
	raiseLimit: string;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** A failure of reading the answer: over its size or time bound, an unknown charset, or anything unexpected. */
export function answerError(node: INode, facts: RequestFacts, error: unknown, bounds?: BoundFacts): NodeApiError {
	const operation = facts.operation;
	if (error instanceof AnswerTooBig && bounds) {
		return apiError(
			node,
			facts,
			`The answer to ${operation} is larger than the limit of ${megabytes(error.limit)} (counted after decompression)`,
			`Reading stopped after ${megabytes(error.bytes)}. ${bounds.raiseLimit}`,
			{ networkCode: 'ANSWER_TOO_BIG' },
		);
	}
	if (error instanceof AnswerTooSlow && bounds) {
		const rate = `${Math.round(bounds.minBytesPerSecond / 1024)} KB/s`;
		const rule = `The node waits ${seconds(bounds.timeoutMs)} for an answer, plus a second for every ${rate} received`;
		// as n8n's own timeout reads
		if (!error.headers) return networkError(node, facts, { code: 'ETIMEDOUT' });
		if (error.silentMs !== undefined) {
			return apiError(
				node,
				facts,
				`The answer to ${operation} stalled: nothing came for ${seconds(error.silentMs)} after ${error.bytes} bytes`,
				`${rule}, and ends an answer silent for ${seconds(bounds.timeoutMs)}; the server (or a proxy on the way) stopped sending`,
				{ networkCode: 'ETIMEDOUT' },
			);
		}
		return apiError(
			node,
			facts,
			`The answer to ${operation} came too slowly: ${error.bytes} bytes in ${seconds(error.elapsedMs)}`,
			`${rule}; the server (or a proxy on the way) sent less than that, as if it had stalled`,
			{ networkCode: 'ETIMEDOUT' },
		);
	}
	if (error instanceof UnknownCharset) {
		return apiError(
			node,
			facts,
			`The answer to ${operation} declares the charset "${error.charset}", which this node cannot decode`,
			'UTF-8 (as the API reference says), GBK, GB18030, Big5 and the other charsets of Node\'s TextDecoder are decoded; ask the provider to answer in UTF-8',
		);
	}
	const words = error instanceof Error ? error.message || error.name : String(error ?? '');
	return apiError(
		node,
		facts,
		`Reading the answer to ${operation} failed: ${words || 'unknown error'}`,
		'The answer could not be read; it may be malformed or cut off',
	);
}
