import type { IDataObject } from 'n8n-workflow';

import { codeField, taskLocator, updateFieldsField } from '../../shared/fields';
import { listAt, succeeded } from '../../shared/outputs';
import type { Params } from '../../shared/params';
import type { Scalar } from '../../shared/transport';
import type { OperationDef } from '../../shared/types';
import { domainOf } from '../domain/shared';
import { flagOf, idsOf, sendOptionFields, sendOptionsForm, sortedFields, TASK_LISTS } from './shared';

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
	run: async (ctx) => {
		const { p } = ctx;
		const id = p.id('task');
		const form = changedFields(p);
		// §6.3 gives defaults to fields it is not sent (sender all, status 1 = start, quantity 0 = all, no tracking): a
		// server applying them on edit would start a held task or reset its sender. So their current values (§6.1) go
		// with every edit, unless the user changes them.
		const read = await ctx.call({ endpoint: 'task.php', do: 'task-list', effect: 'read', qs: { id }, lists: TASK_LISTS });
		const [task] = listAt(read.body, 'task_list.task');
		if (!task) throw p.fail('task', `was not found: no send task has the ID "${id}"`);
		const kept = currentDefaults(task, form);
		const answer = await ctx.call({ endpoint: 'task.php', do: 'edit-task', method: 'POST', qs: { id }, form: { ...kept, ...form } });
		return succeeded(answer.body, { id });
	},
};

/** What the user changes; at least one field. */
function changedFields(p: Params): Record<string, Scalar> {
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
	for (const key of Object.keys(form)) if (form[key] === undefined) delete form[key];
	if (Object.keys(form).length === 0) throw p.fail(F, 'is empty: add at least one field to change');
	return form;
}

/** The task's current values of the fields §6.3 defaults, for those the user does not change. */
function currentDefaults(task: IDataObject, form: Record<string, Scalar>): Record<string, Scalar> {
	const kept: Record<string, Scalar> = {};
	const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());
	if (form.send_account === undefined && form.send_domain === undefined) {
		const type = text(task.acct_type);
		const address = text(task.acct_address) || text(task.sender);
		if (type === 'domain' && text(task.acct_domain)) Object.assign(kept, { send_account: 'all', send_domain: text(task.acct_domain) });
		else if (type === 'address' && address.includes('@')) Object.assign(kept, { send_account: address, send_domain: address.split('@')[1] });
		else if (type === 'all') Object.assign(kept, { send_account: 'all', send_domain: 'all' });
	} else if (form.send_domain === undefined && typeof form.send_account === 'string' && form.send_account.includes('@')) {
		kept.send_domain = form.send_account.split('@')[1];
	}
	const status = text(task.send_status ?? task.send_satus);
	if (form.send_status === undefined && /^-?\d+$/.test(status)) kept.send_status = status;
	if (form.send_qty === undefined && /^\d+$/.test(text(task.send_qty))) kept.send_qty = text(task.send_qty);
	if (form.track_status === undefined && /^[012]$/.test(text(task.track_status))) kept.track_status = text(task.track_status);
	return kept;
}
