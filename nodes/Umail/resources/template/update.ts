import { templateLocator, updateFieldsField } from '../../shared/fields';
import { succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { encodingField, subjectsField, subjectsOf, textContentField } from './shared';

/** §5.6 template.php?do=edit-tpl (tpl_id in the query, the rest posted); the edited template is checked again. */
export const update: OperationDef = {
	value: 'update',
	effect: 'write',
	name: 'Update',
	action: 'Update a template',
	description: 'Change the name, subjects or content of a template',
	properties: [
		templateLocator(),
		updateFieldsField([
			{ displayName: 'Content (HTML)', name: 'content', type: 'string', typeOptions: { rows: 8 }, default: '' },
			encodingField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			subjectsField(false),
			textContentField,
		]),
	],
	request: (p) => {
		const name = p.string('updateFields.name');
		const subject = subjectsOf(p, 'updateFields.subjects');
		const content = p.string('updateFields.content');
		// the API needs one of these three; text content or encoding alone are refused
		p.oneOf({ name, subjects: subject, content }, 'updateFields');
		return {
			endpoint: 'template.php',
			do: 'edit-tpl',
			method: 'POST',
			qs: { tpl_id: p.id('template') },
			form: {
				name,
				subject,
				content,
				text_content: p.string('updateFields.textContent'),
				encoding: p.string('updateFields.encoding'),
			},
		};
	},
	output: (body, p) => succeeded(body, { id: p.id('template') }),
};
