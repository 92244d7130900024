import addressparser from 'nodemailer/lib/addressparser';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { isEmail, type Params } from '../../shared/params';
import type { SmtpMessage } from '../../shared/smtp';
import type { ItemContext } from '../../shared/types';

export interface Mailbox {
	name: string;
	address: string;
}

export const fromFields: INodeProperties[] = [
	{
		displayName: 'From Email',
		name: 'fromEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. notice@mail.example.com',
		description: 'The sender address; the U-Mail relay accepts the sender account\'s own addresses',
	},
	{
		displayName: 'From Name',
		name: 'fromName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Example Shop',
	},
];

export const recipientHint = 'Comma-separated; "Name <address>" works too';

export const replyToField: INodeProperties = {
	displayName: 'Reply To',
	name: 'replyTo',
	type: 'string',
	default: '',
	placeholder: 'e.g. support@example.com',
	description: 'Where replies go, if not to the From address',
};

export const attachmentsField: INodeProperties = {
	displayName: 'Attachments',
	name: 'attachments',
	type: 'string',
	default: '',
	placeholder: 'e.g. data, invoice',
	description: 'Names of the input item\'s binary properties to attach, comma-separated',
};

/** A list of recipients, each checked; `Name <a@b>` keeps the name. */
export function mailboxes(p: Params, name: string, text: string | undefined, required = false): Mailbox[] {
	if (!text) {
		if (required) throw p.fail(name, 'is required');
		return [];
	}
	const parsed = addressparser(text, { flatten: true }) as Array<{ name?: string; address?: string }>;
	const found: Mailbox[] = [];
	for (const entry of parsed) {
		const address = (entry.address ?? '').trim();
		if (!isEmail(address)) {
			throw p.fail(name, `is not a valid email address: "${address || entry.name || text}"`);
		}
		found.push({ name: (entry.name ?? '').trim(), address });
	}
	if (found.length === 0 && required) throw p.fail(name, 'is required');
	return found;
}

export function sender(p: Params): Mailbox {
	return { name: p.string('fromName') ?? '', address: p.email('fromEmail', p.string('fromEmail')) };
}

/** Attachments from the item's binary properties, byte for byte. */
export async function attachmentsOf(ctx: ItemContext, names: string | undefined): Promise<NonNullable<SmtpMessage['attachments']>> {
	const attachments: NonNullable<SmtpMessage['attachments']> = [];
	for (const property of ctx.p.list('attachments', names ?? '')) {
		const binary = ctx.fn.helpers.assertBinaryData(ctx.itemIndex, property);
		const content = await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, property);
		attachments.push({
			filename: binary.fileName ?? property,
			content,
			contentType: binary.mimeType || 'application/octet-stream',
		});
	}
	return attachments;
}

const TOKEN = /^[!-9;-~]+$/;
// set through their own fields, or written by the MIME composer
const RESERVED = /^(from|to|cc|bcc|subject|reply-to|date|message-id|mime-version|content-type|content-transfer-encoding)$/i;

export function customHeaders(p: Params, options: IDataObject): Record<string, string> {
	const entries = ((options.customHeaders as IDataObject | undefined)?.header as IDataObject[] | undefined) ?? [];
	const headers: Record<string, string> = {};
	for (const entry of entries) {
		const name = String(entry.name ?? '').trim();
		const value = String(entry.value ?? '');
		if (!TOKEN.test(name)) throw p.fail('customHeaders', `has an invalid header name: "${name}"`);
		if (RESERVED.test(name)) throw p.fail('customHeaders', `cannot set "${name}": use the node's own field for it`);
		if (/[\r\n]/.test(value)) throw p.fail('customHeaders', `"${name}" must be on one line`);
		headers[name] = value;
	}
	return headers;
}
