/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * A local stand-in for U-Mail's SMTP relay (smtp.bestedm.net): AUTH LOGIN only, over implicit TLS (port 465 style) or
 * plain with STARTTLS (port 25 style), a self-signed certificate made at test time for 127.0.0.1. Every accepted
 * message is kept with its envelope, so BCC can be checked (delivered in RCPT TO, absent from the headers).
 */
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';

import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const playgroundMailbox: { makeCertificate(dir: string, days: number): Certificate } = require('../../scripts/playground-mailbox.js');

export interface Received {
	mailFrom: string;
	rcptTo: string[];
	/** TLS was on when the message came (implicit TLS or after STARTTLS) */
	secure: boolean;
	authMethod?: string;
	user?: string;
	raw: Buffer;
	mail: ParsedMail;
}

export interface Relay {
	port: number;
	received: Received[];
	/** AUTH attempts, the wrong ones included */
	logins: Array<{ method: string; user: string; ok: boolean; secure: boolean }>;
	close(): Promise<void>;
}

export interface Certificate {
	dir: string;
	key: Buffer;
	cert: Buffer;
	certFile: string;
}

/** A self-signed certificate for 127.0.0.1, valid two days (the playground inbox's maker); its file can go into NODE_EXTRA_CA_CERTS. */
export function makeCertificate(): Certificate {
	return playgroundMailbox.makeCertificate(fs.mkdtempSync(path.join(os.tmpdir(), 'umail-smtp-cert-')), 2);
}

export async function startRelay(o: { implicitTls: boolean; certificate: Certificate; user: string; password: string }): Promise<Relay> {
	const received: Received[] = [];
	const logins: Relay['logins'] = [];
	const pending: Array<Promise<void>> = [];
	const server = new SMTPServer({
		secure: o.implicitTls,
		key: o.certificate.key,
		cert: o.certificate.cert,
		name: 'smtp.bestedm.test',
		authMethods: ['LOGIN'],
		// like a relay: no AUTH before TLS
		allowInsecureAuth: false,
		logger: false,
		onAuth(auth, session, callback) {
			const ok = auth.method === 'LOGIN' && auth.username === o.user && auth.password === o.password;
			logins.push({ method: auth.method, user: auth.username ?? '', ok, secure: session.secure });
			if (!ok) {
				const error = Object.assign(new Error('Authentication failed: wrong user name or password'), { responseCode: 535 });
				callback(error);
				return;
			}
			callback(null, { user: auth.username });
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks);
				const envelope = session.envelope;
				const auth = session as unknown as { user?: string; authMethod?: string };
				pending.push(
					simpleParser(raw).then((mail) => {
						received.push({
							mailFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
							rcptTo: envelope.rcptTo.map((rcpt) => rcpt.address),
							secure: session.secure,
							authMethod: logins.filter((login) => login.ok).at(-1)?.method,
							user: auth.user,
							raw,
							mail,
						});
					}),
				);
				callback();
			});
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		received,
		logins,
		close: async () => {
			await Promise.all(pending);
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Waits until the relay has parsed `count` messages. */
export async function waitForMail(relay: Relay, count: number, timeoutMs = 20_000): Promise<Received[]> {
	const t0 = Date.now();
	while (relay.received.length < count) {
		if (Date.now() - t0 > timeoutMs) throw new Error(`only ${relay.received.length} of ${count} message(s) arrived in ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return relay.received;
}

/**
 * Strict structure check of a classic PDF: header, the xref table's byte offsets pointing at their objects, each
 * stream's /Length, startxref pointing at the table. Returns the page text shown with Tj.
 */
export function checkPdf(pdf: Buffer): string[] {
	const text = pdf.toString('latin1');
	if (!text.startsWith('%PDF-1.')) throw new Error('no %PDF header');
	if (!/%%EOF\n?$/.test(text)) throw new Error('no %%EOF at the end');
	const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)?.[1]);
	if (text.slice(startxref, startxref + 5) !== 'xref\n') throw new Error(`startxref ${startxref} does not point at the xref table`);
	const table = /^xref\n0 (\d+)\n((?:\d{10} \d{5} [nf] \n)+)trailer/.exec(text.slice(startxref));
	if (!table) throw new Error('malformed xref table');
	const entries = table[2].match(/[\s\S]{20}/g)!;
	if (entries.length !== Number(table[1])) throw new Error('xref count does not match its entries');
	entries.slice(1).forEach((entry, i) => {
		const at = Number(entry.slice(0, 10));
		if (!text.startsWith(`${i + 1} 0 obj\n`, at)) throw new Error(`xref entry ${i + 1} (offset ${at}) does not point at object ${i + 1}`);
	});
	for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
		const start = match.index! + match[0].length;
		if (text.slice(start + Number(match[1]), start + Number(match[1]) + 10) !== '\nendstream') throw new Error('a stream /Length is wrong');
	}
	return [...text.matchAll(/\((.*?)\) Tj/g)].map((match) => match[1]);
}

/** The paid order of the transactional example (06), as the shop would POST it. */
export const ORDER = {
	orderId: 'SO-10086',
	currency: 'CNY',
	total: 398,
	customer: { name: 'Li Na', email: 'li.na@example.com' },
	cc: 'accounts@example.com',
	items: [
		{ name: 'Tea set', qty: 2, price: 149 },
		{ name: 'Gift box (red)', qty: 1, price: 100 },
	],
};

/** The receipt the example's Code node builds for ORDER, computed here from the same code, outside n8n. */
export function expectedReceipt(workflow: any): Buffer {
	const code = workflow.nodes.find((n: any) => n.name === 'Build receipt PDF').parameters.jsCode;
	const run = new Function('$input', 'Buffer', code) as (input: unknown, buffer: typeof Buffer) => any[];
	const [item] = run({ all: () => [{ json: { body: ORDER } }] }, Buffer);
	return Buffer.from(item.binary.invoice.data, 'base64');
}

/** The text lines checkPdf finds in the receipt of ORDER. */
export const RECEIPT_LINES = [
	'Receipt for order SO-10086',
	'Customer: Li Na <li.na@example.com>',
	'2 x Tea set: CNY 298.00',
	'1 x Gift box \\(red\\): CNY 100.00',
	'Total paid: CNY 398.00',
];
