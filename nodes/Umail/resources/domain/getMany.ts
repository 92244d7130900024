import { administratorOptions, administratorQs } from '../../shared/administrator';
import { returnAllFields } from '../../shared/fields';
import { limitLocally, listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §7.1 bs.php?do=domain-list: every domain at once, so Limit is applied here. */
export const getMany: OperationDef = {
	value: 'getMany',
	effect: 'read',
	name: 'Get Many',
	action: 'Get many domains',
	description: 'List the sender domains: your own and the system domains (customer_id 0) everyone may use',
	properties: [...returnAllFields(), administratorOptions],
	request: (p) => ({
		endpoint: 'bs.php',
		do: 'domain-list',
		qs: administratorQs(p),
		lists: ['domain_list.data'],
	}),
	output: (body, p) => {
		const domains = listAt(body, 'domain_list.data').map((domain) => ({
			...domain,
			isSystem: String(domain.customer_id) === '0',
		}));
		return limitLocally(domains, p);
	},
};
