/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not in n8n (README: Linting) */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { transportSettings } from '../../nodes/Umail/shared/transport';

export interface Seen {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
	/** ms since the server started, to measure backoff */
	at: number;
}

/** Answers the n-th request (1-based). Leave `res` unanswered to make the client wait. */
export type Reply = (res: http.ServerResponse, seen: Seen, n: number) => void;

export const XML_TYPE = 'text/xml; charset=utf-8';

export function send(res: http.ServerResponse, body: string | Buffer, status = 200, type = XML_TYPE) {
	res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
	res.end(body);
}

export const xml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${inner}`;

export const resultXml = (status: string, data: string) =>
	xml(`<result>\n  <status>${status}</status>\n  <data><![CDATA[${data}]]></data>\n</result>`);

/** Drops the connection without an answer. */
export function reset(res: http.ServerResponse) {
	res.socket?.destroy();
}

/**
 * A node:http server on 127.0.0.1 (port 0) standing in for U-Mail, whose answer each test sets. Also sets the transport
 * to short waits so retries and timeouts are quick, and restores them afterwards.
 */
export function useFakeServer(settings: Partial<typeof transportSettings> = {}) {
	const env = {
		url: '',
		seen: [] as Seen[],
		reply: ((res) => send(res, xml('<maillist><id>1</id></maillist>'))) as Reply,
		credentials: {} as IDataObject,
	};
	const saved = { ...transportSettings };
	const sockets = new Set<Socket>();
	let server: http.Server;
	const started = Date.now();

	beforeAll(async () => {
		Object.assign(transportSettings, { timeoutMs: 3_000, readAttempts: 3, backoffMs: 5 }, settings);
		server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const seen: Seen = {
					method: req.method ?? '',
					path: url.pathname,
					query: url.searchParams,
					headers: req.headers,
					body: Buffer.concat(chunks),
					at: Date.now() - started,
				};
				env.seen.push(seen);
				env.reply(res, seen, env.seen.length);
			});
		});
		server.on('connection', (socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		env.url = `http://127.0.0.1:${port}/mm-ms/apinew`;
		env.credentials = { username: 'demo', password: 'demo-pass', baseUrl: env.url };
	});

	beforeEach(() => {
		env.seen.length = 0;
		env.reply = (res) => send(res, xml('<maillist><id>1</id></maillist>'));
		// what one test changed does not reach the next
		Object.assign(transportSettings, saved, { timeoutMs: 3_000, readAttempts: 3, backoffMs: 5 }, settings);
	});

	afterAll(async () => {
		Object.assign(transportSettings, saved);
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	return env;
}
