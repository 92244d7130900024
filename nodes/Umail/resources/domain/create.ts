import { resultData, resultOf } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { domainNameField, domainOf } from './shared';

/** §7.2 bs.php?do=customer-domain-add: `success_and_check_ok` = DNS already right, `success` = not yet */
export const create: OperationDef = {
	value: 'create',
	effect: 'write',
	name: 'Create',
	action: 'Create a domain',
	description: 'Add a sender domain; the output tells whether its DNS records are already verified',
	properties: [domainNameField],
	request: (p) => ({ endpoint: 'bs.php', do: 'customer-domain-add', qs: { domain: domainOf(p, 'domain') } }),
	output: (body, p) => ({
		id: resultData(body),
		domain: domainOf(p, 'domain'),
		dnsVerified: String(resultOf(body).status) === 'success_and_check_ok',
	}),
};
