import type { ResourceDef } from '../../shared/types';
import { exportTrackedAddresses } from './exportTrackedAddresses';
import { getClicks } from './getClicks';
import { getLinkStats } from './getLinkStats';
import { getOpens } from './getOpens';
import { getOverview } from './getOverview';

export const tracking: ResourceDef = {
	value: 'tracking',
	name: 'Tracking',
	description: 'Opens, clicks and tracked addresses of sent tasks',
	defaultOperation: 'getOverview',
	operations: [exportTrackedAddresses, getClicks, getLinkStats, getOpens, getOverview],
};
