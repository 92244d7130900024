import { contactListLocator } from '../../shared/fields';
import { objectAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §4.2 mloperate.php?do=maillist-detail */
export const get: OperationDef = {
	value: 'get',
	effect: 'read',
	answerSize: 'small',
	name: 'Get',
	action: 'Get a contact list',
	description: 'Get a contact list with its address count',
	properties: [contactListLocator()],
	request: (p) => ({ endpoint: 'mloperate.php', do: 'maillist-detail', qs: { id: p.id('contactList') } }),
	output: (body) => objectAt(body, 'maillist'),
};
