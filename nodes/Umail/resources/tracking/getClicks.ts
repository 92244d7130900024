import { returnAllFields } from '../../shared/fields';
import { limitLocally, listAt, streamed } from '../../shared/outputs';
import { readTaskSelection, taskSelectorFields } from '../../shared/reports';
import type { OperationDef } from '../../shared/types';
import { linkOptionsField } from './linkField';

/** §3.3 track.php?do=click-detail */
export const getClicks: OperationDef = {
	value: 'getClicks',
	effect: 'read',
	name: 'Get Clicks',
	action: 'Get who clicked the links of a task',
	description: 'List the clicks of a task: who clicked which link, how often and when',
	properties: [...taskSelectorFields(['task', 'batchNumber']), ...returnAllFields(), linkOptionsField],
	request: (p) => {
		const selection = readTaskSelection(p);
		return {
			endpoint: 'track.php',
			do: 'click-detail',
			qs: { id: selection.id, ident: selection.ident, link_id: p.collection('options').linkId as string | undefined },
			lists: ['data.click'],
			// big answers: decoded in runs of records as they arrive
			stream: streamed('data.click', p),
		};
	},
	output: (body, p) => limitLocally(listAt(body, 'data.click'), p),
};
