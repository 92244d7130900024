import { filtersField, returnAllFields, simplifyField } from '../../shared/fields';
import { limitLocally, listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { TEMPLATE_LISTS, templateRecord } from './shared';

/** §5.4 template.php?do=list-tpl: every template at once, so Limit is applied here. */
export const getMany: OperationDef = {
	value: 'getMany',
	effect: 'read',
	name: 'Get Many',
	action: 'Get many templates',
	description: 'List the templates of the account',
	properties: [
		...returnAllFields(),
		filtersField([
			{
				displayName: 'Name Contains',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only templates whose name contains this text (case-insensitive)',
			},
		]),
		{ ...simplifyField, description: 'Whether to leave out the HTML content and keep only the main fields' },
	],
	request: () => ({ endpoint: 'template.php', do: 'list-tpl', lists: TEMPLATE_LISTS }),
	output: (body, p) => {
		const search = String(p.collection('filters').search ?? '').toLowerCase();
		const templates = listAt(body, 'template_list.template')
			.map(templateRecord)
			.filter((template) => !search || String(template.name ?? '').toLowerCase().includes(search));
		return limitLocally(templates, p);
	},
	simplify: ['id', 'name', 'subjects', 'attachments', 'created', 'updated'],
};
