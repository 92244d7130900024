import { contactListLocator } from '../../shared/fields';
import { succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §4.10 mloperate.php?do=ml-addr-empty */
export const empty: OperationDef = {
	value: 'empty',
	effect: 'write',
	name: 'Empty',
	action: 'Remove every address from a contact list',
	description: 'Remove every address from a contact list, keeping the list',
	properties: [contactListLocator()],
	request: (p) => ({ endpoint: 'mloperate.php', do: 'ml-addr-empty', qs: { list_id: p.id('contactList') } }),
	output: (body, p) => succeeded(body, { id: p.id('contactList'), emptied: true }),
};
