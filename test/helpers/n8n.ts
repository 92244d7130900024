/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
/**
 * Test harness that runs our nodes inside the real n8n-core execution contexts
 * (ExecuteContext, PollContext, LoadOptionsContext, CredentialTestContext).
 *
 * Nothing here is mocked that n8n-core itself implements: parameter resolution (expressions,
 * resource locators, defaults), continueOnFail, binary helpers, static data, credentials lookup and
 * httpRequestWithAuthentication (-> credentialsHelper.authenticate -> OutboundHttp) are n8n's own
 * code. What we provide is what the n8n CLI would normally provide: the DI services, the
 * `additionalData` bag and an ICredentialsHelper that serves plain (already decrypted) credentials.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { Logger } from '@n8n/backend-common';
import { SsrfProtectionConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import {
	BinaryDataService,
	CredentialTestContext,
	ErrorReporter,
	ExecuteContext,
	InstanceSettings,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
} from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	isExpression,
	LoggerProxy,
	NodeHelpers,
	UnexpectedError,
	Workflow,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeListSearchResult,
	INodePropertyOptions,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

// ---------------------------------------------------------------------------------------------
// Credential types
// ---------------------------------------------------------------------------------------------

const CREDENTIALS_DIR = path.resolve(__dirname, '../../credentials');

/**
 * Credential type name -> loader. Add new credential types here (e.g. `umailSmtpApi`).
 * Types not listed are still found by scanning credentials/*.credentials.ts (see getCredentialType).
 */
const CREDENTIAL_TYPE_LOADERS: Record<string, () => ICredentialType> = {
	umailApi: () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { UmailApi } = require('../../credentials/UmailApi.credentials');
		return new UmailApi();
	},
};

const credentialTypeCache = new Map<string, ICredentialType>();

/** Register (or override) a credential type at run time, e.g. a fake one defined in a test. */
export function registerCredentialType(type: ICredentialType): void {
	credentialTypeCache.set(type.name, type);
}

function scanCredentialsDir(name: string): ICredentialType | undefined {
	if (!fs.existsSync(CREDENTIALS_DIR)) return undefined;
	for (const file of fs.readdirSync(CREDENTIALS_DIR)) {
		if (!/\.credentials\.ts$/.test(file)) continue;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(path.join(CREDENTIALS_DIR, file)) as Record<string, unknown>;
		for (const exported of Object.values(mod)) {
			if (typeof exported !== 'function') continue;
			try {
				const instance = new (exported as new () => ICredentialType)();
				if (instance && instance.name === name && Array.isArray(instance.properties)) return instance;
			} catch {
				// not a credential class
			}
		}
	}
	return undefined;
}

export function getCredentialType(name: string): ICredentialType {
	let type = credentialTypeCache.get(name);
	if (!type) {
		type = CREDENTIAL_TYPE_LOADERS[name]?.() ?? scanCredentialsDir(name);
		if (!type) throw new UnexpectedError(`Unknown credential type "${name}" (add it to CREDENTIAL_TYPE_LOADERS in test/helpers/n8n.ts)`);
		credentialTypeCache.set(name, type);
	}
	return type;
}

/** Credential data as n8n would decrypt it: the stored values plus defaults for missing fields. */
export function withCredentialDefaults(typeName: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const properties = getCredentialProperties(typeName);
	const resolved = NodeHelpers.getNodeParameters(properties, data as INodeParameters, true, false, null, null);
	return { ...(data as IDataObject), ...(resolved as IDataObject) } as ICredentialDataDecryptedObject;
}

function getCredentialProperties(typeName: string): INodeProperties[] {
	const type = getCredentialType(typeName);
	if (!type.extends?.length) return type.properties;
	const combined: INodeProperties[] = [];
	for (const parent of type.extends) NodeHelpers.mergeNodeProperties(combined, getCredentialProperties(parent));
	NodeHelpers.mergeNodeProperties(combined, type.properties);
	return combined;
}

// ---------------------------------------------------------------------------------------------
// Credentials helper (what n8n's CLI CredentialsHelper does, minus DB / encryption)
// ---------------------------------------------------------------------------------------------

export class TestCredentialsHelper extends ICredentialsHelper {
	/** Every request options object passed through authenticate(), after authentication (for assertions). */
	readonly authenticatedRequests: IHttpRequestOptions[] = [];

	constructor(private readonly credentials: Record<string, ICredentialDataDecryptedObject> = {}) {
		super();
	}

	getParentTypes(name: string): string[] {
		const type = credentialTypeCache.get(name) ?? (CREDENTIAL_TYPE_LOADERS[name] ? getCredentialType(name) : undefined);
		const parents = type?.extends ?? [];
		return parents.flatMap((p) => [p, ...this.getParentTypes(p)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = getCredentialType(typeName);
		if (typeof authenticate === 'function') {
			const result = await authenticate(credentials, requestOptions);
			this.authenticatedRequests.push(result);
			return result;
		}
		if (authenticate && typeof authenticate === 'object') {
			if (!workflow || !node) {
				throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
			}
			requestOptions.headers ??= {};
			if (authenticate.type === 'generic') {
				for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
					for (const [key, value] of Object.entries(outerValue as IDataObject)) {
						const keyResolved = resolveCredentialValue(key, credentials, workflow, node);
						const valueResolved = resolveCredentialValue(value as string, credentials, workflow, node);
						const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
						target[outerKey] ??= {};
						target[outerKey][keyResolved] = valueResolved;
					}
				}
			}
		}
		this.authenticatedRequests.push(requestOptions);
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = getCredentialType(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
			return undefined;
		}
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output?.[expirable.name] === undefined) return undefined;
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = getCredentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return ((await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new UnexpectedError(`getCredentials (encrypted credentials) is not supported by the test harness (type "${type}")`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- n8n's signature; credentials do not vary by mode here
		_mode?: WorkflowExecuteMode,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[type];
		if (data === undefined) {
			throw new UnexpectedError(`No credentials of type "${type}" were given to the test harness`);
		}
		// A fresh copy per call, like n8n decrypting from the DB each time.
		return withCredentialDefaults(type, structuredClone(data));
	}

	async updateCredentials(_nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.credentials[type] = data;
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.credentials[type] = data;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return getCredentialProperties(type);
	}
}

/** Same as the CLI's CredentialsHelper.resolveValue: n8n's expression engine with `$credentials`. */
export function resolveCredentialValue(
	value: string,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): string {
	if (!isExpression(value)) return value;
	const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
	if (!resolved) return '';
	return resolved.toString();
}

// ---------------------------------------------------------------------------------------------
// n8n-core DI setup (idempotent)
// ---------------------------------------------------------------------------------------------

const noop = () => {};

/** A logger that drops everything (so credentials never reach the console). */
export const quietLogger = {
	error: noop,
	warn: noop,
	info: noop,
	debug: noop,
	verbose: noop,
	scoped() {
		return quietLogger;
	},
} as unknown as Logger;

let initialised = false;

export function setupN8nCore(): void {
	if (initialised) return;
	initialised = true;

	Container.set(Logger, quietLogger);
	LoggerProxy.init(quietLogger);

	// InstanceSettings' real constructor reads/writes ~/.n8n/config; tests need only ids and secrets.
	Container.set(InstanceSettings, {
		instanceId: 'test-instance-id',
		hostId: 'test-host',
		instanceType: 'main',
		instanceRole: 'leader',
		isLeader: true,
		encryptionKey: 'test-encryption-key',
		hmacSignatureSecret: 'test-hmac-secret',
		n8nFolder: '/tmp/n8n-test',
		isDocker: false,
	} as unknown as InstanceSettings);

	const errorReporter = { error: noop, warn: noop, info: noop } as unknown as ErrorReporter;
	Container.set(ErrorReporter, errorReporter);

	// No manager registered = n8n's in-memory ("default") binary mode: data stays base64 in the item.
	const binaryDataService = new BinaryDataService({ mode: 'default' } as never, errorReporter, quietLogger);
	Container.set(BinaryDataService, binaryDataService);

	// Tests talk to 127.0.0.1, which SSRF protection would block (it is off by default, make sure).
	Container.get(SsrfProtectionConfig).enabled = false;
}

// ---------------------------------------------------------------------------------------------
// Workflow / additionalData construction
// ---------------------------------------------------------------------------------------------

export type AnyNodeType = INodeType | IVersionedNodeType;

const NODE_TYPE_PREFIX = 'n8n-nodes-umail.';

function nodeTypeName(nodeType: AnyNodeType): string {
	return NODE_TYPE_PREFIX + nodeType.description.name;
}

function defaultVersion(nodeType: AnyNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const v = (nodeType as INodeType).description.version;
	return Array.isArray(v) ? Math.max(...v) : (v ?? 1);
}

export function createNodeTypes(...nodeTypes: AnyNodeType[]): INodeTypes {
	const byName = new Map(nodeTypes.map((t) => [nodeTypeName(t), t]));
	return {
		getByName: (name) => {
			const t = byName.get(name);
			if (!t) throw new UnexpectedError(`Unknown node type ${name}`);
			return t;
		},
		getByNameAndVersion: (name, version) => {
			const t = byName.get(name);
			if (!t) throw new UnexpectedError(`Unknown node type ${name}`);
			return NodeHelpers.getVersionedNodeType(t, version);
		},
		getKnownTypes: () => ({}),
	};
}

export interface BuildOptions {
	parameters?: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	typeVersion?: number;
	nodeName?: string;
	continueOnFail?: boolean;
	onError?: INode['onError'];
	/** Static data of the node (`getWorkflowStaticData('node')`), used in place. */
	staticData?: IDataObject;
	/** Workflow-global static data (`getWorkflowStaticData('global')`), used in place. */
	globalStaticData?: IDataObject;
	timezone?: string;
}

export interface Built {
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	credentialsHelper: TestCredentialsHelper;
}

export function buildWorkflow(nodeType: AnyNodeType, opts: BuildOptions): Built {
	setupN8nCore();
	const typeVersion = opts.typeVersion ?? defaultVersion(nodeType);
	const description = NodeHelpers.getVersionedNodeType(nodeType, typeVersion).description;
	const name = opts.nodeName ?? (description.defaults?.name as string | undefined) ?? description.displayName;

	const credentials = opts.credentials ?? {};
	const node: INode = {
		id: 'b0f5e8d8-0000-4000-8000-000000000001',
		name,
		type: nodeTypeName(nodeType),
		typeVersion,
		position: [0, 0],
		parameters: structuredClone(opts.parameters ?? {}),
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `cred-${type}`, name: `${type} (test)` }])),
	};
	if (opts.onError) node.onError = opts.onError;
	else if (opts.continueOnFail) node.onError = 'continueRegularOutput';

	const staticData: IDataObject = {};
	if (opts.staticData) staticData[`node:${name}`] = opts.staticData;
	if (opts.globalStaticData) staticData.global = opts.globalStaticData;

	const workflow = new Workflow({
		id: 'test-workflow-id',
		name: 'Test workflow',
		nodes: [node], // the constructor fills in parameter defaults, as n8n does
		connections: {},
		active: false,
		nodeTypes: createNodeTypes(nodeType),
		staticData,
		settings: { executionOrder: 'v1', ...(opts.timezone ? { timezone: opts.timezone } : {}) },
	});

	const credentialsHelper = new TestCredentialsHelper({ ...credentials });
	const additionalData = createAdditionalData(credentialsHelper);
	return { workflow, node: workflow.getNode(name)!, additionalData, credentialsHelper };
}

export function createAdditionalData(credentialsHelper: ICredentialsHelper): IWorkflowExecuteAdditionalData {
	const notAvailable = (what: string) => () => {
		throw new UnexpectedError(`${what} is not available in the test harness`);
	};
	return {
		credentialsHelper,
		executionId: 'test-execution-id',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		userId: 'test-user-id',
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: noop,
		startRunnerTask: notAvailable('startRunnerTask'),
	} as unknown as IWorkflowExecuteAdditionalData;
}

// ---------------------------------------------------------------------------------------------
// Runners
// ---------------------------------------------------------------------------------------------

export interface RunNodeOptions extends Omit<BuildOptions, 'staticData'> {
	parameters: INodeParameters;
	/** Input items of the first input; default `[{ json: {} }]`. */
	items?: INodeExecutionData[];
	/** Execution mode reported by `this.getMode()`; default 'manual'. */
	mode?: WorkflowExecuteMode;
	staticData?: IDataObject;
}

/** Runs `node.execute()` in an n8n-core ExecuteContext. Errors thrown by the node propagate. */
export async function runNode(nodeType: AnyNodeType, opts: RunNodeOptions): Promise<INodeExecutionData[][]> {
	const { workflow, node, additionalData } = buildWorkflow(nodeType, opts);
	const items = opts.items ?? [{ json: {} }];
	const inputData = { main: [items] };
	const executeData: IExecuteData = { node, data: inputData, source: { main: [{ previousNode: 'Test Input' }] } };
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [executeData] },
	});
	const ctx = new ExecuteContext(
		workflow,
		node,
		additionalData,
		opts.mode ?? 'manual',
		runExecutionData,
		0,
		items,
		inputData,
		executeData,
		[],
	);
	const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!type.execute) throw new UnexpectedError(`Node type ${node.type} has no execute()`);
	const result = await type.execute.call(ctx);
	return result as INodeExecutionData[][];
}

export interface RunPollOptions {
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The node's static data object; mutated in place. */
	staticData?: IDataObject;
	/** 'trigger' = an active workflow's poll (getMode() 'trigger', activation 'activate'); 'manual' = "Fetch test event". */
	mode?: 'trigger' | 'manual';
	activation?: WorkflowActivateMode;
	typeVersion?: number;
	nodeName?: string;
	timezone?: string;
}

/** Runs `node.poll()` in an n8n-core PollContext. */
export async function runPoll(nodeType: AnyNodeType, opts: RunPollOptions): Promise<INodeExecutionData[][] | null> {
	const staticData = opts.staticData ?? {};
	const { workflow, node, additionalData } = buildWorkflow(nodeType, { ...opts, staticData });
	const mode = opts.mode ?? 'trigger';
	const activation: WorkflowActivateMode = opts.activation ?? (mode === 'manual' ? 'manual' : 'activate');
	const ctx = new PollContext(workflow, node, additionalData, mode, activation);
	const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!type.poll) throw new UnexpectedError(`Node type ${node.type} has no poll()`);
	const result = await type.poll.call(ctx);
	syncStaticData(workflow, `node:${node.name}`, staticData);
	return result;
}

/** n8n replaces a static data object the node reassigns; copy such changes back into the caller's object. */
function syncStaticData(workflow: Workflow, key: string, target: IDataObject): void {
	const current = (workflow.staticData as IDataObject)[key] as IDataObject | undefined;
	if (!current || current === target) return;
	const plain = JSON.parse(JSON.stringify(current)) as IDataObject;
	for (const k of Object.keys(target)) if (!(k in plain)) delete target[k];
	Object.assign(target, plain);
}

export interface RunLoadOptionsOptions {
	parameters?: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	filter?: string;
	paginationToken?: string;
	/** Path of the parameter being edited (LoadOptionsContext `path`), default `parameters`. */
	path?: string;
	typeVersion?: number;
	nodeName?: string;
}

/** Runs `methods.listSearch[name]` or `methods.loadOptions[name]` in an n8n-core LoadOptionsContext. */
export async function runLoadOptions(
	nodeType: AnyNodeType,
	method: { listSearch?: string; loadOptions?: string },
	opts: RunLoadOptionsOptions,
): Promise<INodeListSearchResult | INodePropertyOptions[]> {
	const { workflow, node, additionalData } = buildWorkflow(nodeType, opts);
	// As in the CLI: the editor's current parameter values (not defaulted) are the context's "current" ones.
	additionalData.currentNodeParameters = structuredClone(opts.parameters ?? {});
	const ctx = new LoadOptionsContext(workflow, node, additionalData, opts.path ?? 'parameters');
	const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (method.listSearch) {
		const fn = type.methods?.listSearch?.[method.listSearch];
		if (!fn) throw new UnexpectedError(`Node type ${node.type} has no listSearch method "${method.listSearch}"`);
		return await fn.call(ctx, opts.filter, opts.paginationToken);
	}
	if (method.loadOptions) {
		const fn = type.methods?.loadOptions?.[method.loadOptions];
		if (!fn) throw new UnexpectedError(`Node type ${node.type} has no loadOptions method "${method.loadOptions}"`);
		return await fn.call(ctx);
	}
	throw new UnexpectedError('runLoadOptions: give listSearch or loadOptions');
}

/**
 * Runs `methods.credentialTest[name]` as n8n's CLI credentials tester does: in an n8n-core
 * CredentialTestContext (`this.helpers.request`, `this.logger`), with ICredentialsDecrypted.
 * `credentialType` defaults to the node credential whose `testedBy` is `testFunctionName`.
 */
export async function runCredentialTest(
	nodeType: AnyNodeType,
	testFunctionName: string,
	credentials: ICredentialDataDecryptedObject,
	credentialType?: string,
): Promise<INodeCredentialTestResult> {
	setupN8nCore();
	const type = NodeHelpers.getVersionedNodeType(nodeType, defaultVersion(nodeType));
	const fn = type.methods?.credentialTest?.[testFunctionName] as ICredentialTestFunction | undefined;
	if (!fn) throw new UnexpectedError(`Node type ${type.description.name} has no credentialTest "${testFunctionName}"`);
	const credType =
		credentialType ??
		type.description.credentials?.find((c) => c.testedBy === testFunctionName)?.name ??
		type.description.credentials?.[0]?.name;
	if (!credType) throw new UnexpectedError('runCredentialTest: cannot tell the credential type; pass it');
	const decrypted: ICredentialsDecrypted = {
		id: `cred-${credType}`,
		name: `${credType} (test)`,
		type: credType,
		data: withCredentialDefaults(credType, structuredClone(credentials)),
	};
	const helper = new TestCredentialsHelper({ [credType]: credentials });
	const ctx = new CredentialTestContext(createAdditionalData(helper));
	return await fn.call(ctx, decrypted);
}

/** Typed shorthand for `runLoadOptions(node, { listSearch: name }, opts)`. */
export async function runListSearch(
	nodeType: AnyNodeType,
	name: string,
	opts: RunLoadOptionsOptions,
): Promise<INodeListSearchResult> {
	return (await runLoadOptions(nodeType, { listSearch: name }, opts)) as INodeListSearchResult;
}

/**
 * Runs a credential type's declarative `test` request (ICredentialTestRequest) the way n8n's CLI
 * CredentialsTester does: a temporary node whose only property routes `test.request`, run by
 * n8n-core's RoutingNode in an ExecuteContext (mode 'internal'), then the CLI's result mapping.
 * NB: in n8n a credential's own `test` takes precedence over a node's `testedBy` function.
 */
export async function runCredentialTestRequest(
	credentialTypeName: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	setupN8nCore();
	const credentialType = getCredentialType(credentialTypeName);
	const testRequest = credentialType.test;
	if (!testRequest) return { status: 'Error', message: 'No testing function found for this credential.' };

	const decrypted: ICredentialsDecrypted = {
		id: `cred-${credentialTypeName}`,
		name: `${credentialTypeName} (test)`,
		type: credentialTypeName,
		data: withCredentialDefaults(credentialTypeName, structuredClone(credentials)),
	};
	const tempType: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialTypeName, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	};
	const { workflow, node, additionalData } = buildWorkflow(tempType, {
		nodeName: 'Temp-Node',
		credentials: { [credentialTypeName]: credentials },
	});
	const inputData = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node, data: {}, source: null };
	const ctx = new ExecuteContext(workflow, node, additionalData, 'internal', createRunExecutionData(), 0, [], inputData, executeData, []);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(ctx, tempType, decrypted).runNode();
	} catch (e) {
		const error = e as { cause?: { response?: { status: number; statusText?: string }; code?: string }; message: string };
		if (error.cause?.response) {
			const statusCode = error.cause.response.status;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return { status: 'Error', message: error.cause.response.statusText || `Received HTTP status code: ${statusCode}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const json = response?.[0]?.[0]?.json as IDataObject | undefined;
			const value = rule.properties.key.split('.').reduce<unknown>((o, k) => (o as IDataObject | undefined)?.[k], json);
			if (value === rule.properties.value) return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
