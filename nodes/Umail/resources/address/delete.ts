import { deleted } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { addressId, addressIdField } from './get';

/** §4.9 mloperate.php?do=ml-addr-del */
export const deleteAddress: OperationDef = {
	value: 'delete',
	effect: 'write',
	name: 'Delete',
	action: 'Delete an address',
	description: 'Delete an address from its contact list',
	properties: [addressIdField],
	request: (p) => ({ endpoint: 'mloperate.php', do: 'ml-addr-del', qs: { id: addressId(p) } }),
	output: (_body, p) => deleted({ id: addressId(p) }),
};
