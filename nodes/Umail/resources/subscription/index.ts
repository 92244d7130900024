import type { ResourceDef } from '../../shared/types';

export const subscription: ResourceDef = {
	value: 'subscription',
	name: 'Subscription',
	description: 'Subscribe and unsubscribe addresses',
	defaultOperation: 'subscribe',
	operations: [],
};
