import { templateLocator } from '../../shared/fields';
import { deleted } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §5.5 template.php?do=del-tpl */
export const deleteTemplate: OperationDef = {
	value: 'delete',
	effect: 'write',
	name: 'Delete',
	action: 'Delete a template',
	description: 'Delete a template',
	properties: [templateLocator()],
	request: (p) => ({ endpoint: 'template.php', do: 'del-tpl', qs: { tpl_id: p.id('template') } }),
	output: (_body, p) => deleted({ id: p.id('template') }),
};
