import { customerIdOf } from '../../shared/administrator';
import { deleted } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { customerIdField, domainNameField, domainOf } from './shared';

/** §7.5 bs.php?do=domain-del (administrators only) */
export const deleteForCustomer: OperationDef = {
	value: 'deleteForCustomer',
	effect: 'write',
	name: 'Delete for Sub-Account',
	action: 'Delete a domain of a sub-account',
	description: 'Remove a sender domain from a sub-account (administrator credential needed)',
	properties: [customerIdField, domainNameField],
	request: (p) => ({
		endpoint: 'bs.php',
		do: 'domain-del',
		qs: { customer_id: customerIdOf(p, 'customerId', true), domain: domainOf(p, 'domain') },
	}),
	output: (_body, p) => deleted({ domain: domainOf(p, 'domain'), customerId: customerIdOf(p, 'customerId', true) }),
};
