import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { AnswerFormatError, decodeXml, looksLikeHtml, snippetOf } from './answers';
import { isAuthStatus, scrub } from './errors';

interface LegacyResponse {
	statusCode: number;
	body: unknown;
}

const WRONG_LOGIN = 'Authentication failed: check the username and password';

/** What a customer-info answer says about the login; undefined when it says "you are in". */
export function judgeCustomerInfo(statusCode: number, text: string): string | undefined {
	if (statusCode === 401 || statusCode === 403) return `${WRONG_LOGIN} (HTTP ${statusCode})`;
	if (statusCode >= 400) return `The API answered HTTP ${statusCode}: check the API Base URL (${snippetOf(text, 80)})`;
	if (looksLikeHtml(text)) {
		return `The API answered with an HTML page, not U-Mail XML: ${WRONG_LOGIN}, and that the API Base URL ends in /mm-ms/apinew (${snippetOf(text, 80)})`;
	}
	let decoded: IDataObject;
	try {
		decoded = decodeXml(text);
	} catch (error) {
		const message = error instanceof AnswerFormatError ? error.message : 'The answer could not be read';
		return `${message}: check the API Base URL`;
	}
	const result = decoded.result as IDataObject | undefined;
	if (result) {
		const status = String(result.status ?? '');
		const data = String(result.data ?? '');
		return isAuthStatus(status) || status !== 'success'
			? `${WRONG_LOGIN} (the API answered "${status}"${data ? `: ${data}` : ''})`
			: undefined;
	}
	if (!decoded.customer) return `Unexpected answer from the API: check the API Base URL (${snippetOf(text, 80)})`;
	return undefined;
}

/**
 * The credential test. U-Mail may refuse a wrong password with HTTP 401, with an XML error at status 200, or with an
 * HTML login page, so the answer has to be read, which n8n's declarative credential test cannot do.
 */
export async function umailApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const password = String(data.password ?? '');
	const baseUrl = String(data.baseUrl ?? '').replace(/\/+$/, '');
	try {
		// n8n gives credential tests only this helper
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		const response = (await this.helpers.request({
			method: 'GET',
			uri: `${baseUrl}/account.php`,
			qs: { do: 'customer-info' },
			auth: { user: String(data.username ?? ''), pass: password },
			resolveWithFullResponse: true,
			simple: false,
			rejectUnauthorized: data.ignoreSslIssues !== true,
			timeout: 20_000,
		})) as LegacyResponse;
		const text = typeof response.body === 'string' ? response.body : String(response.body ?? '');
		const problem = judgeCustomerInfo(response.statusCode, text);
		if (problem) return { status: 'Error', message: scrub(problem, [password]) };
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		const message = (error as Error).message ?? 'The API could not be reached';
		return { status: 'Error', message: scrub(`The API could not be reached: ${message}`, [password]) };
	}
}
