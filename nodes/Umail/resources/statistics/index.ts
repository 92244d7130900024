import type { ResourceDef } from '../../shared/types';
import { exportFailedAddresses } from './exportFailedAddresses';
import { exportFailedAddressesWithType } from './exportFailedAddressesWithType';
import { getBilling } from './getBilling';
import { getDaily } from './getDaily';
import { getDeductions } from './getDeductions';
import { getManySentTasks } from './getManySentTasks';
import { getSendLog } from './getSendLog';

export const statistics: ResourceDef = {
	value: 'statistics',
	name: 'Statistic',
	description: 'Sending statistics, billing and exports of failed addresses',
	defaultOperation: 'getDaily',
	operations: [
		exportFailedAddresses,
		exportFailedAddressesWithType,
		getBilling,
		getDaily,
		getDeductions,
		getManySentTasks,
		getSendLog,
	],
};
