import { createHash, randomBytes } from 'node:crypto';
import * as net from 'node:net';

import { type ParsedMail, simpleParser } from 'mailparser';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

import { UmailSmtpApi } from '../../../credentials/UmailSmtpApi.credentials';
import { Umail } from '../../../nodes/Umail/Umail.node';
import { smtpSettings } from '../../../nodes/Umail/shared/smtp';
import { runCredentialTest, runNode } from '../../helpers/n8n';

const USER = 'notice@mail.example.com';
const PASSWORD = 'S3cret-relay-pass';

interface Received {
	raw: Buffer;
	mail: ParsedMail;
	from: string;
	to: string[];
	user: unknown;
	secure: boolean;
}

interface Relay {
	port: number;
	received: Received[];
	connections: number;
	close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1: AUTH PLAIN/LOGIN, refuses recipients starting with "refused", keeps what arrives. */
async function startRelay(options: Partial<SMTPServerOptions> = {}): Promise<Relay> {
	const received: Received[] = [];
	const relay = { received, connections: 0 } as Relay;
	const server = new SMTPServer({
		authMethods: ['PLAIN', 'LOGIN'],
		allowInsecureAuth: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onConnect(_session, callback) {
			relay.connections++;
			callback();
		},
		onAuth(auth, _session, callback) {
			if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: USER });
			const error = new Error('Authentication credentials invalid') as Error & { responseCode: number };
			error.responseCode = 535;
			return callback(error);
		},
		onRcptTo(address, _session, callback) {
			if (address.address.startsWith('refused')) {
				const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
				error.responseCode = 550;
				return callback(error);
			}
			return callback();
		},
		onData(stream, session: SMTPServerSession, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks);
				simpleParser(raw).then(
					(mail) => {
						received.push({
							raw,
							mail,
							from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
							to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
							user: session.user,
							secure: session.secure,
						});
						callback();
					},
					(error: Error) => callback(error),
				);
			});
		},
		...options,
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	relay.port = (server.server.address() as net.AddressInfo).port;
	relay.close = async () => await new Promise<void>((resolve) => server.close(() => resolve()));
	return relay;
}

const credentialsFor = (relay: { port: number }, extra: IDataObject = {}): IDataObject => ({
	host: '127.0.0.1',
	port: relay.port,
	security: 'none',
	user: USER,
	password: PASSWORD,
	...extra,
});

async function run(
	credentials: IDataObject,
	parameters: INodeParameters,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<INodeExecutionData[]> {
	const [output] = await runNode(new Umail(), {
		parameters: { resource: 'transactionalEmail', ...parameters },
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials: { umailSmtpApi: credentials as never },
	});
	return output;
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function binaryItem(files: Record<string, { data: Buffer; fileName: string; mimeType: string }>, json: IDataObject = {}): INodeExecutionData {
	const binary: INodeExecutionData['binary'] = {};
	for (const [key, file] of Object.entries(files)) {
		binary[key] = { data: file.data.toString('base64'), fileName: file.fileName, mimeType: file.mimeType };
	}
	return { json, binary };
}

/** The error a run throws, with everything it would show or store. */
async function failure(promise: Promise<unknown>): Promise<{ message: string; all: string }> {
	try {
		await promise;
	} catch (error) {
		const e = error as Error & { description?: string; context?: unknown };
		const all = `${e.message} ${e.description ?? ''} ${JSON.stringify(e)} ${String(e.stack)}`;
		return { message: e.message, all };
	}
	throw new Error('expected the run to fail');
}

/** A port nobody listens on. */
async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

beforeAll(() => {
	smtpSettings.connectionTimeoutMs = 3_000;
	smtpSettings.greetingTimeoutMs = 3_000;
	smtpSettings.socketTimeoutMs = 5_000;
});

describe('Transactional Email: Send', () => {
	let relay: Relay;
	beforeAll(async () => {
		relay = await startRelay();
	});
	afterAll(async () => await relay.close());
	beforeEach(() => {
		relay.received.length = 0;
		relay.connections = 0;
	});

	test('sends HTML and text, CC, hidden BCC, reply-to, headers and byte-identical attachments', async () => {
		const pdf = randomBytes(70_000);
		const note = Buffer.from('Ünïcode, 发票\r\nline two\n', 'utf8');
		const out = await run(
			credentialsFor(relay),
			{
				operation: 'send',
				fromEmail: USER,
				fromName: 'Example Shop, Ltd',
				toEmail: 'Jane Doe <jane@example.com>, bob@example.com',
				subject: '您的发票 / Your invoice #42',
				emailFormat: 'both',
				html: '<p>Hello <b>Jane</b></p>',
				text: 'Hello Jane',
				options: {
					ccEmail: 'carol@example.com',
					bccEmail: 'audit@example.net',
					replyTo: 'support@example.com',
					attachments: 'invoice, note',
					customHeaders: { header: [{ name: 'X-Campaign', value: 'spring-2026' }] },
				},
			},
			{
				items: [
					binaryItem({
						invoice: { data: pdf, fileName: 'invoice.pdf', mimeType: 'application/pdf' },
						note: { data: note, fileName: '说明.txt', mimeType: 'text/plain' },
					}),
				],
			},
		);

		expect(relay.received).toHaveLength(1);
		const [got] = relay.received;
		const { mail } = got;
		expect(got.user).toBe(USER);
		expect(got.from).toBe(USER);
		expect(got.to.sort()).toEqual(['audit@example.net', 'bob@example.com', 'carol@example.com', 'jane@example.com']);

		expect(mail.subject).toBe('您的发票 / Your invoice #42');
		expect(mail.from?.value).toEqual([{ name: 'Example Shop, Ltd', address: USER }]);
		expect((mail.to as { value: unknown[] }).value).toEqual([
			{ name: 'Jane Doe', address: 'jane@example.com' },
			{ name: '', address: 'bob@example.com' },
		]);
		expect((mail.cc as { text: string }).text).toBe('carol@example.com');
		expect((mail.replyTo as { text: string }).text).toBe('support@example.com');
		expect(mail.html).toContain('<p>Hello <b>Jane</b></p>');
		expect(mail.text?.trim()).toBe('Hello Jane');
		expect(mail.headers.get('x-campaign')).toBe('spring-2026');
		// BCC: delivered (envelope above) but never written into the message
		expect(mail.bcc).toBeUndefined();
		expect(mail.headers.has('bcc')).toBe(false);
		expect(got.raw.toString('latin1')).not.toContain('audit@example.net');

		const byName = Object.fromEntries(mail.attachments.map((a) => [a.filename, a]));
		expect(Object.keys(byName).sort()).toEqual(['invoice.pdf', '说明.txt']);
		expect(sha(byName['invoice.pdf'].content)).toBe(sha(pdf));
		expect(byName['invoice.pdf'].contentType).toBe('application/pdf');
		expect(sha(byName['说明.txt'].content)).toBe(sha(note));

		expect(out).toHaveLength(1);
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[0].json).toMatchObject({
			messageId: mail.messageId,
			rejected: [],
			envelope: { from: USER, to: expect.arrayContaining(['audit@example.net']) },
		});
		expect((out[0].json.accepted as string[]).sort()).toEqual(got.to.sort());
		expect(out[0].json.response).toMatch(/^250/);
	});

	test('one message per item, each paired to its item', async () => {
		const out = await run(
			credentialsFor(relay),
			{
				operation: 'send',
				fromEmail: USER,
				toEmail: '={{ $json.email }}',
				subject: '=Code {{ $json.code }}',
				emailFormat: 'text',
				text: '=Your code is {{ $json.code }}',
			},
			{ items: [{ json: { email: 'a@example.com', code: '1111' } }, { json: { email: 'b@example.com', code: '2222' } }] },
		);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(relay.received.map((r) => [r.to, r.mail.subject, r.mail.text?.trim(), r.mail.html])).toEqual([
			[['a@example.com'], 'Code 1111', 'Your code is 1111', false],
			[['b@example.com'], 'Code 2222', 'Your code is 2222', false],
		]);
		expect(out.map((item) => item.json.messageId)).toEqual(relay.received.map((r) => r.mail.messageId));
	});

	test('a refused recipient among accepted ones is reported in the output', async () => {
		const [item] = await run(credentialsFor(relay), {
			operation: 'send',
			fromEmail: USER,
			toEmail: 'ok@example.com, refused@example.com',
			subject: 'Hi',
			html: '<p>Hi</p>',
		});
		expect(item.json).toMatchObject({ accepted: ['ok@example.com'], rejected: ['refused@example.com'] });
		expect(relay.received[0].to).toEqual(['ok@example.com']);
	});

	test('all recipients refused: a node error naming the item and the address', async () => {
		const params = { operation: 'send', fromEmail: USER, toEmail: 'refused@example.com', subject: 'Hi', html: '<p>Hi</p>' };
		const { message, all } = await failure(run(credentialsFor(relay), params));
		expect(message).toBe('Item 1: The SMTP relay refused the recipient refused@example.com (550)');
		expect(all).toContain('Mailbox unavailable');
		expect(all).not.toContain(PASSWORD);
		expect(relay.received).toHaveLength(0);

		const out = await run(credentialsFor(relay), params, { continueOnFail: true, items: [{ json: {} }, { json: {} }] });
		expect(out.map((item) => item.json.error)).toEqual([
			'Item 1: The SMTP relay refused the recipient refused@example.com (550)',
			'Item 2: The SMTP relay refused the recipient refused@example.com (550)',
		]);
	});

	test('wrong password: a login error without the password anywhere', async () => {
		const wrong = 'Wr0ng-pass-9876';
		const { message, all } = await failure(
			run(credentialsFor(relay, { password: wrong }), {
				operation: 'send',
				fromEmail: USER,
				toEmail: 'jane@example.com',
				subject: 'Hi',
				html: '<p>Hi</p>',
			}),
		);
		expect(message).toBe(`Item 1: The SMTP relay refused the login of "${USER}" (535)`);
		expect(all).toContain('check the user and password'.replace('check', 'Check'));
		expect(all).not.toContain(wrong);
		expect(all).not.toContain(Buffer.from(wrong).toString('base64'));
		expect(all).not.toContain(Buffer.from(`\u0000${USER}\u0000${wrong}`).toString('base64'));
		expect(relay.received).toHaveLength(0);
	});

	test('connection refused names host and port', async () => {
		const port = await closedPort();
		const { message, all } = await failure(
			run(credentialsFor({ port }), { operation: 'send', fromEmail: USER, toEmail: 'a@example.com', subject: 'Hi', html: 'x' }),
		);
		expect(message).toBe(`Item 1: The connection to 127.0.0.1:${port} was refused`);
		expect(all).not.toContain(PASSWORD);
	});

	test('STARTTLS required but not offered: a TLS error', async () => {
		const { message, all } = await failure(
			run(credentialsFor(relay, { security: 'starttls' }), {
				operation: 'send',
				fromEmail: USER,
				toEmail: 'a@example.com',
				subject: 'Hi',
				html: 'x',
			}),
		);
		expect(message).toBe(`Item 1: The TLS connection to 127.0.0.1:${relay.port} failed`);
		expect(all).toContain('Security matches the port');
		expect(relay.received).toHaveLength(0);
	});

	test('SSL/TLS against a plain port: a TLS error', async () => {
		const { message } = await failure(
			run(credentialsFor(relay, { security: 'ssl' }), { operation: 'send', fromEmail: USER, toEmail: 'a@example.com', subject: 'Hi', html: 'x' }),
		);
		expect(message).toMatch(new RegExp(`^Item 1: The (TLS connection to|SMTP relay at) 127\\.0\\.0\\.1:${relay.port}`));
	});

	test('bad input is refused before connecting', async () => {
		const base = { operation: 'send', fromEmail: USER, toEmail: 'a@example.com', subject: 'Hi', html: 'x' };
		const cases: Array<[INodeParameters, string]> = [
			[{ toEmail: 'not-an-address' }, 'Item 1: "To Email" is not a valid email address: "not-an-address"'],
			[{ fromEmail: 'nobody' }, 'Item 1: "From Email" is not a valid email address: "nobody"'],
			[{ options: { ccEmail: 'x@y' } }, 'Item 1: "CC Email" is not a valid email address: "x@y"'],
			[{ html: '' }, 'Item 1: "HTML" is required: the message has no body'],
			[{ options: { customHeaders: { header: [{ name: 'Bcc', value: 'x@example.com' }] } } }, 'Item 1: "Custom Headers" cannot set "Bcc": use the node\'s own field for it'],
			[{ options: { customHeaders: { header: [{ name: 'X Bad', value: '1' }] } } }, 'Item 1: "Custom Headers" has an invalid header name: "X Bad"'],
			[{ options: { attachments: 'missing' } }, 'missing'],
		];
		for (const [override, expected] of cases) {
			const { message } = await failure(run(credentialsFor(relay), { ...base, ...override }));
			expect(message).toContain(expected);
		}
		expect(relay.connections).toBe(0);
	});
});

describe('Transactional Email: TLS', () => {
	test('STARTTLS upgrades before login (self-signed certificate allowed by Ignore SSL Issues)', async () => {
		const relay = await startRelay({ disabledCommands: [], allowInsecureAuth: false });
		try {
			const [item] = await run(credentialsFor(relay, { security: 'starttls', ignoreSslIssues: true }), {
				operation: 'send',
				fromEmail: USER,
				toEmail: 'a@example.com',
				subject: 'Over TLS',
				html: '<p>x</p>',
			});
			expect(relay.received[0].secure).toBe(true);
			expect(item.json.accepted).toEqual(['a@example.com']);

			const { message, all } = await failure(
				run(credentialsFor(relay, { security: 'starttls' }), { operation: 'send', fromEmail: USER, toEmail: 'a@example.com', subject: 'x', html: 'x' }),
			);
			expect(message).toBe(`Item 1: The TLS connection to 127.0.0.1:${relay.port} failed`);
			expect(all).toContain('Ignore SSL Issues');
		} finally {
			await relay.close();
		}
	});

	test('SSL/TLS from the first byte', async () => {
		const relay = await startRelay({ secure: true, disabledCommands: [] });
		try {
			await run(credentialsFor(relay, { security: 'ssl', ignoreSslIssues: true }), {
				operation: 'send',
				fromEmail: USER,
				toEmail: 'a@example.com',
				subject: 'Over SSL',
				html: '<p>x</p>',
			});
			expect(relay.received[0].secure).toBe(true);
			expect(relay.received[0].mail.subject).toBe('Over SSL');
		} finally {
			await relay.close();
		}
	});
});

describe('U-Mail SMTP credential', () => {
	let relay: Relay;
	beforeAll(async () => {
		relay = await startRelay();
	});
	afterAll(async () => await relay.close());

	test('defaults to the U-Mail relay over SSL', () => {
		const defaults = Object.fromEntries(new UmailSmtpApi().properties.map((p) => [p.name, p.default]));
		expect(defaults).toMatchObject({ host: 'smtp.bestedm.net', port: 465, security: 'ssl' });
	});

	test('connects and logs in', async () => {
		const result = await runCredentialTest(new Umail(), 'umailSmtpApiTest', credentialsFor(relay) as never);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
	});

	test('a wrong password fails without showing it', async () => {
		const result = await runCredentialTest(new Umail(), 'umailSmtpApiTest', credentialsFor(relay, { password: 'nope-wrong-1' }) as never);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`refused the login of "${USER}"`);
		expect(result.message).not.toContain('nope-wrong-1');
	});

	test('a closed port fails', async () => {
		const port = await closedPort();
		const result = await runCredentialTest(new Umail(), 'umailSmtpApiTest', credentialsFor({ port }) as never);
		expect(result).toMatchObject({ status: 'Error', message: expect.stringContaining('was refused') });
	});
});

/** Every physical line ends in CRLF and holds at most 75 octets; returns the unfolded content lines. */
function icsLines(ics: string): string[] {
	expect(ics.endsWith('\r\n')).toBe(true);
	const physical = ics.slice(0, -2).split('\r\n');
	for (const line of physical) {
		expect(line).not.toMatch(/[\r\n]/);
		expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
	}
	return ics.replace(/\r\n[ \t]/g, '').slice(0, -2).split('\r\n');
}

function icsProp(lines: string[], name: string): string[] {
	return lines.filter((line) => line.split(/[;:]/)[0] === name).map((line) => line);
}

/** The text/calendar alternative: its Content-Type (with method) and text. */
function calendarPart(got: Received): { contentType: string; ics: string } {
	const part = got.mail.attachments.find((a) => a.contentType === 'text/calendar');
	expect(part).toBeDefined();
	const header = String((part!.headers.get('content-type') as { params?: IDataObject })?.params?.method ?? '');
	return { contentType: `text/calendar; method=${header}`, ics: part!.content.toString('utf8') };
}

describe('Transactional Email: calendar invitations', () => {
	let relay: Relay;
	beforeAll(async () => {
		relay = await startRelay();
	});
	afterAll(async () => await relay.close());
	beforeEach(() => {
		relay.received.length = 0;
		relay.connections = 0;
	});

	const description = 'Agenda:\n1) numbers\n2) 下一季度的计划和预算讨论，请提前准备好材料。 A long line, so that folding at seventy-five octets happens; twice';

	test('an invitation: text/calendar method=REQUEST, UTC times from the time zone, escaped and folded', async () => {
		const out = await run(credentialsFor(relay), {
			operation: 'sendInvitation',
			fromEmail: USER,
			fromName: 'Example Shop',
			attendees: 'Jane Doe <jane@example.com>, bob@example.com',
			summary: 'Quarterly review; budget, plans \\ notes',
			start: '2026-03-02T10:00:00',
			end: '2026-03-02T11:30:00',
			eventUid: 'review-42@example.com',
			options: { timeZone: 'Asia/Shanghai', location: 'Room 5, 北京', description, sequence: 3 },
		});
		expect(relay.received).toHaveLength(1);
		const [got] = relay.received;
		expect(got.to).toEqual(['jane@example.com', 'bob@example.com']);
		expect(got.mail.subject).toBe('Invitation: Quarterly review; budget, plans \\ notes');
		expect(got.mail.text).toContain('When: 2026-03-02 10:00 – 2026-03-02 11:30 (Asia/Shanghai)');

		const { contentType, ics } = calendarPart(got);
		expect(contentType).toBe('text/calendar; method=REQUEST');
		const lines = icsLines(ics);
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines.at(-1)).toBe('END:VCALENDAR');
		expect(icsProp(lines, 'METHOD')).toEqual(['METHOD:REQUEST']);
		expect(icsProp(lines, 'UID')).toEqual(['UID:review-42@example.com']);
		expect(icsProp(lines, 'SEQUENCE')).toEqual(['SEQUENCE:3']);
		expect(icsProp(lines, 'DTSTART')).toEqual(['DTSTART:20260302T020000Z']);
		expect(icsProp(lines, 'DTEND')).toEqual(['DTEND:20260302T033000Z']);
		expect(icsProp(lines, 'DTSTAMP')[0]).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
		expect(icsProp(lines, 'SUMMARY')).toEqual(['SUMMARY:Quarterly review\\; budget\\, plans \\\\ notes']);
		expect(icsProp(lines, 'LOCATION')).toEqual(['LOCATION:Room 5\\, 北京']);
		expect(icsProp(lines, 'DESCRIPTION')).toEqual([
			'DESCRIPTION:Agenda:\\n1) numbers\\n2) 下一季度的计划和预算讨论，请提前准备好材料。 A long line\\, so that folding at seventy-five octets happens\\; twice',
		]);
		expect(ics.split('\r\n').length).toBeGreaterThan(lines.length + 1); // some lines were folded
		expect(icsProp(lines, 'ORGANIZER')).toEqual(['ORGANIZER;CN=Example Shop:mailto:notice@mail.example.com']);
		expect(icsProp(lines, 'ATTENDEE')).toEqual([
			'ATTENDEE;CN=Jane Doe;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:jane@example.com',
			'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.com',
		]);
		expect(icsProp(lines, 'STATUS')).toEqual(['STATUS:CONFIRMED']);
		// the same calendar also travels as an invite.ics attachment
		const file = got.mail.attachments.find((a) => a.filename === 'invite.ics');
		expect(file?.content.toString('utf8')).toBe(ics);

		expect(out[0].json).toMatchObject({
			messageId: got.mail.messageId,
			accepted: ['jane@example.com', 'bob@example.com'],
			rejected: [],
			uid: 'review-42@example.com',
			sequence: 3,
			method: 'REQUEST',
			start: '2026-03-02T02:00:00.000Z',
			end: '2026-03-02T03:30:00.000Z',
		});
	});

	test('a new invitation gets a fresh UID; the cancellation reuses it with a higher SEQUENCE', async () => {
		const [invited] = await run(credentialsFor(relay), {
			operation: 'sendInvitation',
			fromEmail: USER,
			attendees: 'jane@example.com',
			summary: 'Kick-off',
			start: '2026-07-01T09:00:00',
			end: '2026-07-01T10:00:00',
			options: { timeZone: 'America/New_York', sequence: 0 },
		});
		const uid = invited.json.uid as string;
		expect(uid).toMatch(/^[0-9a-f-]{36}@mail\.example\.com$/);
		const first = icsLines(calendarPart(relay.received[0]).ics);
		expect(icsProp(first, 'DTSTART')).toEqual(['DTSTART:20260701T130000Z']); // EDT, UTC-4
		expect(icsProp(first, 'SEQUENCE')).toEqual(['SEQUENCE:0']);

		const [cancelled] = await run(credentialsFor(relay), {
			operation: 'cancelInvitation',
			fromEmail: USER,
			attendees: 'jane@example.com',
			eventUid: uid,
			options: { summary: 'Kick-off', start: '2026-07-01T09:00:00', end: '2026-07-01T10:00:00', timeZone: 'America/New_York' },
		});
		const got = relay.received[1];
		expect(got.mail.subject).toBe('Cancelled: Kick-off');
		const { contentType, ics } = calendarPart(got);
		expect(contentType).toBe('text/calendar; method=CANCEL');
		const lines = icsLines(ics);
		expect(icsProp(lines, 'METHOD')).toEqual(['METHOD:CANCEL']);
		expect(icsProp(lines, 'UID')).toEqual([`UID:${uid}`]);
		expect(icsProp(lines, 'STATUS')).toEqual(['STATUS:CANCELLED']);
		expect(icsProp(lines, 'ATTENDEE')).toEqual(['ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT:mailto:jane@example.com']);
		const sequence = Number(icsProp(lines, 'SEQUENCE')[0].split(':')[1]);
		expect(sequence).toBeGreaterThan(0);
		expect(cancelled.json).toMatchObject({ uid, sequence, method: 'CANCEL', start: '2026-07-01T13:00:00.000Z' });

		// a derived SEQUENCE grows with time, so a later update outranks an earlier one
		const [later] = await run(credentialsFor(relay), {
			operation: 'cancelInvitation',
			fromEmail: USER,
			attendees: 'jane@example.com',
			eventUid: uid,
		});
		expect(later.json.sequence as number).toBeGreaterThanOrEqual(sequence);
		expect(later.json).not.toHaveProperty('start');
	});

	test('winter time and explicit offsets', async () => {
		const [winter] = await run(credentialsFor(relay), {
			operation: 'sendInvitation',
			fromEmail: USER,
			attendees: 'jane@example.com',
			summary: 'Winter',
			start: '2026-01-15T09:00:00',
			end: '2026-01-15T15:30:00+01:00',
			options: { timeZone: 'America/New_York' },
		});
		expect(winter.json).toMatchObject({ start: '2026-01-15T14:00:00.000Z', end: '2026-01-15T14:30:00.000Z' });
	});

	test('bad calendar input is refused before connecting', async () => {
		const base = {
			operation: 'sendInvitation',
			fromEmail: USER,
			attendees: 'jane@example.com',
			summary: 'X',
			start: '2026-03-02T10:00:00',
			end: '2026-03-02T11:00:00',
		};
		const cases: Array<[INodeParameters, string]> = [
			[{ end: '2026-03-02T09:00:00' }, 'Item 1: "End" must be after Start'],
			[{ start: '2026-02-30T10:00:00' }, 'Item 1: "Start" must be a date and time such as 2026-03-02T10:00:00, got "2026-02-30T10:00:00"'],
			[{ options: { timeZone: 'Mars/Olympus' } }, 'Item 1: "Time Zone" is not a known time zone: "Mars/Olympus"'],
			[{ attendees: '' }, 'Item 1: "Attendees" is required'],
			[{ options: { organizerEmail: 'boss' } }, 'Item 1: "Organizer Email" is not a valid email address: "boss"'],
			[{ operation: 'cancelInvitation', eventUid: '' }, 'Item 1: "Event UID" is required'],
		];
		for (const [override, expected] of cases) {
			const { message } = await failure(run(credentialsFor(relay), { ...base, ...override }));
			expect(message).toBe(expected);
		}
		// "End" before "Start" would also be caught when the end carries an offset
		const { message } = await failure(run(credentialsFor(relay), { ...base, end: '2026-03-02T10:00:00+08:00', options: { timeZone: 'UTC' } }));
		expect(message).toBe('Item 1: "End" must be after Start');
		expect(relay.connections).toBe(0);
	});
});
