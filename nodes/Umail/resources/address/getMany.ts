import { contactListLocator, filtersField, returnAllFields, simplifyField } from '../../shared/fields';
import { listAt } from '../../shared/outputs';
import type { Params } from '../../shared/params';
import type { OperationDef } from '../../shared/types';

/** list_id goes in the query only (§4.7): absent = every list, 0 = addresses in no list */
function listId(p: Params): string | undefined {
	const scope = p.string('scope', { fallback: 'list' });
	if (scope === 'all') return undefined;
	if (scope === 'unfiled') return '0';
	return p.id('contactList');
}

/** §4.7 mloperate.php?do=ml-addr-list: paged (page, limit) for a Limit, one call without page for Return All */
export const getMany: OperationDef = {
	value: 'getMany',
	effect: 'read',
	name: 'Get Many',
	action: 'Get many addresses',
	description: 'List or search the addresses of a contact list, of every list, or of no list',
	properties: [
		{
			displayName: 'From',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'All Contact Lists', value: 'all', description: 'Addresses of every list, unfiled ones included' },
				{ name: 'One Contact List', value: 'list' },
				{ name: 'Unfiled Addresses', value: 'unfiled', description: 'Addresses that belong to no list' },
			],
			default: 'list',
		},
		{ ...contactListLocator(), displayOptions: { show: { scope: ['list'] } } },
		...returnAllFields(),
		filtersField([
			{
				displayName: 'Search',
				name: 'keyword',
				type: 'string',
				default: '',
				description: 'Only addresses whose email or name contains this text',
			},
		]),
		simplifyField,
	],
	paging: { pageSize: 50, wholeForAll: true },
	request: (p, page) => ({
		endpoint: 'mloperate.php',
		do: 'ml-addr-list',
		qs: {
			list_id: listId(p),
			keyword: p.collection('filters').keyword as string | undefined,
			page: page?.page,
			limit: page?.limit,
		},
		lists: ['data.addr'],
		// every address in one answer: decoded in record chunks as it arrives
		stream: page ? undefined : { records: 'data.addr' },
	}),
	output: (body) => listAt(body, 'data.addr'),
	simplify: ['id', 'list_id', 'address', 'fullname', 'sex', 'birthday', 'phone', 'area', 'time'],
};
