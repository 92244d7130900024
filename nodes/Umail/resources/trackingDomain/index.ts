import type { ResourceDef } from '../../shared/types';
import { createOrUpdate } from './createOrUpdate';
import { deleteTrackingDomain } from './delete';
import { getMany } from './getMany';

export const trackingDomain: ResourceDef = {
	value: 'trackingDomain',
	name: 'Tracking Domain',
	description: 'Custom domains for open and click tracking links',
	defaultOperation: 'getMany',
	operations: [createOrUpdate, deleteTrackingDomain, getMany],
};
