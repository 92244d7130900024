import type { ResourceDef } from '../../shared/types';

export const statistics: ResourceDef = {
	value: 'statistics',
	name: 'Statistic',
	description: 'Sending statistics, billing and exports of failed addresses',
	defaultOperation: 'getDaily',
	operations: [],
};
