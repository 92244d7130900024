import type { ResourceDef } from '../../shared/types';

export const domain: ResourceDef = {
	value: 'domain',
	name: 'Domain',
	description: 'Sender domains and their DNS verification',
	defaultOperation: 'getMany',
	operations: [],
};
