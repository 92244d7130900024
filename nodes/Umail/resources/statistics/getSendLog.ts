import { limitLocally } from '../../shared/outputs';
import type { IDataObject } from 'n8n-workflow';

import { dateField, returnAllFields } from '../../shared/fields';
import type { OperationDef } from '../../shared/types';

/** §2.6 maillog.php: JSON `{"lists": [...]}` */
export const getSendLog: OperationDef = {
	value: 'getSendLog',
	effect: 'read',
	name: 'Get Send Log',
	action: 'Get the send log of a day',
	description: 'List the messages sent on a day, optionally only those to one recipient',
	properties: [
		dateField('date', 'Date', 'The day of the log', true),
		{
			displayName: 'Recipient',
			name: 'recipient',
			type: 'string',
			placeholder: 'e.g. name@example.com',
			default: '',
			description: 'Only messages sent to this address',
		},
		...returnAllFields(),
	],
	request: (p) => {
		const date = p.date('date');
		if (!date) throw p.fail('date', 'is required');
		const recipient = p.string('recipient');
		return {
			endpoint: 'maillog.php',
			qs: { date, mail_to: recipient === undefined ? undefined : p.email('recipient', recipient) },
			answer: 'json',
		};
	},
	output: (body, p) => {
		const lists = (body as IDataObject | undefined)?.lists;
		const records = (Array.isArray(lists) ? lists : []).filter((entry) => entry && typeof entry === 'object');
		return limitLocally(records as IDataObject[], p);
	},
	labels: { error_type: 'failureType' },
};
