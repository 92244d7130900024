import { type IDataObject, type INodeParameters, NodeApiError } from 'n8n-workflow';

import { transportSettings } from '../../nodes/Umail/shared/transport';
import { start, type Emulator } from '../emulator';
import { runCredentialTestRequest } from '../helpers/n8n';
import { byId, json, runUmail } from '../nodes/Umail/setup';
import { reset, resultXml, send, useFakeServer, xml } from './fakeServer';

const PASSWORD = 'S3cr3t-P@ss-文';
const BASIC = Buffer.from(`demo:${PASSWORD}`).toString('base64');
const SECRETS = [PASSWORD, BASIC, Buffer.from(PASSWORD).toString('base64')];

const GET: INodeParameters = { resource: 'contactList', operation: 'get', contactList: byId('42') };
const POST: INodeParameters = { resource: 'contactList', operation: 'create', name: '会员 Newsletter', status: 'enabled' };

const server = useFakeServer();

async function failure(parameters: INodeParameters, credentials?: IDataObject): Promise<NodeApiError> {
	const error = await runUmail(server, parameters, { credentials }).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

/** What n8n shows or stores of an error: message, description, its JSON and the messages it kept. */
function visible(error: NodeApiError): string {
	return [error.message, error.description ?? '', JSON.stringify(error), JSON.stringify(error.messages)].join('\n');
}

function expectNoSecret(text: string) {
	for (const secret of SECRETS) expect(text).not.toContain(secret);
}

function expectNoInternals(error: NodeApiError) {
	expect(`${error.message}\n${error.description ?? ''}`).not.toMatch(/\n\s+at |node_modules|fast-xml-parser|TypeError|SyntaxError/);
}

describe('<result><status> errors', () => {
	test.each([
		['not_exist', '联系人分类不存在', 'The requested record does not exist'],
		['error', 'id 参数错误', 'The server refused a parameter'],
		['auth_error', '用户名或密码错误', 'Authentication failed: check the username and password of the U-Mail API credential'],
		['add_maillist_error', '添加联系人分类时发生错误', 'The contact list could not be created or changed'],
	])('%s: message carries the status code and the server\'s message', async (status, data, help) => {
		server.reply = (res) => send(res, resultXml(status, data));
		const error = await failure(GET);
		expect(error.message).toBe(`U-Mail refused Contact List → Get (mloperate.php?do=maillist-detail): ${status} (${data})`);
		expect(error.description).toBe(`${help}. Server message: ${data}`);
		expect(error.context.itemIndex).toBe(0);
		expect(server.seen).toHaveLength(1);
	});

	test('an unknown status code is reported as it is, without a help text', async () => {
		server.reply = (res) => send(res, xml('<result><status>quota_exceeded</status><data>余额不足</data></result>'));
		const error = await failure(POST);
		expect(error.message).toBe('U-Mail refused Contact List → Create (mloperate.php?do=maillist-add): quota_exceeded (余额不足)');
		expect(error.description).toBe('Server message: 余额不足');
	});

	test('a status code without data', async () => {
		server.reply = (res) => send(res, xml('<result><status>delete_maillist_error</status><data></data></result>'));
		const error = await failure(GET);
		expect(error.message).toBe('U-Mail refused Contact List → Get (mloperate.php?do=maillist-detail): delete_maillist_error');
	});

	test('success answers pass, also success_and_check_ok', async () => {
		server.reply = (res) => send(res, xml('<result><status>success_and_check_ok</status><data>78</data></result>'));
		expect(json(await runUmail(server, POST))).toEqual([{ id: '78', name: '会员 Newsletter', status: 'enabled', description: '' }]);
	});

	test('the failing item is named, and Continue On Fail keeps the other items', async () => {
		server.reply = (res, seen) =>
			seen.query.get('id') === '999'
				? send(res, resultXml('not_exist', '不存在'))
				: send(res, xml(`<maillist><id>${seen.query.get('id')}</id></maillist>`));
		const parameters = { ...GET, contactList: '={{ { __rl: true, mode: "id", value: $json.id } }}' };
		const items = [{ json: { id: '1' } }, { json: { id: '999' } }, { json: { id: '3' } }];
		const error = await runUmail(server, parameters, { items }).catch((thrown: NodeApiError) => thrown);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).context.itemIndex).toBe(1);

		const out = await runUmail(server, parameters, { items, continueOnFail: true });
		expect(out.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ id: '1' }, { item: 0 }],
			[{ error: 'U-Mail refused Contact List → Get (mloperate.php?do=maillist-detail): not_exist (不存在)', details: 'The requested record does not exist. Server message: 不存在' }, { item: 1 }],
			[{ id: '3' }, { item: 2 }],
		]);
	});
});

describe('HTTP errors', () => {
	test.each([401, 403])('HTTP %i → authentication message', async (code) => {
		server.reply = (res) => send(res, '<html><body>401 Authorization Required</body></html>', code, 'text/html');
		const error = await failure(GET);
		expect(error.message).toBe(
			`Authentication failed for Contact List → Get (mloperate.php?do=maillist-detail): HTTP ${code}. Check the username and password of the U-Mail API credential`,
		);
		expect(error.description).toBe('The server answered: <html><body>401 Authorization Required</body></html>');
		expect(error.httpCode).toBe(String(code));
		expect(server.seen).toHaveLength(1);
	});

	test('HTTP 404 names the operation and is not retried', async () => {
		server.reply = (res) => send(res, '<html><body><h1>404 Not Found</h1></body></html>', 404, 'text/html');
		const error = await failure(GET);
		expect(error.message).toBe('U-Mail answered Contact List → Get (mloperate.php?do=maillist-detail) with an error: HTTP 404');
		expect(error.description).toContain('404 Not Found');
		expect(server.seen).toHaveLength(1);
	});

	test.each([500, 502, 503, 504])('HTTP %i on a read: a server error after every attempt', async (code) => {
		server.reply = (res) => send(res, '', code, 'text/html');
		const error = await failure(GET);
		expect(error.message).toBe('U-Mail answered Contact List → Get (mloperate.php?do=maillist-detail) with a server error: HTTP ' + code + (code === 503 ? ': try again in a minute or two' : ''));
		expect(error.description).toBe('The answer was empty');
		expect(error.httpCode).toBe(String(code));
		expect(server.seen).toHaveLength(3);
	});

	test('HTTP 500 on a write: reported after one request', async () => {
		server.reply = (res) => send(res, '<b>Fatal error</b>: Allowed memory size exhausted', 500, 'text/html');
		const error = await failure(POST);
		expect(error.message).toBe('U-Mail answered Contact List → Create (mloperate.php?do=maillist-add) with a server error: HTTP 500');
		expect(error.description).toBe('The server answered: <b>Fatal error</b>: Allowed memory size exhausted');
		expect(server.seen).toHaveLength(1);
	});
});

describe('network failures', () => {
	// NodeApiError swaps the message for n8n's generic text when it finds a known code (ECONNRESET, ETIMEDOUT,
	// ECONNABORTED, ECONNREFUSED) under one of its status keys; errors.ts networkError() puts the code under
	// `errorCode`, which is one of them (n8n-workflow POSSIBLE_ERROR_STATUS_KEYS), so the U-Mail wording is lost.
	test('errors.ts networkError(): a connection reset keeps the U-Mail message', async () => {
		server.reply = reset;
		const error = await failure(GET);
		expect(error.message).toBe('U-Mail could not be reached for Contact List → Get (mloperate.php?do=maillist-detail): the connection was reset by the server');
	});

	test('errors.ts networkError(): a timeout keeps the U-Mail message', async () => {
		server.reply = () => undefined;
		transportSettings.timeoutMs = 150;
		const error = await failure(POST);
		expect(error.message).toBe('U-Mail could not be reached for Contact List → Create (mloperate.php?do=maillist-add): the request timed out');
	});

	test('errors.ts networkError(): a refused connection points at the API Base URL', async () => {
		const error = await failure(GET, { username: 'demo', password: PASSWORD, baseUrl: 'http://127.0.0.1:1/mm-ms/apinew' });
		expect(error.message).toContain('check the API Base URL of the credential');
	});

	test('a connection reset: the code is in the description, U-Mail\'s wording kept among the messages', async () => {
		server.reply = reset;
		const error = await failure(GET);
		expect(error.description).toBe('Error code: ECONNRESET');
		expect(error.messages).toContain('U-Mail could not be reached for Contact List → Get (mloperate.php?do=maillist-detail): the connection was reset by the server');
	});

	test('a timeout: the code is in the description', async () => {
		server.reply = () => undefined;
		transportSettings.timeoutMs = 150;
		const error = await failure(POST);
		expect(error.description).toMatch(/^Error code: (ETIMEDOUT|ECONNABORTED)$/);
		expect(error.messages.join(' ')).toContain('the request timed out');
	});

	test('a refused connection', async () => {
		const error = await failure(GET, { username: 'demo', password: PASSWORD, baseUrl: 'http://127.0.0.1:1/mm-ms/apinew' });
		expect(error.description).toBe('Error code: ECONNREFUSED');
		expect(error.messages.join(' ')).toContain('check the API Base URL of the credential');
		expectNoSecret(visible(error));
	});
});

describe('unreadable answers', () => {
	const LOGIN_PAGE = '<!DOCTYPE html>\n<html><head><title>U-Mail 登录</title></head><body><form action="login.php"></form></body></html>';

	test('an HTML page with status 200 and text/html', async () => {
		server.reply = (res) => send(res, LOGIN_PAGE, 200, 'text/html; charset=utf-8');
		const error = await failure(GET);
		expect(error.message).toBe('The server sent an HTML page instead of an API answer to Contact List → Get (mloperate.php?do=maillist-detail)');
		expect(error.description).toBe(`It began: ${LOGIN_PAGE.replace(/\s+/g, ' ')}`);
		expectNoInternals(error);
		expect(server.seen).toHaveLength(1);
	});

	test('an HTML page sent as XML', async () => {
		server.reply = (res) => send(res, LOGIN_PAGE);
		const error = await failure(GET);
		expect(error.message).toBe('The server sent an HTML page where XML was expected to Contact List → Get (mloperate.php?do=maillist-detail)');
		expect(error.description).toMatch(/^It began: <!DOCTYPE html> <html><head><title>U-Mail 登录/);
	});

	test('an empty body', async () => {
		server.reply = (res) => send(res, '');
		const error = await failure(GET);
		expect(error.message).toBe('The server sent an empty answer where XML was expected to Contact List → Get (mloperate.php?do=maillist-detail)');
		expect(error.description).toBe('The answer was empty');
	});

	test('a truncated XML answer is reported, not retried, without a parser trace', async () => {
		server.reply = (res) => send(res, xml('<maillist>\n  <id>42</id>\n  <subject><![CDATA[会员'));
		const error = await failure(GET);
		expect(error.message).toBe('The server sent a truncated XML answer to Contact List → Get (mloperate.php?do=maillist-detail)');
		expect(error.description).toContain('<subject><![CDATA[会员');
		expectNoInternals(error);
		expect(server.seen).toHaveLength(1);
	});

	test('markup the parser refuses', async () => {
		server.reply = (res) => send(res, xml('<maillist><id x="1>42</id></maillist>'));
		const error = await failure(GET);
		expect(error.message).toMatch(/^The server sent XML that cannot be read \(.+\) to Contact List → Get \(mloperate\.php\?do=maillist-detail\)$/);
		expect(error.message).not.toContain('\n');
		expectNoInternals(error);
	});
});

describe('the password never shows', () => {
	const credentials = () => ({ username: 'demo', password: PASSWORD, baseUrl: server.url });
	const echo = `密码 ${PASSWORD} 错误; Authorization: Basic ${BASIC}; token ${BASIC}`;

	test.each<[string, (res: import('node:http').ServerResponse) => void]>([
		['a <result> status with the password in its data', (res) => send(res, resultXml('auth_error', echo))],
		['HTTP 401 echoing the header', (res) => send(res, `<p>${echo}</p>`, 401, 'text/html')],
		['HTTP 500 echoing the header', (res) => send(res, `<p>${echo}</p>`, 500, 'text/html')],
		['an HTML page echoing the header', (res) => send(res, `<html><body>${echo}</body></html>`, 200, 'text/html')],
		['a truncated answer ending in the password', (res) => send(res, xml(`<maillist><subject>${echo}`))],
		['a connection reset', reset],
	])('%s: not in the error, nor in Continue On Fail output', async (_label, reply) => {
		server.reply = reply;
		const error = await failure(GET, credentials());
		expectNoSecret(visible(error));
		const out = await runUmail(server, GET, { credentials: credentials(), continueOnFail: true });
		expect(out[0].json.error).toBeTruthy();
		expectNoSecret(JSON.stringify(out));
	});

	test('the request itself carried the credential in the Authorization header only', async () => {
		await runUmail(server, GET, { credentials: credentials() });
		const [seen] = server.seen;
		expect(seen.headers.authorization).toBe(`Basic ${BASIC}`);
		expect(seen.query.toString()).not.toContain('S3cr3t');
	});

	test('errors.ts statusError(): the raw server data kept on the error (errorResponse.data) is scrubbed too', async () => {
		server.reply = (res) => send(res, resultXml('auth_error', echo));
		const error = await failure(GET, credentials());
		expectNoSecret(JSON.stringify(error.errorResponse));
	});

	test('transport.ts: no prefix of the password survives where the snippet is cut (scrubbed before cutting)', async () => {
		// 117 characters of padding put the cut of snippetOf(…, 120) three characters into the password
		server.reply = (res) => send(res, `${'x'.repeat(117)}${PASSWORD}`, 500, 'text/html');
		const error = await failure(GET, credentials());
		expect(error.description).not.toContain(PASSWORD.slice(0, 3));
	});
});

/**
 * The U-Mail API credential is tested by its declarative `test` request (GET maillog.php, JSON): `umailApiTest`
 * (shared/credentialTest.ts) named in the brief was replaced by it, so these run the credential's own test.
 */
describe('credential test', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await start({ seed: 7 });
	});
	afterAll(async () => {
		await emulator.stop();
	});
	afterEach(() => emulator.control.setAuthFailure('http401'));

	const check = (password: string, baseUrl = emulator.url) =>
		runCredentialTestRequest('umailApi', { username: 'demo', password, baseUrl });

	test('passes with the right password', async () => {
		emulator.control.clearLog();
		expect(await check('demo-pass')).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(emulator.control.log.at(-1)).toMatchObject({ file: 'maillog', user: 'demo', status: 200 });
	});

	test('a trailing slash on the base URL is fine', async () => {
		expect((await check('demo-pass', `${emulator.url}/`)).status).toBe('OK');
	});

	test.each(['http401', 'xml'] as const)('fails clearly with a wrong password (emulator answers %s)', async (mode) => {
		emulator.control.setAuthFailure(mode);
		const result = await check(PASSWORD);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(mode === 'http401' ? /^Authentication failed: check the username and password$/ : /check the username and password/);
		expectNoSecret(result.message);
	});

	test('fails against an HTML login page with status 200, without the password', async () => {
		server.reply = (res) =>
			send(res, `<!DOCTYPE html><html><body><form>用户名 demo 密码 ${PASSWORD} Basic ${BASIC} 登录</form></body></html>`, 200, 'text/html');
		const result = await check(PASSWORD, server.url);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('check the username and password');
		expect(result.message).toContain('/mm-ms/apinew');
		expectNoSecret(result.message);
		expect(server.seen[0].path).toBe('/mm-ms/apinew/maillog.php');
		expect(server.seen[0].headers.authorization).toBe(`Basic ${BASIC}`);
	});

	test('fails on an XML error echoing the password, without the password', async () => {
		server.reply = (res) => send(res, resultXml('login_failed', `密码 ${PASSWORD} 错误 ${BASIC}`));
		const result = await check(PASSWORD, server.url);
		expect(result.status).toBe('Error');
		expectNoSecret(result.message);
	});

	test('fails on HTTP 500 echoing the password, without the password', async () => {
		server.reply = (res) => send(res, `<p>密码 ${PASSWORD} ${BASIC}</p>`, 500, 'text/html');
		const result = await check(PASSWORD, server.url);
		expect(result.status).toBe('Error');
		expectNoSecret(result.message);
	});

	test('fails on an unreachable server', async () => {
		const result = await check(PASSWORD, 'http://127.0.0.1:1/mm-ms/apinew');
		expect(result.status).toBe('Error');
		expectNoSecret(result.message);
	});
});
