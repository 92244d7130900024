// Only the SMTP pieces of nodemailer: its top-level entry also loads the sendmail transport (child_process).
import Mail from 'nodemailer/lib/mailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import {
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeCredentialTestResult,
	type JsonObject,
	NodeApiError,
} from 'n8n-workflow';

import { scrub } from './errors';

export type SmtpMessage = Mail.Options;

export interface SmtpCredential {
	host: string;
	port: number;
	security: 'ssl' | 'starttls' | 'none';
	user: string;
	password: string;
	ignoreSslIssues: boolean;
}

/** Timeouts in milliseconds; tests shorten them. */
export const smtpSettings = {
	connectionTimeoutMs: 20_000,
	greetingTimeoutMs: 15_000,
	socketTimeoutMs: 60_000,
};

export function readSmtpCredential(data: ICredentialDataDecryptedObject): SmtpCredential {
	const security = String(data.security ?? 'ssl');
	return {
		host: String(data.host ?? '').trim(),
		port: Number(data.port),
		security: security === 'starttls' || security === 'none' ? security : 'ssl',
		user: String(data.user ?? '').trim(),
		password: String(data.password ?? ''),
		ignoreSslIssues: data.ignoreSslIssues === true,
	};
}

function transportOptions(credential: SmtpCredential): SMTPTransport.Options {
	return {
		host: credential.host,
		port: credential.port,
		secure: credential.security === 'ssl',
		requireTLS: credential.security === 'starttls',
		// "None" means none: no opportunistic upgrade that could fail on a relay's bad certificate
		ignoreTLS: credential.security === 'none',
		auth: { user: credential.user, pass: credential.password },
		tls: { rejectUnauthorized: !credential.ignoreSslIssues },
		connectionTimeout: smtpSettings.connectionTimeoutMs,
		greetingTimeout: smtpSettings.greetingTimeoutMs,
		socketTimeout: smtpSettings.socketTimeoutMs,
		logger: false,
		debug: false,
		// attachments come from n8n binary data only, never from paths or URLs
		disableFileAccess: true,
		disableUrlAccess: true,
	};
}

/** Every spelling of the password that could show up in a server reply or a command echo. */
function secretsOf(credential: SmtpCredential): string[] {
	const { user, password } = credential;
	return [password, Buffer.from(`\u0000${user}\u0000${password}`).toString('base64')];
}

interface SmtpFailure {
	code?: string;
	responseCode?: number;
	response?: string;
	command?: string;
	rejected?: unknown[];
	message?: string;
	cause?: unknown;
	reason?: string;
}

const TLS_WORDS = /ssl|tls|certificate|self[- ]signed|wrong version number|handshake|EPROTO|CERT_|UNABLE_TO_VERIFY/i;
const CERT_WORDS = /certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY|altnames/i;

function socketCode(error: SmtpFailure): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const code = (current as SmtpFailure).code;
		if (typeof code === 'string' && code !== 'ESOCKET' && code !== 'ECONNECTION') return code;
		current = (current as SmtpFailure).cause;
	}
	return undefined;
}

/** What went wrong, in the user's words; the server's own reply goes into the description. */
export function describeSmtpFailure(error: unknown, credential: SmtpCredential): { message: string; description: string } {
	const failure = (error ?? {}) as SmtpFailure;
	const where = `${credential.host}:${credential.port}`;
	const reply = failure.response ? `The server answered: ${failure.response}` : '';
	const detail = failure.message ? `Error: ${failure.message}` : '';
	const code = failure.code ?? '';
	const text = `${failure.message ?? ''} ${socketCode(failure) ?? ''}`;
	let message: string;
	let hint = '';

	if (code === 'EAUTH') {
		message = `The SMTP relay refused the login of "${credential.user}"${failure.responseCode ? ` (${failure.responseCode})` : ''}`;
		hint = 'Check the user and password of the U-Mail SMTP credential: the user is a sender account made in the U-Mail web console';
	} else if (code === 'EENVELOPE' && failure.command === 'MAIL FROM') {
		message = `The SMTP relay refused the sender address${failure.responseCode ? ` (${failure.responseCode})` : ''}`;
		hint = 'The From address must belong to the sender account or one of its verified domains';
	} else if (code === 'EENVELOPE') {
		const rejected = (failure.rejected ?? []).map(String);
		message = rejected.length
			? `The SMTP relay refused the recipient${rejected.length > 1 ? 's' : ''} ${rejected.join(', ')}${failure.responseCode ? ` (${failure.responseCode})` : ''}`
			: `The SMTP relay refused the message envelope: ${failure.message ?? 'no recipients'}`;
	} else if (code === 'EMESSAGE') {
		message = `The SMTP relay refused the message${failure.responseCode ? ` (${failure.responseCode})` : ''}`;
	} else if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(text)) {
		message = `The SMTP host "${credential.host}" could not be resolved`;
		hint = 'Check the Host of the U-Mail SMTP credential';
	} else if (/ECONNREFUSED/.test(text)) {
		message = `The connection to ${where} was refused`;
		hint = 'Check the Host and Port of the U-Mail SMTP credential (465 for SSL/TLS, 25 for STARTTLS)';
	} else if (code === 'ETLS' || TLS_WORDS.test(text)) {
		message = `The TLS connection to ${where} failed`;
		hint = CERT_WORDS.test(text)
			? 'The server\'s certificate could not be verified; see Ignore SSL Issues in the U-Mail SMTP credential'
			: 'Check that Security matches the port: SSL/TLS on 465, STARTTLS on 25';
	} else if (code === 'ETIMEDOUT' || /ETIMEDOUT|timeout/i.test(text)) {
		message = `The SMTP relay at ${where} did not answer in time`;
		hint = 'Check the Host, Port and Security of the U-Mail SMTP credential; a firewall may block the port';
	} else if (code === 'ESOCKET' || code === 'ECONNECTION') {
		message = `The connection to ${where} failed`;
		hint = 'Check the Host, Port and Security of the U-Mail SMTP credential';
	} else {
		message = `Sending through the SMTP relay failed${failure.message ? `: ${failure.message}` : ''}`;
	}
	const secrets = secretsOf(credential);
	const description = [hint, reply || detail].filter(Boolean).join('. ');
	return { message: scrub(message, secrets), description: scrub(description, secrets) };
}

export function smtpError(node: INode, error: unknown, credential: SmtpCredential, itemIndex: number): NodeApiError {
	const { message, description } = describeSmtpFailure(error, credential);
	const failure = (error ?? {}) as SmtpFailure;
	const itemMessage = `Item ${itemIndex + 1}: ${message}`;
	// not `code`: NodeApiError would swap our message for its generic one for codes it knows
	const response: JsonObject = { message: itemMessage, description, errorCode: failure.code ?? 'UNKNOWN' };
	if (failure.responseCode) response.responseCode = failure.responseCode;
	return new NodeApiError(node, response, { message: itemMessage, description, itemIndex });
}

function addressText(entry: unknown): string {
	if (entry && typeof entry === 'object' && 'address' in entry) return String((entry as { address: unknown }).address);
	return String(entry);
}

/** What the relay said about one message, as the node outputs it. */
export interface SentMessage extends IDataObject {
	messageId: string;
	accepted: string[];
	rejected: string[];
	response: string;
	envelope: IDataObject;
}

/** Sends one message with the item's U-Mail SMTP credential; failures become a NodeApiError naming the item. */
export async function sendMail(fn: IExecuteFunctions, itemIndex: number, message: SmtpMessage): Promise<SentMessage> {
	const credential = readSmtpCredential(await fn.getCredentials('umailSmtpApi', itemIndex));
	const options = transportOptions(credential);
	const mailer = new Mail(new SMTPTransport(options), options);
	try {
		const info = (await mailer.sendMail(message)) as SMTPTransport.SentMessageInfo;
		const envelope = info.envelope as { from?: string | false; to?: string[] };
		return {
			messageId: info.messageId,
			accepted: (info.accepted ?? []).map(addressText),
			rejected: (info.rejected ?? []).map(addressText),
			response: scrub(String(info.response ?? ''), secretsOf(credential)),
			envelope: { from: envelope.from || '', to: envelope.to ?? [] },
		};
	} catch (error) {
		throw smtpError(fn.getNode(), error, credential, itemIndex);
	} finally {
		mailer.close();
	}
}

/** The credential test: connect, (upgrade to TLS), log in, quit. */
export async function umailSmtpApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const smtp = readSmtpCredential(credential.data ?? {});
	if (!smtp.host) return { status: 'Error', message: 'The Host is empty' };
	if (!Number.isInteger(smtp.port) || smtp.port < 1 || smtp.port > 65535) {
		return { status: 'Error', message: `The Port must be between 1 and 65535, got ${String(credential.data?.port)}` };
	}
	const transport = new SMTPTransport(transportOptions(smtp));
	try {
		await transport.verify();
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		const { message, description } = describeSmtpFailure(error, smtp);
		return { status: 'Error', message: description ? `${message}. ${description}` : message };
	} finally {
		transport.close();
	}
}
