import { dateField, returnAllFields } from '../../shared/fields';
import { limitLocally, listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §2.5 deduction.php: points deducted on one day; per-task points are Get Billing (§2.4). */
export const getDeductions: OperationDef = {
	value: 'getDeductions',
	effect: 'read',
	name: 'Get Deductions',
	action: 'Get the points deducted on a day',
	description: 'List the points deducted on a day, by kind of deduction. For one task use Get Billing.',
	properties: [dateField('date', 'Date', 'The day to report on', true), ...returnAllFields()],
	request: (p) => {
		const date = p.date('date');
		if (!date) throw p.fail('date', 'is required');
		return { endpoint: 'deduction.php', qs: { date }, lists: ['data.list'] };
	},
	output: (body, p) => limitLocally(listAt(body, 'data.list'), p),
};
