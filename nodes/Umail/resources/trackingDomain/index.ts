import type { ResourceDef } from '../../shared/types';

export const trackingDomain: ResourceDef = {
	value: 'trackingDomain',
	name: 'Tracking Domain',
	description: 'Custom domains for open and click tracking links',
	defaultOperation: 'getMany',
	operations: [],
};
