import { contactListLocator } from '../../shared/fields';
import { deleted } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §4.5 mloperate.php?do=maillist-del */
export const deleteContactList: OperationDef = {
	value: 'delete',
	effect: 'write',
	name: 'Delete',
	action: 'Delete a contact list',
	description: 'Delete a contact list and its addresses',
	properties: [contactListLocator()],
	request: (p) => ({ endpoint: 'mloperate.php', do: 'maillist-del', qs: { id: p.id('contactList') } }),
	output: (_body, p) => deleted({ id: p.id('contactList') }),
};
