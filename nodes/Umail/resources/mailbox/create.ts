import { administratorOptions, administratorQs } from '../../shared/administrator';
import { succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §7.8 bs.php?do=mailbox-add: the address's domain must be one of the account's domains */
export const create: OperationDef = {
	value: 'create',
	effect: 'write',
	name: 'Create',
	action: 'Create a mailbox',
	description: 'Add a sender mailbox to one of your domains',
	properties: [
		{
			displayName: 'Mailbox',
			name: 'mailbox',
			type: 'string',
			placeholder: 'e.g. news@mail.example.com',
			required: true,
			default: '',
			description: 'The full address of the new mailbox',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		administratorOptions,
	],
	request: (p) => ({
		endpoint: 'bs.php',
		do: 'mailbox-add',
		qs: { mailbox: p.email('mailbox'), pwd: p.required('password'), ...administratorQs(p) },
	}),
	output: (body, p) => succeeded(body, { mailbox: p.email('mailbox'), enabled: true }),
};
