import { customerIdOf } from '../../shared/administrator';
import { resultData, succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { customerIdField, domainNameField, domainOf } from './shared';

/** §7.4 bs.php?do=domain-add (administrators only) */
export const createForCustomer: OperationDef = {
	value: 'createForCustomer',
	effect: 'write',
	name: 'Create for Sub-Account',
	action: 'Create a domain for a sub-account',
	description: 'Add a sender domain to a sub-account (administrator credential needed)',
	properties: [customerIdField, domainNameField],
	request: (p) => ({
		endpoint: 'bs.php',
		do: 'domain-add',
		qs: { customer_id: customerIdOf(p, 'customerId', true), domain: domainOf(p, 'domain') },
	}),
	output: (body, p) => {
		const data = resultData(body);
		return succeeded(body, {
			...(/^\d+$/.test(data) ? { id: data } : {}),
			domain: domainOf(p, 'domain'),
			customerId: customerIdOf(p, 'customerId', true),
		});
	},
};
