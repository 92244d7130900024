import type { IDataObject } from 'n8n-workflow';

import { AnswerFormatError, decodeJson, decodeLines, decodeXml, rootName } from './answers';
import { answerError, formatError, type RequestFacts, statusError } from './errors';
import type { UmailFunctions, UmailRequest } from './transport';

/**
 * What every answer is checked for once it is decoded, so no operation can forget it: the `<result>` status, and the
 * shape the operation expects.
 */

const SUCCESS = new Set(['success', 'success_and_check_ok']);

/** The status element of a `<result>` answer, checked on every call so no operation can forget it. */
export function checkResult(this: UmailFunctions, decoded: unknown, facts: RequestFacts, okStatuses: readonly string[] = []) {
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
export function checkShape(this: UmailFunctions, decoded: unknown, request: UmailRequest, facts: RequestFacts, head: string) {
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

export function decode(this: UmailFunctions, request: UmailRequest, raw: Buffer, facts: RequestFacts): unknown {
	const kind = request.answer ?? 'xml';
	if (kind === 'buffer') return raw;
	let decoded: unknown;
	let xml = false;
	let problem: AnswerFormatError | undefined;
	const text = raw.toString('utf8');
	try {
		({ decoded, xml } = decodeText(request, text, kind));
	} catch (error) {
		if (!(error instanceof AnswerFormatError)) throw answerError(this.getNode(), facts, error);
		problem = error;
	}
	if (problem) throw formatError(this.getNode(), facts, problem.message, problem.head);
	checkResult.call(this, decoded, facts, request.okStatuses);
	if (xml) checkShape.call(this, decoded, request, facts, text.slice(0, 2000));
	return decoded;
}

