import type { ResourceDef } from '../../shared/types';
import { getInfo } from './getInfo';
import { getService } from './getService';

export const account: ResourceDef = {
	value: 'account',
	name: 'Account',
	description: 'Account and service information (quota, expiry)',
	defaultOperation: 'getInfo',
	operations: [getInfo, getService],
};
