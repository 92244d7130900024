import { contactListLocator } from '../../shared/fields';
import type { Params } from '../../shared/params';
import { succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

function emails(p: Params): string[] {
	const list = p.list('emails');
	if (list.length === 0) throw p.fail('emails', 'is required');
	for (const email of list) p.email('emails', email);
	return list;
}

/** §4.12 mloperate.php?do=ml-unsub: address is one email, a comma list, or one a line */
export const unsubscribe: OperationDef = {
	value: 'unsubscribe',
	effect: 'write',
	name: 'Unsubscribe',
	action: 'Unsubscribe addresses from a list',
	description: 'Remove one or many addresses from a subscription list',
	properties: [
		contactListLocator({ displayName: 'Contact List', description: 'The subscription list' }),
		{
			displayName: 'Emails',
			name: 'emails',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			placeholder: 'anna@example.com, ben@example.com',
			description: 'One email, a comma-separated list, or one email a line',
		},
	],
	request: (p) => ({
		endpoint: 'mloperate.php',
		do: 'ml-unsub',
		method: 'POST',
		qs: { list_id: p.id('contactList') },
		form: { address: emails(p).join('\n') },
	}),
	output: (body, p) => succeeded(body, { contactListId: p.id('contactList'), emails: emails(p) }),
};
