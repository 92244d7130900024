/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * Transactional mail the way the pack ships it: n8n's own Send Email node (n8n 2.41.1) with an SMTP credential for
 * U-Mail's relay, pointed at a real SMTP server on 127.0.0.1 (AUTH LOGIN; implicit TLS like port 465 and STARTTLS
 * like port 25; a self-signed certificate trusted through NODE_EXTRA_CA_CERTS, so TLS is really verified and the
 * examples keep "Ignore SSL Issues" off). What arrives is parsed with mailparser.
 *
 * One user folder: `n8n execute` runs the calendar example and the wrong-password case, then `n8n start` serves the
 * order-paid webhook.
 */
import * as fs from 'fs';
import * as path from 'path';

import { parseInvitation } from '../helpers/ics';
import { TIMEOUT, N8nInstance, ROOT, buildError, ensureN8nSync, getRealPack, makeWorkflow, type ExecuteResult } from './harness';
import { ORDER as order, RECEIPT_LINES, checkPdf, expectedReceipt, makeCertificate, startRelay, waitForMail, type Certificate, type Relay } from './smtpRelay';

const n8n = ensureN8nSync();
const describeN8n = n8n ? describe : describe.skip;

const USER = 'orders@mail.example.com';
const PASSWORD = 'relay-Secret-42';
const SSL_CRED = { id: 'umailSmtp0000001', name: 'U-Mail SMTP (smtp.bestedm.net)' };
const STARTTLS_CRED = { id: 'umailSmtpTls0001', name: 'U-Mail SMTP port 25 STARTTLS' };
const BAD_CRED = { id: 'umailSmtpBad0001', name: 'U-Mail SMTP wrong password' };

const example = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8'));
const smtpCredential = (cred: { id: string; name: string }, data: Record<string, unknown>) => ({
	...cred,
	type: 'smtp',
	data: { user: USER, password: PASSWORD, host: '127.0.0.1', hostName: '', ...data },
});

function ok(res: ExecuteResult) {
	if (res.error || res.code !== 0) {
		throw new Error(`workflow failed (exit ${res.code}): ${res.error}\nnode errors: ${JSON.stringify(res.nodeErrors)}\n${res.stderr.slice(-2000)}`);
	}
	return res;
}

describeN8n(`transactional email through Send Email in n8n ${n8n?.version}`, () => {
	let certificate: Certificate;
	let ssl: Relay;
	let starttls: Relay;
	let inst: N8nInstance;
	let trust: Record<string, string>;
	const orderFlow = example('06-transactional-email.json');
	const calendarFlow = example('07-calendar-invitation.json');
	// the calendar example goes through the port-25-style relay
	for (const node of calendarFlow.nodes) if (node.credentials?.smtp) node.credentials.smtp = STARTTLS_CRED;
	const badLogin = makeWorkflow({
		name: 'e2e SMTP wrong password',
		nodes: [
			{
				name: 'Send Email',
				type: 'n8n-nodes-base.emailSend',
				typeVersion: 2.1,
				parameters: { fromEmail: USER, toEmail: 'li.na@example.com', subject: 'never sent', emailFormat: 'text', text: 'x', options: {} },
				credentials: { smtp: BAD_CRED },
			},
		],
	});

	beforeAll(async () => {
		if (!n8n) throw new Error('n8n is not installed');
		const pack = getRealPack();
		if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
		certificate = makeCertificate();
		trust = { NODE_EXTRA_CA_CERTS: certificate.certFile };
		ssl = await startRelay({ implicitTls: true, certificate, user: USER, password: PASSWORD });
		starttls = await startRelay({ implicitTls: false, certificate, user: USER, password: PASSWORD });
		inst = await N8nInstance.create({ tarballs: [pack.tarball] });
		await inst.importCredentials([
			smtpCredential(SSL_CRED, { port: ssl.port, secure: true }),
			smtpCredential(STARTTLS_CRED, { port: starttls.port, secure: false, disableStartTls: false }),
			smtpCredential(BAD_CRED, { port: ssl.port, secure: true, password: 'not-the-password' }),
		]);
		await inst.importWorkflows([orderFlow, calendarFlow, badLogin]);
	}, TIMEOUT.build + TIMEOUT.execute);

	afterAll(async () => {
		await inst?.cleanup();
		await ssl?.close();
		await starttls?.close();
		if (certificate) fs.rmSync(certificate.dir, { recursive: true, force: true });
	}, TIMEOUT.execute);

	it(
		'calendar example over STARTTLS: invite, update and cancel of one event, the same UID, SEQUENCE 0 → 1 → 2',
		async () => {
			const res = ok(await inst.execute('umailExCalendar1', { env: trust }));
			const built = ['Invitation', 'Update', 'Cancellation'].map((name) => res.items(name)[0]);
			const mails = await waitForMail(starttls, 3);
			expect(mails).toHaveLength(3);
			const attendees = ['fang@example.com', 'li.na@example.com'];
			const files = mails.map(({ mail, rcptTo, secure, authMethod, mailFrom }, i) => {
				expect({ secure, authMethod, mailFrom, rcptTo }).toEqual({ secure: true, authMethod: 'LOGIN', mailFrom: 'events@mail.example.com', rcptTo: attendees });
				expect(mail.from?.value).toEqual([{ address: 'events@mail.example.com', name: 'Example Events' }]);
				expect(mail.attachments).toHaveLength(1);
				const [file] = mail.attachments;
				// Send Email names the type after the file name; the method lives in the file (METHOD:…)
				expect(file).toMatchObject({ filename: i === 2 ? 'cancel.ics' : 'invite.ics', contentType: 'text/calendar', contentDisposition: 'attachment' });
				expect(built[i]).toMatchObject({ fileName: file.filename, mimeType: `text/calendar; method=${i === 2 ? 'CANCEL' : 'REQUEST'}` });
				return parseInvitation(file.content.toString('utf8'));
			});
			expect(mails.map((m) => m.mail.subject)).toEqual([
				'Invitation: Product training: U-Mail campaigns',
				'Updated: Product training: U-Mail campaigns',
				'Cancelled: Product training: U-Mail campaigns',
			]);
			expect(mails[1].mail.text).toContain('moves to 2026-12-09 10:00 (Asia/Shanghai)');
			expect(mails[1].mail.html).toContain('<p>Product training: U-Mail campaigns moves to 2026-12-09 10:00 (Asia/Shanghai).</p>');

			const [invite, update, cancel] = files;
			expect(files.map((f) => [f.method, f.sequence, f.status])).toEqual([
				['REQUEST', 0, 'CONFIRMED'],
				['REQUEST', 1, 'CONFIRMED'],
				['CANCEL', 2, 'CANCELLED'],
			]);
			expect(new Set(files.map((f) => f.uid))).toEqual(new Set([built[0].uid]));
			// 14:00–15:30 and, after the update, 10:00–11:30 in Beijing (UTC+8)
			expect([invite.start, invite.end]).toEqual(['2026-12-08T06:00:00.000Z', '2026-12-08T07:30:00.000Z']);
			expect([update.start, update.end]).toEqual(['2026-12-09T02:00:00.000Z', '2026-12-09T03:30:00.000Z']);
			expect([cancel.start, cancel.end]).toEqual([update.start, update.end]);
			for (const f of files) {
				expect(f).toMatchObject({ summary: 'Product training: U-Mail campaigns', location: 'Shanghai office, Room 301' });
				expect(f.description).toBe('Agenda: lists, templates, send tasks, tracking.\nBring a laptop.');
				expect(f.organizer).toMatchObject({ email: 'events@mail.example.com', name: 'Example Events' });
				expect(f.attendees.map((a) => [a.email, a.name, a.rsvp])).toEqual([
					['fang@example.com', 'Wang, Fang', 'TRUE'],
					['li.na@example.com', 'Li Na', 'TRUE'],
				]);
			}
			// eslint-disable-next-line no-console
			console.log(`[e2e] calendar example: ${res.ms} ms, UID ${invite.uid}`);
		},
		TIMEOUT.execute,
	);

	it(
		'a wrong SMTP password fails the execution with the relay’s answer, and the password appears nowhere',
		async () => {
			const loginsBefore = ssl.logins.length;
			const res = await inst.execute(badLogin.id, { env: trust });
			expect(res.code).not.toBe(0);
			expect(res.nodeErrors['Send Email']).toBeDefined();
			expect(res.error).toBe(res.nodeErrors['Send Email']);
			// eslint-disable-next-line no-console
			console.log(`[e2e] wrong SMTP password → ${res.error}`);
			expect(res.error).toMatch(/Invalid login: 535 Authentication failed/);
			expect(res.stdout + res.stderr).not.toContain('not-the-password');
			expect(ssl.logins.slice(loginsBefore)).toEqual([{ method: 'LOGIN', user: USER, ok: false, secure: true }]);
			expect(ssl.received).toHaveLength(0);
		},
		TIMEOUT.execute,
	);

	describe('in a running n8n (n8n start)', () => {
		beforeAll(async () => {
			await inst.start({ env: trust });
		}, TIMEOUT.start);

		it(
			'the wrong-password run is listed as a failed execution',
			async () => {
				const [e] = await inst.executions(badLogin.id);
				expect(e).toMatchObject({ workflowId: badLogin.id, status: 'error' });
				const full = await inst.execution(e.id);
				expect(full.result.nodeErrors['Send Email']).toMatch(/Invalid login: 535/);
			},
			TIMEOUT.execute,
		);

		it(
			'order paid over implicit TLS: HTML + text, CC in the headers, BCC delivered but not shown, Reply-To, the receipt PDF byte for byte',
			async () => {
				expect((await inst.activate('umailExTransMail')).active).toBe(true);
				// activation answers before the webhook is registered: a 404 runs nothing, so ask again
				const t0 = Date.now();
				let r: Response;
				for (;;) {
					r = await fetch(`${inst.running!.url}/webhook/umail-order-paid`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(order),
					});
					if (r.status !== 404 || Date.now() - t0 > 20_000) break;
					await r.text();
					await new Promise((resolve) => setTimeout(resolve, 500));
				}
				const body = await r.text();
				expect({ status: r.status, body: r.status === 200 ? '' : body }).toEqual({ status: 200, body: '' });
				const answer = JSON.parse(body);
				const [got] = await waitForMail(ssl, 1);
				expect(ssl.received).toHaveLength(1);
				const { mail } = got;
				expect(answer).toEqual({ orderId: 'SO-10086', messageId: mail.messageId, accepted: ['li.na@example.com', 'accounts@example.com', 'archive@mail.example.com'] });

				expect({ secure: got.secure, authMethod: got.authMethod, user: got.user, mailFrom: got.mailFrom }).toEqual({ secure: true, authMethod: 'LOGIN', user: USER, mailFrom: USER });
				expect(got.rcptTo.sort()).toEqual(['accounts@example.com', 'archive@mail.example.com', 'li.na@example.com']);
				expect(mail.subject).toBe('Order SO-10086 is paid: thank you');
				expect(mail.from?.value).toEqual([{ address: USER, name: 'Example Shop' }]);
				expect(mail.headers.get('to')).toMatchObject({ value: [{ address: 'li.na@example.com', name: '' }] });
				expect(mail.headers.get('cc')).toMatchObject({ value: [{ address: 'accounts@example.com', name: '' }] });
				expect(mail.headers.get('reply-to')).toMatchObject({ value: [{ address: 'support@example.com', name: '' }] });
				expect(mail.headers.has('bcc')).toBe(false);
				expect(got.raw.toString('latin1')).not.toMatch(/archive@mail\.example\.com/);
				expect(mail.text).toContain('we received your payment for order SO-10086: CNY 398.00.');
				expect(mail.text).toContain('- 2 x Tea set\n- 1 x Gift box (red)');
				expect(mail.html).toContain('<b>SO-10086</b>');
				expect(mail.html).toContain('<li>2 × Tea set</li><li>1 × Gift box (red)</li>');
				// attribution switched off: a customer mail carries no n8n footer
				expect(`${mail.text}${mail.html}`).not.toMatch(/sent automatically with n8n/);

				expect(mail.attachments).toHaveLength(1);
				const [pdf] = mail.attachments;
				expect(pdf).toMatchObject({ filename: 'receipt-SO-10086.pdf', contentType: 'application/pdf', contentDisposition: 'attachment' });
				expect(pdf.content.equals(expectedReceipt(orderFlow))).toBe(true);
				expect(checkPdf(pdf.content)).toEqual(RECEIPT_LINES);

				// Respond to Webhook answers before the execution is saved as finished
				const t1 = Date.now();
				let runs: any[] = [];
				while (Date.now() - t1 < 20_000) {
					runs = await inst.executions('umailExTransMail');
					if (runs.length && runs.every((e) => e.status !== 'running' && e.status !== 'new')) break;
					await new Promise((resolve) => setTimeout(resolve, 500));
				}
				expect(runs.map((e) => e.status)).toEqual(['success']);
			},
			TIMEOUT.execute,
		);
	});
});
