import type { ResourceDef } from '../../shared/types';

export const tracking: ResourceDef = {
	value: 'tracking',
	name: 'Tracking',
	description: 'Opens, clicks and tracked addresses of sent tasks',
	defaultOperation: 'getOverview',
	operations: [],
};
