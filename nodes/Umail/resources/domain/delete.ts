import { domainLocator } from '../../shared/fields';
import { deleted } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { domainOf } from './shared';

/** §7.6 bs.php?do=customer-domain-del: the server refuses verified domains, and its error says so. */
export const deleteDomain: OperationDef = {
	value: 'delete',
	effect: 'write',
	name: 'Delete',
	action: 'Delete a domain',
	description: 'Delete a sender domain. Domains whose DNS is verified cannot be deleted.',
	properties: [domainLocator()],
	request: (p) => ({ endpoint: 'bs.php', do: 'customer-domain-del', qs: { domain: domainOf(p, 'domain') } }),
	output: (_body, p) => deleted({ domain: domainOf(p, 'domain') }),
};
