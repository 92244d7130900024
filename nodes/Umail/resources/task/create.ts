import { additionalFieldsField, contactListLocator, domainLocator, mailboxLocator, templateLocator } from '../../shared/fields';
import { describeMessage } from '../../shared/messages';
import { resultData, resultOf } from '../../shared/outputs';
import type { Params } from '../../shared/params';
import type { Scalar, UmailRequest } from '../../shared/transport';
import { idempotencyFields } from '../../shared/idempotency';
import type { OperationDef } from '../../shared/types';
import { domainOf } from '../domain/shared';
import { clarifyRateLimit } from './rateLimit';
import { taskIdempotency } from './idempotent';
import { explainRefusal } from './refusals';
import { flagOf, idsOf, sendOptionFields, sendOptionsForm, sortedFields } from './shared';

/** send_account / send_domain as §6.2's notes combine them */
function senderForm(p: Params): Record<string, Scalar> {
	const sender = p.string('sender', { fallback: 'mailbox' });
	if (sender === 'all') return { send_account: 'all', send_domain: 'all' };
	if (sender === 'domain') return { send_account: 'all', send_domain: domainOf(p, 'domain') };
	const domain = p.string('domain');
	return { send_account: p.email('mailbox'), send_domain: domain === undefined ? undefined : domainOf(p, 'domain', domain) };
}

function buildRequest(p: Params): UmailRequest {
	const templates = [p.id('template'), ...idsOf(p, 'additionalFields.moreTemplates')];
	const lists = [p.id('contactList'), ...idsOf(p, 'additionalFields.moreContactLists')];
	const delay = flagOf(p, 'additionalFields.delayOnSpam');
	const time = p.dateTime('sendTime');
	if (!time) throw p.fail('sendTime', 'is required');
	return {
		endpoint: 'task.php',
		do: 'add-task',
		method: 'POST',
		form: {
			tpl_id: [...new Set(templates)].join(','),
			...senderForm(p),
			send_fullname: p.required('senderName'),
			maillist_id: [...new Set(lists)].join(','),
			time,
			status: p.string('start', { fallback: '1' }),
			...sendOptionsForm(p, 'additionalFields'),
			is_delay: delay === undefined ? undefined : delay ? 1 : 0,
		},
	};
}

/** §6.2 (= §5.1) task.php?do=add-task; at most 100 calls an hour */
export const create: OperationDef = {
	value: 'create',
	effect: 'write',
	name: 'Create',
	action: 'Create a send task',
	description: 'Schedule a campaign: templates to contact lists from a sender, at a time',
	properties: [
		templateLocator({ description: 'The template to send; it must have passed the content check' }),
		contactListLocator({ description: 'The contact list to send to' }),
		{
			displayName: 'Send From',
			name: 'sender',
			type: 'options',
			options: [
				{ name: 'One Mailbox', value: 'mailbox', description: 'Every mail comes from one sender mailbox' },
				{ name: 'Every Mailbox of a Domain', value: 'domain', description: 'U-Mail rotates the mailboxes of one domain' },
				{ name: 'Every Mailbox of Every Domain', value: 'all', description: 'U-Mail rotates all your sender mailboxes' },
			],
			default: 'mailbox',
		},
		{
			...domainLocator({ displayName: 'Sender Domain' }),
			displayOptions: { show: { sender: ['domain'] } },
		},
		{
			...domainLocator({ displayName: 'Sender Domain', required: false }),
			description: 'The domain of the sender mailbox; lets "From List" below show its mailboxes',
			displayOptions: { show: { sender: ['mailbox'] } },
		},
		{
			...mailboxLocator({ displayName: 'Sender Mailbox' }),
			displayOptions: { show: { sender: ['mailbox'] } },
		},
		{
			displayName: 'Sender Name',
			name: 'senderName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Example News',
		},
		{
			displayName: 'Send Time',
			name: 'sendTime',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'When to start sending. Sent as YYYY-MM-DD HH:mm.',
		},
		{
			displayName: 'Start',
			name: 'start',
			type: 'options',
			options: [
				{ name: 'At Send Time', value: '1', description: 'Wait for the send time (status 1)' },
				{ name: 'Hold', value: '-1', description: 'Create the task without sending it yet (status -1)' },
				{ name: 'Now', value: '2', description: 'Start sending right away (status 2)' },
			],
			default: '1',
		},
		additionalFieldsField(sortedFields([
			...sendOptionFields,
			{
				displayName: 'More Contact List IDs',
				name: 'moreContactLists',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12, 15',
				description: 'Further contact lists to send to, separated by commas',
			},
			{
				displayName: 'More Template IDs',
				name: 'moreTemplates',
				type: 'string',
				default: '',
				placeholder: 'e.g. 53, 54',
				description: 'Further templates, separated by commas; U-Mail splits the recipients between the templates',
			},
		])),
		...idempotencyFields,
	],
	idempotent: taskIdempotency,
	run: async (ctx) => {
		const request = buildRequest(ctx.p);
		let body: unknown;
		try {
			body = (await ctx.call(request)).body;
		} catch (error) {
			throw explainRefusal(ctx, request, clarifyRateLimit(ctx, error));
		}
		return {
			id: String(resultOf(body).id ?? ''),
			message: resultData(body),
			...describeMessage(resultData(body)),
			templateIds: String(request.form?.tpl_id).split(','),
			contactListIds: String(request.form?.maillist_id).split(','),
			sendTime: String(request.form?.time),
			status: String(request.form?.status),
		};
	},
	labels: { status: 'sendStatus' },
};
