import type { ResourceDef } from '../../shared/types';

export const account: ResourceDef = {
	value: 'account',
	name: 'Account',
	description: 'Account and service information (quota, expiry)',
	defaultOperation: 'getInfo',
	operations: [],
};
