import { administratorOptions, administratorQs } from '../../shared/administrator';
import { mailboxLocator, updateFieldsField } from '../../shared/fields';
import { succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { pickerDomainField } from './shared';

/** §7.10 bs.php?do=mailbox-edit: new password and/or enabled state */
export const update: OperationDef = {
	value: 'update',
	effect: 'write',
	name: 'Update',
	action: 'Update a mailbox',
	description: 'Change the password of a sender mailbox, or enable or disable it',
	properties: [
		pickerDomainField,
		mailboxLocator(),
		updateFieldsField([
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Disabled', value: '0', description: 'The mailbox cannot send' },
					{ name: 'Enabled', value: '1', description: 'The mailbox can send' },
				],
				default: '1',
			},
		]),
		administratorOptions,
	],
	request: (p) => {
		const password = p.string('updateFields.password');
		const status = p.string('updateFields.status');
		p.oneOf({ password, status }, 'updateFields');
		return {
			endpoint: 'bs.php',
			do: 'mailbox-edit',
			qs: { mailbox: p.email('mailbox'), pwd: password, status, ...administratorQs(p) },
		};
	},
	output: (body, p) => {
		const status = p.string('updateFields.status');
		return succeeded(body, {
			mailbox: p.email('mailbox'),
			...(status !== undefined ? { enabled: status === '1' } : {}),
			...(p.string('updateFields.password') ? { passwordChanged: true } : {}),
		});
	},
};
