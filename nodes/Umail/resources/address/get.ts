import type { INodeProperties } from 'n8n-workflow';

import { listAt } from '../../shared/outputs';
import type { Params } from '../../shared/params';
import type { OperationDef } from '../../shared/types';

export const addressIdField: INodeProperties = {
	displayName: 'Address ID',
	name: 'addressId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1024',
	description: 'The ID of the address, as Add or Get Many return it',
};

/** a positive whole number, as the API needs it */
export function addressId(p: Params): string {
	p.id('addressId');
	return String(p.number('addressId', { min: 1 }));
}

/** §4.7 mloperate.php?do=ml-addr-list with address_id > 0: one address, searched in every list */
export const get: OperationDef = {
	value: 'get',
	effect: 'read',
	name: 'Get',
	action: 'Get an address',
	description: 'Get one address (contact) by ID',
	properties: [addressIdField],
	request: (p) => ({
		endpoint: 'mloperate.php',
		do: 'ml-addr-list',
		qs: { address_id: addressId(p) },
		lists: ['data.addr'],
	}),
	output: (body, p) => {
		const [found] = listAt(body, 'data.addr');
		if (!found) throw p.fail('addressId', `matches no address: "${p.id('addressId')}"`);
		return found;
	},
};
