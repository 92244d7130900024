import { returnAllFields, simplifyField } from '../../shared/fields';
import { limitLocally, listAt, streamed } from '../../shared/outputs';
import { readTaskSelection, taskSelectorFields } from '../../shared/reports';
import type { OperationDef } from '../../shared/types';

/** §3.2 track.php?do=open-detail: no paging documented, so Limit is applied here. */
export const getOpens: OperationDef = {
	value: 'getOpens',
	effect: 'read',
	name: 'Get Opens',
	action: 'Get who opened a task',
	description: 'List the recipients who opened a task: opens, clicks, device, browser, IP and times',
	properties: [...taskSelectorFields(['task', 'batchNumber']), ...returnAllFields(), simplifyField],
	request: (p) => {
		const selection = readTaskSelection(p);
		return { endpoint: 'track.php', do: 'open-detail', qs: { id: selection.id, ident: selection.ident }, lists: ['data.user'], stream: streamed('data.user', p) };
	},
	output: (body, p) => limitLocally(listAt(body, 'data.user'), p),
	simplify: ['email_id', 'email', 'device', 'open_total', 'click_total', 'open_first', 'open_last'],
};
