import type { ResourceDef } from '../../shared/types';
import { add } from './add';
import { addMany } from './addMany';
import { deleteAddress } from './delete';
import { get } from './get';
import { getImportHistory } from './getImportHistory';
import { getImportStatus } from './getImportStatus';
import { getMany } from './getMany';
import { importFile } from './importFile';

export const address: ResourceDef = {
	value: 'address',
	name: 'Address',
	description: 'Addresses (contacts) in contact lists',
	defaultOperation: 'add',
	operations: [add, addMany, deleteAddress, get, getImportHistory, getImportStatus, getMany, importFile],
};
