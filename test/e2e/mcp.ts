/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * MCP clients of the e2e and queue-mode tests: the official TypeScript SDK (@modelcontextprotocol/sdk) over
 * streamable HTTP and over SSE, and mcp-remote (the stdio bridge Claude Desktop runs) in a child process. All of
 * them talk to n8n's MCP Server Trigger at `<n8n>/mcp/<path>` with a Bearer token.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as crypto from 'crypto';
import * as path from 'path';

// eslint-disable-next-line import-x/no-unresolved -- the resolver misses the SDK's wildcard exports; tsc resolves them
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
// eslint-disable-next-line import-x/no-unresolved -- the resolver misses the SDK's wildcard exports; tsc resolves them
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
// eslint-disable-next-line import-x/no-unresolved -- the resolver misses the SDK's wildcard exports; tsc resolves them
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
// eslint-disable-next-line import-x/no-unresolved -- the resolver misses the SDK's wildcard exports; tsc resolves them
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { ROOT } from './harness';

export const UMAIL_CRED = { id: 'umailcred000001', name: 'U-Mail e2e' };
export const BEARER = { id: 'umailMcpBearer01', name: 'U-Mail MCP token' };
// made per run: a token in source is what n8n's secret rule looks for
export const TOKEN = `e2e-mcp-${crypto.randomBytes(16).toString('hex')}`;

/** workflows/08, its credentials pointed at the test's */
export function mcpExample() {
	const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', '08-mcp-server-tools.json'), 'utf8'));
	for (const n of wf.nodes) {
		if (n.credentials?.umailApi) n.credentials.umailApi = UMAIL_CRED;
		if (n.credentials?.httpBearerAuth) n.credentials.httpBearerAuth = BEARER;
	}
	return wf;
}
export const bearerCredential = (token = TOKEN) => ({ ...BEARER, type: 'httpBearerAuth', data: { token } });

/** the example's tools as a client names them, with the `$fromAI` keys each must ask for */
export const toolsOf = (wf: any) =>
	wf.nodes
		.filter((n: any) => n.type === 'n8n-nodes-umail.umailTool')
		.map((n: any) => {
			const keys = [...JSON.stringify(n.parameters).matchAll(/\$fromAI\('(\w+)', `([^`]*)`, '(\w+)'(, '[^']*')?\)/g)].map((m) => ({ key: m[1], description: m[2], type: m[3], optional: !!m[4] }));
			return { name: n.name.replace(/ /g, '_'), description: n.parameters.toolDescription, keys };
		});

export type McpTransport = 'streamable HTTP' | 'SSE' | 'mcp-remote (stdio)';
export const TRANSPORTS: McpTransport[] = ['streamable HTTP', 'SSE', 'mcp-remote (stdio)'];

/** what a tools/call answer holds: its text parsed as JSON when it is JSON */
export interface ToolAnswer {
	isError: boolean;
	text: string;
	json: any;
}

export interface McpSession {
	client: Client;
	transport: McpTransport;
	call(name: string, args?: Record<string, unknown>): Promise<ToolAnswer>;
	close(): Promise<void>;
	/** mcp-remote's stderr (its own log), empty for the in-process transports */
	log(): string;
}

/** A connected SDK client; rejects when the server refuses the connection (e.g. HTTP 403 for a wrong token). */
export async function connectMcp(url: string, transport: McpTransport, token?: string): Promise<McpSession> {
	const headers: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
	const client = new Client({ name: 'umail-e2e', version: '1.0.0' });
	let stderr = '';
	let configDir: string | undefined;
	if (transport === 'streamable HTTP') {
		await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
	} else if (transport === 'SSE') {
		// the GET that opens the event stream needs the token as well as the POSTs
		const eventSourceInit = { fetch: (u: string | URL, init?: RequestInit) => fetch(u, { ...init, headers: { ...(init?.headers as object), ...headers } }) };
		await client.connect(new SSEClientTransport(new URL(url), { requestInit: { headers }, eventSourceInit }));
	} else {
		// as Claude Desktop runs the README's config, with the installed mcp-remote instead of `npx -y mcp-remote`
		configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'umail-mcp-remote-'));
		const { args, env } = claudeDesktopConfig(url, token);
		const proxy = path.join(path.dirname(require.resolve('mcp-remote/package.json', { paths: [ROOT] })), 'dist', 'proxy.js');
		const stdio = new StdioClientTransport({ command: process.execPath, args: [proxy, ...args], env: { PATH: process.env.PATH ?? '', HOME: configDir, MCP_REMOTE_CONFIG_DIR: configDir, ...env }, stderr: 'pipe' });
		stdio.stderr?.on('data', (d) => (stderr += String(d)));
		await client.connect(stdio);
	}
	return {
		client,
		transport,
		async call(name, args = {}) {
			const r: any = await client.callTool({ name, arguments: args });
			const text = r.content.map((c: any) => c.text).join('');
			let json: any;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			return { isError: r.isError === true, text, json };
		},
		async close() {
			await client.close().catch(() => undefined);
			if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
		},
		log: () => stderr,
	};
}

/**
 * The Claude Desktop config of the README ("Using U-Mail from Claude Desktop, …"), pointed at `url` with `token`: the
 * arguments after `mcp-remote` and the environment it sets.
 */
export function claudeDesktopConfig(url: string, token?: string) {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const block = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('"mcp-remote"'));
	if (!block) throw new Error('README.md has no Claude Desktop config (a json block with "mcp-remote")');
	const server = JSON.parse(block).mcpServers.umail;
	const args: string[] = server.args.slice(server.args.indexOf('mcp-remote') + 1).map((a: string) => a.replace('https://n8n.example.com/mcp/umail', url));
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(server.env ?? {})) if (token !== undefined) env[k] = String(v).replace('<token>', token);
	return { command: server.command as string, args, env };
}

/** One JSON-RPC `initialize` over plain HTTP: the status and body a client gets before any session exists. */
export async function rawInitialize(url: string, headers: Record<string, string> = {}) {
	const r = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
		body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }),
	});
	return { status: r.status, text: await r.text() };
}

/** Waits until n8n serves `url`: its production webhooks are registered a moment after the activation answers. */
export async function waitForMcp(url: string) {
	for (let tries = 0; (await rawInitialize(url, { Authorization: `Bearer ${TOKEN}` })).status === 404 && tries < 30; tries++) {
		await new Promise((r) => setTimeout(r, 500));
	}
}
