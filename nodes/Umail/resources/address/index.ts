import type { ResourceDef } from '../../shared/types';

export const address: ResourceDef = {
	value: 'address',
	name: 'Address',
	description: 'Addresses (contacts) in contact lists',
	defaultOperation: 'add',
	operations: [],
};
