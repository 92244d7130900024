/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
/*
 * The playground as `npm start` runs it (scripts/playground.js in a temp folder, on free ports), with its mail inbox:
 * examples 06 and 07 run as the editor's *Execute workflow* runs them (07 from its manual trigger, 06 from its test
 * webhook), unchanged, through the playground's own SMTP credential; what they sent is read back from the inbox's
 * REST API (MailDev's /api/email and its attachment files), checked with the same checks as the relay e2e test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';

import { parseInvitation } from '../helpers/ics';
import { TIMEOUT, ROOT, buildError, ensureN8nSync, getRealPack } from './harness';
import { ORDER, RECEIPT_LINES, checkPdf, expectedReceipt } from './smtpRelay';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const env = require('../../scripts/n8n-env.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPlayground, runFromEditor } = require('../../scripts/playground-run.js');

const n8n = ensureN8nSync();
const describeN8n = n8n ? describe : describe.skip;

const EMAIL = 'owner@example.com';
const PASSWORD = 'Inbox-Passw0rd';
const example = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8'));

interface InboxMail {
	id: string;
	subject: string;
	text: string;
	html: string;
	from: Array<{ address: string; name: string }>;
	to: Array<{ address: string; name: string }>;
	cc?: Array<{ address: string; name: string }>;
	calculatedBcc: Array<{ address: string }>;
	headers: Record<string, string>;
	attachments: Array<{ filename: string; generatedFileName: string; contentType: string; contentDisposition: string; size: number }>;
}

async function waitForInbox(inbox: string, count: number, timeoutMs = 30_000): Promise<InboxMail[]> {
	const t0 = Date.now();
	for (;;) {
		const mails = (await (await fetch(`${inbox}/api/email`)).json()) as InboxMail[];
		if (mails.length >= count) return mails;
		if (Date.now() - t0 > timeoutMs) throw new Error(`the inbox holds ${mails.length} of ${count} message(s) after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function attachment(inbox: string, mail: InboxMail): Promise<Buffer> {
	expect(mail.attachments).toHaveLength(1);
	const r = await fetch(`${inbox}/api/email/${mail.id}/attachment/${mail.attachments[0].generatedFileName}`);
	expect(r.status).toBe(200);
	return Buffer.from(await r.arrayBuffer());
}

/** The manual execution of a workflow, once it has finished. */
async function finished(url: string, cookie: string, workflowId: string) {
	const t0 = Date.now();
	for (;;) {
		const r = await env.rest(url, 'GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`, undefined, cookie);
		const runs = r.json.data.results as Array<{ status: string; mode: string }>;
		if (runs.length && runs.every((e) => !['new', 'running'].includes(e.status))) return runs;
		if (Date.now() - t0 > 30_000) throw new Error(`the execution of ${workflowId} did not finish: ${JSON.stringify(runs)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

describeN8n(`the playground's mail inbox (npm start, n8n ${n8n?.version})`, () => {
	let dir: string;
	let playground: { url: string; inbox: string; stop(): Promise<number> };
	let cookie: string;
	let log = '';
	let smtpPort: number;
	const inbox = () => playground.inbox;

	beforeAll(async () => {
		const pack = getRealPack();
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'umail-playground-inbox-'));
		// the harness's pack, so the playground does not build a second time (--no-build takes the newest in packs/)
		fs.mkdirSync(path.join(dir, 'packs'));
		fs.copyFileSync(pack.tarball, path.join(dir, 'packs', path.basename(pack.tarball)));
		playground = await startPlayground(dir, { email: EMAIL, password: PASSWORD, args: ['--no-build'], echo: (d: Buffer) => (log += d) });
		smtpPort = Number(/SMTP with TLS and AUTH LOGIN on 127\.0\.0\.1:(\d+)/.exec(log)?.[1]);
		cookie = (await env.login(playground.url, { email: EMAIL, password: PASSWORD })).cookie;
	}, TIMEOUT.build + TIMEOUT.start);

	afterAll(async () => {
		await playground?.stop();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	}, TIMEOUT.execute);

	it('the banner names the inbox; its SMTP port takes AUTH LOGIN over TLS only, like U-Mail’s relay on 465', async () => {
		expect(inbox()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect((await fetch(inbox(), { headers: { accept: 'text/html' } })).status).toBe(200);
		const credential = await env.rest(playground.url, 'GET', '/rest/credentials/umailSmtp0000001?includeData=true', undefined, cookie);
		expect(credential.json.data).toMatchObject({ name: 'U-Mail SMTP (playground inbox)', type: 'smtp', data: { host: '127.0.0.1', port: smtpPort, secure: true } });

		const ca = fs.readFileSync(path.join(dir, 'inbox', 'tls', 'cert.pem'));
		const lines: string[] = [];
		const logger = { debug: (_: unknown, m: string) => lines.push(m), info() {}, warn() {}, error() {}, trace() {}, fatal() {}, child: () => logger, level() {} };
		const send = (o: object) => nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, connectionTimeout: 3000, greetingTimeout: 3000, tls: { ca }, ...o })
			.sendMail({ from: 'orders@mail.example.com', to: 'x@example.com', subject: 'probe', text: 'x' });
		await expect(send({ secure: true, auth: { user: 'orders@mail.example.com', pass: 'wrong' }, logger, debug: true })).rejects.toThrow(/535 Authentication failed/);
		expect(lines.join('\n').split('\n').filter((l) => /^250[- ]AUTH/.test(l))).toEqual(['250 AUTH LOGIN']);
		// no plain-text session, so no AUTH before TLS
		await expect(send({ secure: false, ignoreTLS: true, auth: { user: 'orders@mail.example.com', pass: 'playground-smtp' } })).rejects.toThrow();
		expect(await waitForInbox(inbox(), 0)).toEqual([]);
	}, TIMEOUT.execute);

	it('example 07 from the editor: invitation, update and cancellation arrive as one event (same UID, SEQUENCE 0 → 1 → 2, CANCEL last)', async () => {
		expect(await runFromEditor(playground.url, cookie, 'umailExCalendar1', 'Start')).toMatchObject({ executionId: expect.any(String) });
		const mails = await waitForInbox(inbox(), 3);
		expect(mails).toHaveLength(3);
		expect((await finished(playground.url, cookie, 'umailExCalendar1')).map((e) => [e.status, e.mode])).toEqual([['success', 'manual']]);
		// MailDev lists in arrival order
		expect(mails.map((m) => m.subject)).toEqual([
			'Invitation: Product training: U-Mail campaigns',
			'Updated: Product training: U-Mail campaigns',
			'Cancelled: Product training: U-Mail campaigns',
		]);
		const files = [];
		for (const [i, mail] of mails.entries()) {
			expect(mail.from).toEqual([{ address: 'events@mail.example.com', name: 'Example Events' }]);
			expect(mail.to.map((t) => t.address)).toEqual(['fang@example.com', 'li.na@example.com']);
			expect(mail.attachments[0]).toMatchObject({ filename: i === 2 ? 'cancel.ics' : 'invite.ics', contentType: 'text/calendar', contentDisposition: 'attachment' });
			files.push(parseInvitation((await attachment(inbox(), mail)).toString('utf8')));
		}
		expect(mails[1].text).toContain('moves to 2026-12-09 10:00 (Asia/Shanghai)');
		expect(mails[1].html).toContain('<p>Product training: U-Mail campaigns moves to 2026-12-09 10:00 (Asia/Shanghai).</p>');
		expect(files.map((f) => [f.method, f.sequence, f.status])).toEqual([
			['REQUEST', 0, 'CONFIRMED'],
			['REQUEST', 1, 'CONFIRMED'],
			['CANCEL', 2, 'CANCELLED'],
		]);
		expect(new Set(files.map((f) => f.uid)).size).toBe(1);
		expect([files[0].start, files[1].start, files[2].start]).toEqual(['2026-12-08T06:00:00.000Z', '2026-12-09T02:00:00.000Z', '2026-12-09T02:00:00.000Z']);
		for (const f of files) expect(f).toMatchObject({ summary: 'Product training: U-Mail campaigns', organizer: { email: 'events@mail.example.com' } });
	}, TIMEOUT.execute);

	it('example 06 from the editor (Execute workflow, then its test URL): HTML + text, CC, BCC, Reply-To, the receipt PDF byte for byte', async () => {
		const before = (await waitForInbox(inbox(), 0)).length;
		const answer = await runFromEditor(playground.url, cookie, 'umailExTransMail', 'Order paid', { path: 'umail-order-paid', body: ORDER });
		expect(answer.status).toBe(200);
		const [mail] = (await waitForInbox(inbox(), before + 1)).slice(before);
		expect(JSON.parse(answer.body)).toEqual({ orderId: 'SO-10086', messageId: mail.headers['message-id'], accepted: ['li.na@example.com', 'accounts@example.com', 'archive@mail.example.com'] });
		expect((await finished(playground.url, cookie, 'umailExTransMail')).map((e) => [e.status, e.mode])).toEqual([['success', 'manual']]);

		expect(mail.subject).toBe('Order SO-10086 is paid: thank you');
		expect(mail.from).toEqual([{ address: 'orders@mail.example.com', name: 'Example Shop' }]);
		expect(mail.to.map((t) => t.address)).toEqual(['li.na@example.com']);
		expect(mail.cc?.map((t) => t.address)).toEqual(['accounts@example.com']);
		// BCC: in the envelope only; MailDev shows it as the recipients no header names
		expect(mail.calculatedBcc.map((t) => t.address)).toEqual(['archive@mail.example.com']);
		expect(mail.headers).not.toHaveProperty('bcc');
		// MailDev's JSON has no Reply-To: it is read from the message file the inbox keeps
		const source = await simpleParser(Buffer.from(await (await fetch(`${inbox()}/api/email/${mail.id}/source`)).arrayBuffer()));
		expect(source.headers.get('reply-to')).toMatchObject({ value: [{ address: 'support@example.com', name: '' }] });
		expect(source.messageId).toBe(mail.headers['message-id']);
		expect(mail.text).toContain('we received your payment for order SO-10086: CNY 398.00.');
		expect(mail.html).toContain('<li>2 × Tea set</li><li>1 × Gift box (red)</li>');
		expect(mail.attachments[0]).toMatchObject({ filename: 'receipt-SO-10086.pdf', contentType: 'application/pdf', contentDisposition: 'attachment' });
		const pdf = await attachment(inbox(), mail);
		expect(pdf.equals(expectedReceipt(example('06-transactional-email.json')))).toBe(true);
		expect(checkPdf(pdf)).toEqual(RECEIPT_LINES);
	}, TIMEOUT.execute);

	it('Ctrl-C stops the inbox with the rest', async () => {
		expect(await playground.stop()).toBe(0);
		await expect(fetch(`${inbox()}/api/email`)).rejects.toThrow();
		expect(await portFree(smtpPort)).toBe(true);
	}, TIMEOUT.execute);
});

function portFree(port: number): Promise<boolean> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const net = require('net');
	return new Promise((resolve) => {
		const s = net.createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}
