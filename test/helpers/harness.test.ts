/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-deprecated-workflow-functions -- runs in Node, not in n8n (README: Linting) */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import {
	buildWorkflow,
	getCredentialType,
	registerCredentialType,
	runCredentialTest,
	runCredentialTestRequest,
	runListSearch,
	runLoadOptions,
	runNode,
	runPoll,
	TestCredentialsHelper,
} from './n8n';

// ------------------------------------------------------------------------------------------------
// A local HTTP server recording what it receives
// ------------------------------------------------------------------------------------------------

interface SeenRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

let server: http.Server;
let baseUrl: string;
const seen: SeenRequest[] = [];

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
			const auth = req.headers.authorization;
			if (req.url?.startsWith('/fail')) {
				res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
			} else if (auth !== `Basic ${Buffer.from('alice:s3cret').toString('base64')}`) {
				res.writeHead(401, { 'content-type': 'text/xml' }).end('<error>unauthorized</error>');
			} else if (req.url?.startsWith('/maillog.php?date=')) {
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"lists":[]}');
			} else if (req.url?.startsWith('/lists')) {
				res.writeHead(200, { 'content-type': 'application/json' }).end(
					JSON.stringify([
						{ id: 1, name: 'Customers' },
						{ id: 2, name: 'Prospects' },
						{ id: 3, name: 'Partners' },
					]),
				);
			} else {
				res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end('<ok>你好</ok>');
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	seen.length = 0;
});

const creds = () => ({ umailApi: { username: 'alice', password: 's3cret', baseUrl } });

// ------------------------------------------------------------------------------------------------
// Tiny inline node
// ------------------------------------------------------------------------------------------------

const description: INodeTypeDescription = {
	displayName: 'Harness Test',
	name: 'harnessTest',
	group: ['transform'],
	version: [1, 2],
	description: 'test node',
	defaults: { name: 'Harness Test' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'umailApi', required: true, testedBy: 'umailApiTest' }],
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Request', value: 'request' },
				{ name: 'Binary', value: 'binary' },
				{ name: 'Fail', value: 'fail' },
			],
			default: 'request',
		},
		{ displayName: 'Path', name: 'path', type: 'string', default: '/hello' },
		{
			displayName: 'List',
			name: 'list',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			modes: [
				{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchLists' } },
				{ displayName: 'ID', name: 'id', type: 'string' },
			],
		},
		{ displayName: 'Binary Property', name: 'binaryPropertyName', type: 'string', default: 'data' },
		{ displayName: 'Limit', name: 'limit', type: 'number', default: 50 },
	],
};

class HarnessTestNode implements INodeType {
	description = description;

	methods = {
		listSearch: {
			async searchLists(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
				const { baseUrl: url } = await this.getCredentials<{ baseUrl: string }>('umailApi');
				const lists = (await this.helpers.httpRequestWithAuthentication.call(this, 'umailApi', {
					method: 'GET',
					url: `${url}/lists`,
					json: true,
				})) as Array<{ id: number; name: string }>;
				const start = paginationToken ? Number(paginationToken) : 0;
				const matching = lists.filter((l) => !filter || l.name.toLowerCase().includes(filter.toLowerCase()));
				const page = matching.slice(start, start + 2);
				return {
					results: page.map((l) => ({ name: l.name, value: String(l.id) })),
					paginationToken: start + 2 < matching.length ? String(start + 2) : undefined,
				};
			},
		},
		loadOptions: {
			async currentPath(this: ILoadOptionsFunctions) {
				return [{ name: String(this.getCurrentNodeParameter('path')), value: String(this.getNodeParameter('limit')) }];
			},
		},
		credentialTest: {
			async umailApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const data = credential.data as IDataObject;
				try {
					const body = await this.helpers.request({
						method: 'GET',
						uri: `${data.baseUrl as string}/account`,
						auth: { user: data.username as string, pass: data.password as string },
					});
					return { status: 'OK', message: `Authenticated: ${String(body)}` };
				} catch (error) {
					return { status: 'Error', message: `Failed: ${(error as Error).message}` };
				}
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		const { baseUrl: url } = await this.getCredentials<{ baseUrl: string }>('umailApi');
		for (let i = 0; i < items.length; i++) {
			try {
				const operation = this.getNodeParameter('operation', i) as string;
				if (operation === 'request') {
					const p = this.getNodeParameter('path', i) as string;
					// An expression yields whatever type it evaluates to (a number for {{ 42 }}), as in n8n.
					const listId = this.getNodeParameter('list', i, '', { extractValue: true }) as string | number;
					const res = (await this.helpers.httpRequestWithAuthentication.call(this, 'umailApi', {
						method: 'GET',
						url: `${url}${p}`,
						qs: { list: listId },
						returnFullResponse: true,
						encoding: 'arraybuffer',
						ignoreHttpStatusErrors: true,
					})) as { statusCode: number; headers: IDataObject; body: Buffer };
					out.push({
						json: {
							statusCode: res.statusCode,
							body: Buffer.from(res.body).toString('utf8'),
							listId,
							limit: this.getNodeParameter('limit', i) as number,
							mode: this.getMode(),
						},
						pairedItem: { item: i },
					});
				} else if (operation === 'binary') {
					const prop = this.getNodeParameter('binaryPropertyName', i) as string;
					const meta = this.helpers.assertBinaryData(i, prop);
					const buf = await this.helpers.getBinaryDataBuffer(i, prop);
					const upper = await this.helpers.prepareBinaryData(Buffer.from(buf.toString('utf8').toUpperCase()), 'upper.txt', 'text/plain');
					out.push({ json: { text: buf.toString('utf8'), fileName: meta.fileName ?? null }, binary: { upper }, pairedItem: { item: i } });
				} else {
					const res = await this.helpers.httpRequestWithAuthentication.call(this, 'umailApi', { method: 'GET', url: `${url}/fail` });
					out.push({ json: { res: res as IDataObject } });
				}
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}
		return [out];
	}
}

// A poll-only node
class HarnessTriggerNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Trigger',
		name: 'harnessTrigger',
		group: ['trigger'],
		version: 1,
		description: 'test trigger',
		defaults: { name: 'Harness Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'umailApi', required: true }],
		properties: [{ displayName: 'Event', name: 'event', type: 'string', default: 'opened' }],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const staticData = this.getWorkflowStaticData('node');
		const { baseUrl: url } = await this.getCredentials<{ baseUrl: string }>('umailApi');
		const res = (await this.helpers.httpRequestWithAuthentication.call(this, 'umailApi', { method: 'GET', url: `${url}/lists`, json: true })) as Array<{
			id: number;
		}>;
		const lastId = (staticData.lastId as number | undefined) ?? 0;
		const fresh = res.filter((r) => r.id > lastId);
		if (this.getMode() === 'trigger') staticData.lastId = Math.max(lastId, ...res.map((r) => r.id));
		staticData.polls = ((staticData.polls as number | undefined) ?? 0) + 1;
		if (!fresh.length) return null;
		return [fresh.map((r) => ({ json: { ...r, event: this.getNodeParameter('event') as string } }))];
	}
}

const node = new HarnessTestNode();
const trigger = new HarnessTriggerNode();

// ------------------------------------------------------------------------------------------------

describe('runNode (ExecuteContext)', () => {
	it('sends Basic auth from the credential via httpRequestWithAuthentication and resolves expressions/RLs', async () => {
		const [out] = await runNode(node, {
			parameters: {
				operation: 'request',
				path: '={{ $json.p }}',
				list: { __rl: true, mode: 'id', value: '={{ $json.list }}' },
			},
			items: [{ json: { p: '/hello', list: 42 } }, { json: { p: '/other', list: 'x' } }],
			credentials: creds(),
		});

		expect(seen).toHaveLength(2);
		expect(seen[0].headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
		expect(seen[0].url).toBe('/hello?list=42');
		expect(seen[1].url).toBe('/other?list=x');
		expect(out[0].json).toEqual({ statusCode: 200, body: '<ok>你好</ok>', listId: 42, limit: 50, mode: 'manual' });
	});

	it('returns non-2xx responses with ignoreHttpStatusErrors', async () => {
		const [out] = await runNode(node, {
			parameters: { operation: 'request' },
			credentials: { umailApi: { username: 'alice', password: 'wrong', baseUrl } },
			mode: 'trigger',
		});
		expect(out[0].json.statusCode).toBe(401);
		expect(out[0].json.mode).toBe('trigger');
	});

	it('reads binary input with getBinaryDataBuffer and writes binary with prepareBinaryData', async () => {
		const [out] = await runNode(node, {
			parameters: { operation: 'binary', binaryPropertyName: 'file' },
			items: [
				{
					json: {},
					binary: { file: { data: Buffer.from('hello csv').toString('base64'), mimeType: 'text/csv', fileName: 'a.csv' } },
				},
			],
			credentials: creds(),
		});
		expect(out[0].json).toEqual({ text: 'hello csv', fileName: 'a.csv' });
		expect(out[0].binary?.upper).toMatchObject({ fileName: 'upper.txt', mimeType: 'text/plain' });
		expect(Buffer.from(out[0].binary!.upper.data, 'base64').toString()).toBe('HELLO CSV');
	});

	it('assertBinaryData fails when the property is missing', async () => {
		await expect(
			runNode(node, { parameters: { operation: 'binary', binaryPropertyName: 'nope' }, credentials: creds() }),
		).rejects.toThrow(/nope/);
	});

	it('continueOnFail turns errors into items; without it the node throws', async () => {
		const [out] = await runNode(node, { parameters: { operation: 'fail' }, credentials: creds(), continueOnFail: true });
		expect(out).toHaveLength(1);
		expect(out[0].json.error).toEqual(expect.any(String));

		await expect(runNode(node, { parameters: { operation: 'fail' }, credentials: creds() })).rejects.toBeInstanceOf(NodeApiError);
	});

	it('fails like n8n when the credential is not set', async () => {
		await expect(runNode(node, { parameters: { operation: 'request' } })).rejects.toThrow(/credentials/i);
	});
});

describe('runPoll (PollContext)', () => {
	it('writes and reads static data across polls, including a JSON round trip (restart)', async () => {
		const staticData: IDataObject = {};
		const first = await runPoll(trigger, { parameters: { event: 'clicked' }, credentials: creds(), staticData });
		expect(first?.[0].map((i) => [i.json.id, i.json.event])).toEqual([
			[1, 'clicked'],
			[2, 'clicked'],
			[3, 'clicked'],
		]);
		expect(staticData).toEqual({ lastId: 3, polls: 1 });

		const restarted = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		const second = await runPoll(trigger, { parameters: {}, credentials: creds(), staticData: restarted });
		expect(second).toBeNull();
		expect(restarted).toEqual({ lastId: 3, polls: 2 });
		expect(seen.every((r) => r.headers.authorization?.startsWith('Basic '))).toBe(true);
	});

	it('manual mode reports getMode() manual', async () => {
		const staticData: IDataObject = { lastId: 2 };
		const res = await runPoll(trigger, { parameters: {}, credentials: creds(), staticData, mode: 'manual' });
		expect(res?.[0].map((i) => i.json.id)).toEqual([3]);
		expect(staticData).toEqual({ lastId: 2, polls: 1 }); // node does not advance the cursor in manual mode
	});
});

describe('runLoadOptions (LoadOptionsContext)', () => {
	it('listSearch with filter and pagination', async () => {
		const page1 = await runListSearch(node, 'searchLists', { credentials: creds() });
		expect(page1).toEqual({
			results: [
				{ name: 'Customers', value: '1' },
				{ name: 'Prospects', value: '2' },
			],
			paginationToken: '2',
		});
		const page2 = await runListSearch(node, 'searchLists', { credentials: creds(), paginationToken: '2' });
		expect(page2.results).toEqual([{ name: 'Partners', value: '3' }]);
		const filtered = await runLoadOptions(node, { listSearch: 'searchLists' }, { credentials: creds(), filter: 'pro' });
		expect(filtered).toEqual({ results: [{ name: 'Prospects', value: '2' }], paginationToken: undefined });
		expect(seen[0].headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
	});

	it('loadOptions sees current parameters', async () => {
		const res = await runLoadOptions(node, { loadOptions: 'currentPath' }, { credentials: creds(), parameters: { path: '/x', limit: 7 } });
		expect(res).toEqual([{ name: '/x', value: '7' }]);
	});
});

describe('runCredentialTest (CredentialTestContext)', () => {
	it('OK with good credentials, Error with bad ones', async () => {
		const ok = await runCredentialTest(node, 'umailApiTest', { username: 'alice', password: 's3cret', baseUrl });
		expect(ok).toEqual({ status: 'OK', message: 'Authenticated: <ok>你好</ok>' });
		const bad = await runCredentialTest(node, 'umailApiTest', { username: 'alice', password: 'nope', baseUrl });
		expect(bad.status).toBe('Error');
	});
});

describe('credentials helper', () => {
	it('runs the credential type declarative test request (UmailApi.test) like the CLI tester', async () => {
		// baseURL '={{$credentials.baseUrl.replace(/\\/+$/, "")}}' goes through n8n's expression engine
		const ok = await runCredentialTestRequest('umailApi', { username: 'alice', password: 's3cret', baseUrl: `${baseUrl}//` });
		expect(ok).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen[0].url).toMatch(/^\/maillog\.php\?date=\d{4}-\d{2}-\d{2}$/);
		expect(seen[0].headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
		const bad = await runCredentialTestRequest('umailApi', { username: 'alice', password: 'x', baseUrl });
		expect(bad.status).toBe('Error');
	});

	it('resolves generic headers/qs/body expressions with n8n expressions', async () => {
		registerCredentialType({
			name: 'harnessKeyApi',
			displayName: 'Key',
			properties: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '' },
				{ displayName: 'Region', name: 'region', type: 'string', default: 'eu' },
			],
			authenticate: {
				type: 'generic',
				properties: {
					headers: { '={{"X-" + $credentials.region.toUpperCase()}}': '=Bearer {{$credentials.key}}' },
					qs: { region: '={{$credentials.region}}' },
					body: { token: '={{$credentials.key.split("").reverse().join("")}}' },
				},
			},
		});
		const { workflow, node } = buildWorkflow(new HarnessTestNode(), { credentials: creds() });
		const helper = new TestCredentialsHelper({ harnessKeyApi: { key: 'abc' } });
		const data = await helper.getDecrypted({} as never, { id: '1', name: 'k' }, 'harnessKeyApi', 'manual');
		expect(data).toEqual({ key: 'abc', region: 'eu' }); // defaults applied
		const req = await helper.authenticate(data, 'harnessKeyApi', { url: 'http://x', qs: { a: 1 } }, workflow, node);
		expect(req).toEqual({ url: 'http://x', headers: { 'X-EU': 'Bearer abc' }, qs: { a: 1, region: 'eu' }, body: { token: 'cba' } });
		expect(getCredentialType('umailApi').name).toBe('umailApi');
	});
});
