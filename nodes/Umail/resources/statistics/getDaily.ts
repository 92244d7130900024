import { dateField } from '../../shared/fields';
import { objectAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §2.2 statistic.php */
export const getDaily: OperationDef = {
	value: 'getDaily',
	effect: 'read',
	name: 'Get Daily',
	action: 'Get the sending statistics of a day',
	description: 'Get the totals of a day: sent, failed, invalid and blacklisted addresses, complaints, points deducted',
	properties: [dateField('date', 'Date', 'The day to report on', true)],
	request: (p) => {
		const date = p.date('date');
		if (!date) throw p.fail('date', 'is required');
		return { endpoint: 'statistic.php', qs: { date } };
	},
	output: (body) => objectAt(body, 'statistic'),
};
