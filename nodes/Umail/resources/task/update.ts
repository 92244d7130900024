import { codeField, taskLocator, updateFieldsField } from '../../shared/fields';
import { succeeded } from '../../shared/outputs';
import type { Params } from '../../shared/params';
import type { Scalar } from '../../shared/transport';
import type { OperationDef } from '../../shared/types';
import { domainOf } from '../domain/shared';
import { flagOf, idsOf, sendOptionFields, sendOptionsForm, sortedFields } from './shared';

const F = 'updateFields';

function senderFields(p: Params): Record<string, Scalar> {
	const account = p.string(`${F}.senderMailbox`);
	const domain = p.string(`${F}.senderDomain`);
	return {
		send_account: account === undefined || account === 'all' ? account : p.email(`${F}.senderMailbox`, account),
		send_domain: domain === undefined || domain === 'all' ? domain : domainOf(p, `${F}.senderDomain`, domain),
	};
}

/** §6.3 task.php?do=edit-task: here the status is `send_status`, the time `send_time`, and is_delay 1 / -1. */
export const update: OperationDef = {
	value: 'update',
	effect: 'write',
	name: 'Update',
	action: 'Update a send task',
	description: 'Change a send task that has not finished: reschedule, pause, cancel, or change what it sends',
	properties: [
		taskLocator(),
		updateFieldsField(sortedFields([
			...sendOptionFields,
			{
				displayName: 'Contact List IDs',
				name: 'contactListIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12, 15',
				description: 'Contact lists to send to, separated by commas',
			},
			{ ...codeField('sendStatus', 'Send Status', 'sendStatus', { default: '1' }), description: 'e.g. Paused (-2) or Cancelled (-3)' },
			{
				displayName: 'Send Time',
				name: 'sendTime',
				type: 'dateTime',
				default: '',
				description: 'New start time. Sent as YYYY-MM-DD HH:mm.',
			},
			{
				displayName: 'Sender Domain',
				name: 'senderDomain',
				type: 'string',
				default: '',
				placeholder: 'e.g. mail.example.com, or all',
				description: 'A domain, or "all"; with Sender Mailbox "all" the task rotates the mailboxes of this domain',
			},
			{
				displayName: 'Sender Mailbox',
				name: 'senderMailbox',
				type: 'string',
				default: '',
				placeholder: 'e.g. news@mail.example.com, or all',
				description: 'An address, or "all" to rotate mailboxes',
			},
			{ displayName: 'Sender Name', name: 'senderName', type: 'string', default: '' },
			{
				displayName: 'Template IDs',
				name: 'templateIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 53, 54',
				description: 'Templates to send, separated by commas',
			},
		]), F),
	],
	request: (p) => {
		const templates = idsOf(p, `${F}.templateIds`);
		const lists = idsOf(p, `${F}.contactListIds`);
		const delay = flagOf(p, `${F}.delayOnSpam`);
		const form: Record<string, Scalar> = {
			tpl_id: templates.length ? templates.join(',') : undefined,
			maillist_id: lists.length ? lists.join(',') : undefined,
			...senderFields(p),
			send_fullname: p.string(`${F}.senderName`),
			send_status: p.string(`${F}.sendStatus`),
			send_time: p.dateTime(`${F}.sendTime`),
			...sendOptionsForm(p, F),
			is_delay: delay === undefined ? undefined : delay ? 1 : -1,
		};
		if (Object.values(form).every((value) => value === undefined)) {
			throw p.fail(F, 'is empty: add at least one field to change');
		}
		return { endpoint: 'task.php', do: 'edit-task', method: 'POST', qs: { id: p.id('task') }, form };
	},
	output: (body, p) => succeeded(body, { id: p.id('task') }),
};
