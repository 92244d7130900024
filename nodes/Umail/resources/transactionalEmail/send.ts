import { sendMail } from '../../shared/smtp';
import type { OperationDef } from '../../shared/types';
import { attachmentsField, attachmentsOf, customHeaders, fromFields, mailboxes, recipientHint, replyToField, sender } from './fields';

/** §10–§11: one message through the SMTP relay */
export const send: OperationDef = {
	value: 'send',
	name: 'Send',
	action: 'Send an email',
	description: 'Send one email through the U-Mail SMTP relay',
	properties: [
		...fromFields,
		{
			displayName: 'To Email',
			name: 'toEmail',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. jane@example.com, Bob <bob@example.com>',
			description: recipientHint,
		},
		{
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Email Format',
			name: 'emailFormat',
			type: 'options',
			options: [
				{ name: 'Both', value: 'both', description: 'HTML with a plain-text alternative' },
				{ name: 'HTML', value: 'html' },
				{ name: 'Text', value: 'text' },
			],
			default: 'html',
		},
		{
			displayName: 'HTML',
			name: 'html',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			displayOptions: { show: { emailFormat: ['html', 'both'] } },
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			displayOptions: { show: { emailFormat: ['text', 'both'] } },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				attachmentsField,
				{
					displayName: 'BCC Email',
					name: 'bccEmail',
					type: 'string',
					default: '',
					description: `Blind copies: delivered, but not named in the message. ${recipientHint}.`,
				},
				{
					displayName: 'CC Email',
					name: 'ccEmail',
					type: 'string',
					default: '',
					description: recipientHint,
				},
				{
					displayName: 'Custom Headers',
					name: 'customHeaders',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Header',
					default: {},
					options: [
						{
							displayName: 'Header',
							name: 'header',
							values: [
								{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. X-Campaign' },
								{ displayName: 'Value', name: 'value', type: 'string', default: '' },
							],
						},
					],
				},
				replyToField,
			],
		},
	],
	run: async (ctx) => {
		const { p } = ctx;
		const options = p.collection('options');
		const format = p.string('emailFormat') ?? 'html';
		const html = format === 'text' ? undefined : p.string('html');
		const text = format === 'html' ? undefined : p.string('text');
		if (!html && !text) throw p.fail(format === 'text' ? 'text' : 'html', 'is required: the message has no body');
		const message = {
			from: sender(p),
			to: mailboxes(p, 'toEmail', p.string('toEmail'), true),
			cc: mailboxes(p, 'ccEmail', String(options.ccEmail ?? '').trim()),
			bcc: mailboxes(p, 'bccEmail', String(options.bccEmail ?? '').trim()),
			replyTo: mailboxes(p, 'replyTo', String(options.replyTo ?? '').trim()),
			subject: p.required('subject'),
			html,
			text,
			headers: customHeaders(p, options),
			attachments: await attachmentsOf(ctx, options.attachments as string | undefined),
		};
		return await sendMail(ctx.fn, ctx.itemIndex, message);
	},
};
