import { listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { domainOf } from './shared';

/** §7.3 bs.php?do=domain-check (POST): one item per domain */
export const verifyDns: OperationDef = {
	value: 'verifyDns',
	effect: 'read',
	name: 'Verify DNS',
	action: 'Verify the DNS records of domains',
	description: 'Check the SPF, MX and DKIM records of one or more domains',
	properties: [
		{
			displayName: 'Domains',
			name: 'domains',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. example.com, mail.example.org',
			description: 'Domains to check, separated by commas',
		},
	],
	request: (p) => {
		const domains = p.list('domains').map((domain) => domainOf(p, 'domains', domain));
		if (!domains.length) throw p.fail('domains', 'is required');
		return { endpoint: 'bs.php', do: 'domain-check', method: 'POST', form: { domains: domains.join(',') }, lists: ['domain_list.domain'] };
	},
	output: (body) =>
		listAt(body, 'domain_list.domain').map((entry) => ({
			domain: entry.val,
			...entry,
			inSystem: String(entry.domain_id ?? '0') !== '0',
			dnsVerified: ['1', '3'].includes(String(entry.status)),
		})),
	labels: { status: 'domainCheck' },
};
