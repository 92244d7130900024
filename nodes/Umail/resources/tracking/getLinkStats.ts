import { returnAllFields } from '../../shared/fields';
import { limitLocally, listAt } from '../../shared/outputs';
import { readTaskSelection, taskSelectorFields } from '../../shared/reports';
import type { OperationDef } from '../../shared/types';
import { linkOptionsField } from './linkField';

/** §3.5 track.php?do=link-stat */
export const getLinkStats: OperationDef = {
	value: 'getLinkStats',
	effect: 'read',
	name: 'Get Link Stats',
	action: 'Get the click counts of each link of a task',
	description: 'List the links of a task with their unique and total clicks and first and last click times',
	properties: [...taskSelectorFields(['task', 'batchNumber']), ...returnAllFields(), linkOptionsField],
	request: (p) => {
		const selection = readTaskSelection(p);
		return {
			endpoint: 'track.php',
			do: 'link-stat',
			qs: { id: selection.id, ident: selection.ident, link_id: p.collection('options').linkId as string | undefined },
			lists: ['data.link'],
		};
	},
	output: (body, p) => limitLocally(listAt(body, 'data.link'), p),
};
