import { statusField } from './fields';
import { contactListLocator, updateFieldsField } from '../../shared/fields';
import { succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §4.4 mloperate.php?do=maillist-edit (id in the query, the rest posted) */
export const update: OperationDef = {
	value: 'update',
	effect: 'write',
	name: 'Update',
	action: 'Update a contact list',
	description: 'Rename a contact list, change its status or description',
	properties: [
		contactListLocator(),
		updateFieldsField([
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			statusField,
		]),
	],
	request: (p) => {
		const fields = p.collection('updateFields');
		if (!fields.name && !fields.status && fields.description === undefined) {
			throw p.fail('updateFields', 'is empty: add at least one of "Name", "Status", "Description"');
		}
		return {
			endpoint: 'mloperate.php',
			do: 'maillist-edit',
			method: 'POST',
			qs: { id: p.id('contactList') },
			form: {
				subject: fields.name as string | undefined,
				status: fields.status as string | undefined,
				description: fields.description as string | undefined,
			},
		};
	},
	output: (body, p) => succeeded(body, { id: p.id('contactList') }),
};
