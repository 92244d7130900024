import type { ResourceDef } from '../../shared/types';
import { subscribe } from './subscribe';
import { unsubscribe } from './unsubscribe';

export const subscription: ResourceDef = {
	value: 'subscription',
	name: 'Subscription',
	description: 'Subscribe and unsubscribe addresses',
	defaultOperation: 'subscribe',
	operations: [subscribe, unsubscribe],
};
