import { returnAllFields } from '../../shared/fields';
import { limitLocally, listAt } from '../../shared/outputs';
import { readTaskSelection, taskSelectorFields } from '../../shared/reports';
import type { OperationDef } from '../../shared/types';

/**
 * §2.4 stask.php: points deducted and rebated per task. `task_id` in the answer is the statistics task ID (the report's
 * key), not the send ID; the decoder repairs the reference's `</rebtae>` closing tag.
 */
export const getBilling: OperationDef = {
	value: 'getBilling',
	effect: 'read',
	name: 'Get Billing',
	action: 'Get the points deducted and rebated per task',
	description:
		'List per task: addresses sent, failed and invalid, points deducted ("actual") and rebated ("rebate"); actual minus rebate is what was charged',
	properties: [...taskSelectorFields(['date', 'task', 'batchNumber'], 'send tasks'), ...returnAllFields()],
	request: (p) => {
		const selection = readTaskSelection(p);
		return {
			endpoint: 'stask.php',
			qs: { date: selection.date, date_end: selection.dateEnd, id: selection.id, ident: selection.ident },
			lists: ['data.task'],
		};
	},
	output: (body, p) => limitLocally(listAt(body, 'data.task'), p),
};
