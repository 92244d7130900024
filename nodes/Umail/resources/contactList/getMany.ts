import { statusField } from './fields';
import { filtersField, returnAllFields } from '../../shared/fields';
import { limitLocally, listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §4.1 mloperate.php?do=maillist-list: the API answers every list at once, so Limit is applied here. */
export const getMany: OperationDef = {
	value: 'getMany',
	effect: 'read',
	name: 'Get Many',
	action: 'Get many contact lists',
	description: 'List the contact lists of the account',
	properties: [
		...returnAllFields(),
		filtersField([
			{
				displayName: 'Name Contains',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only lists whose name contains this text (case-insensitive)',
			},
			statusField,
		]),
	],
	request: () => ({ endpoint: 'mloperate.php', do: 'maillist-list', lists: ['maillist.item'] }),
	output: (body, p) => {
		const filters = p.collection('filters');
		const search = String(filters.search ?? '').toLowerCase();
		const lists = listAt(body, 'maillist.item').filter(
			(list) =>
				(!search || String(list.subject ?? '').toLowerCase().includes(search)) &&
				(!filters.status || list.status === filters.status),
		);
		return limitLocally(lists, p);
	},
};
