/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node, not in n8n (README: Linting) */
/*
 * Network failures as n8n 1.x reports them. n8n-core (1.x and 2.x alike) hands the AxiosError of a failed request to
 * `new NodeApiError(node, error)`. n8n-workflow 1.x's ExecutionBaseError declares `cause` as a class field, which
 * resets the cause Error's constructor had set, so the axios code survives only as NodeApiError's `httpCode`
 * (checked against n8n-workflow 1.120.31, the one n8n 1.123.81 ships: same message, messages and httpCode as 2.x,
 * cause undefined). V1NodeApiError is 2.x's class with that one difference.
 */
import axios, { type AxiosRequestConfig } from 'axios';
import { type IHttpRequestOptions, type INode, type JsonObject, NodeApiError } from 'n8n-workflow';

import { networkCode, networkError } from '../../nodes/Umail/shared/errors';
import { transportSettings, umailRequest, type UmailFunctions } from '../../nodes/Umail/shared/transport';
import { reset, send, useFakeServer, xml } from './fakeServer';

class V1NodeApiError extends NodeApiError {
	override cause = undefined;
}

const NODE: INode = { id: '1', name: 'U-Mail', type: 'n8n-nodes-umail.umail', typeVersion: 1, position: [0, 0], parameters: {} };
const FACTS = { operation: 'Contact List → Get (mloperate.php?do=maillist-detail)' };
const LIST = xml('<maillist>\n  <id>42</id>\n</maillist>');

const server = useFakeServer();

/** What n8n-core 1.x's httpRequestWithAuthentication does with these options: axios, errors wrapped in NodeApiError. */
async function v1Request(options: IHttpRequestOptions) {
	const config: AxiosRequestConfig = {
		method: options.method,
		url: options.url,
		params: options.qs,
		timeout: options.timeout,
		responseType: 'arraybuffer',
		validateStatus: () => true,
	};
	try {
		const response = await axios(config);
		return { body: Buffer.from(response.data), headers: response.headers, statusCode: response.status };
	} catch (error) {
		throw new V1NodeApiError(NODE, error as JsonObject);
	}
}

const v1Context = () =>
	({
		getNode: () => NODE,
		getCredentials: async () => server.credentials,
		helpers: { httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => v1Request(options) },
	}) as unknown as UmailFunctions;

const getList = () => umailRequest.call(v1Context(), { endpoint: 'mloperate.php', do: 'maillist-detail', qs: { id: '42' }, effect: 'read' }, 0);

async function v1Failure(url: string, timeout = 3_000): Promise<NodeApiError> {
	const error = await v1Request({ method: 'GET', url, timeout }).catch((thrown: NodeApiError) => thrown);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('the n8n 1.x error shape', () => {
	test.each([
		['a refused connection', 'ECONNREFUSED', 'http://127.0.0.1:1/', 'the connection was refused: check the API Base URL of the credential'],
		['a connection reset', 'ECONNRESET', reset, 'the connection was reset by the server'],
		['a timeout', 'ECONNABORTED', () => undefined, 'the request timed out'],
	])('%s: the code is found in httpCode and named in the message', async (_label, code, target, words) => {
		if (typeof target !== 'string') server.reply = target;
		const error = await v1Failure(typeof target === 'string' ? target : server.url, 150);
		expect(error.cause).toBeUndefined();
		expect(error.httpCode).toBe(code);
		expect(networkCode(error)).toBe(code);
		const reported = networkError(NODE, FACTS, error);
		expect(reported.description).toBe(`Error code: ${code}`);
		expect(reported.messages).toContain(`U-Mail could not be reached for ${FACTS.operation}: ${words}`);
	});

	test('an HTTP status in httpCode is no network code', () => {
		const error = new V1NodeApiError(NODE, { message: 'Bad gateway' }, { httpCode: '502' });
		expect(networkCode(error)).toBeUndefined();
	});
});

describe('reads are retried on n8n 1.x', () => {
	test('a GET succeeds after one connection reset: two requests', async () => {
		server.reply = (res, _seen, n) => (n === 1 ? reset(res) : send(res, LIST));
		const answer = await getList();
		expect(answer.body).toEqual({ maillist: { id: '42' } });
		expect(server.seen).toHaveLength(2);
	});

	test('a GET that keeps timing out is asked readAttempts times, then named a timeout', async () => {
		server.reply = () => undefined;
		transportSettings.timeoutMs = 150;
		const error = (await getList().catch((thrown: NodeApiError) => thrown)) as NodeApiError;
		expect(server.seen).toHaveLength(3);
		expect(error.description).toBe('Error code: ECONNABORTED');
		expect(error.messages.join(' ')).toContain('the request timed out');
	});
});
