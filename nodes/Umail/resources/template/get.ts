import { templateLocator } from '../../shared/fields';
import { listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { TEMPLATE_LISTS, templateRecord } from './shared';

/** §5.4 template.php?do=list-tpl&tpl_id= */
export const get: OperationDef = {
	value: 'get',
	effect: 'read',
	name: 'Get',
	action: 'Get a template',
	description: 'Get a template with its subjects, content and attachments',
	properties: [templateLocator()],
	request: (p) => ({ endpoint: 'template.php', do: 'list-tpl', qs: { tpl_id: p.id('template') }, lists: TEMPLATE_LISTS }),
	output: (body, p) => {
		const [template] = listAt(body, 'template_list.template');
		if (!template) throw p.fail('template', `was not found: no template has the ID "${p.id('template')}"`);
		return templateRecord(template);
	},
};
