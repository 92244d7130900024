import type { IDataObject } from 'n8n-workflow';

import { domainLocator } from '../../Umail/shared/fields';
import { listAt } from '../../Umail/shared/outputs';
import { umailRequest } from '../../Umail/shared/transport';
import { addLabels } from '../../Umail/shared/answers';
import { locatorValue } from '../shared/params';
import type { TriggerEvent } from './types';

/** domain → the check status last seen */
export type DomainStatuses = Record<string, string>;

/**
 * Domain Verification Changed (§7.3 domain-check): the DNS check status (0–3) of each sender domain compared with the
 * previous poll. Every domain: §7.1 domain-list + one domain-check of all of them (two calls); one chosen domain: one
 * call. A domain that appears after the first poll counts as a change from no status.
 */
export const domainVerificationChanged: TriggerEvent<DomainStatuses> = {
	value: 'domainVerificationChanged',
	name: 'Domain Verification Changed',
	cost: 'Cost per poll: 2 API calls for all domains, 1 for a chosen domain.',
	description: 'The DNS verification (SPF, MX, DKIM) of a sender domain passed or stopped passing',
	properties: [
		{
			displayName: 'Watch',
			name: 'domainScope',
			type: 'options',
			options: [
				{ name: 'All My Domains', value: 'all', description: 'Two API calls per poll' },
				{ name: 'Chosen Domain', value: 'chosen', description: 'One API call per poll' },
			],
			default: 'all',
		},
		{ ...domainLocator(), displayOptions: { show: { domainScope: ['chosen'] } } },
	],
	scope: (fn) => [fn.getNodeParameter('domainScope', 'all'), fn.getNodeParameter('domain', '')],
	async poll({ fn }, state) {
		let domains: string[];
		if (fn.getNodeParameter('domainScope', 'all') === 'chosen') {
			domains = [locatorValue(fn.getNodeParameter('domain', '')).toLowerCase()];
		} else {
			const list = await umailRequest.call(fn, { effect: 'read', endpoint: 'bs.php', do: 'domain-list', lists: ['domain_list.data'] });
			// customer_id 0 = the service's own domains, not the user's to verify
			domains = listAt(list.body, 'domain_list.data')
				.filter((entry) => String(entry.customer_id) !== '0')
				.map((entry) => String(entry.domain).toLowerCase());
		}
		const next: DomainStatuses = {};
		const items: IDataObject[] = [];
		if (!domains.length) return { items, state: next };
		const answer = await umailRequest.call(fn, { effect: 'read',
			endpoint: 'bs.php',
			do: 'domain-check',
			method: 'POST',
			form: { domains: domains.join(',') },
			lists: ['domain_list.domain'],
		});
		for (const check of listAt(answer.body, 'domain_list.domain')) {
			const domain = String(check.val ?? '').toLowerCase();
			const status = String(check.status ?? '');
			const previous = state?.[domain];
			next[domain] = status;
			if (previous === status) continue;
			const verified = status === '3' || status === '1';
			items.push(
				addLabels({ domain, ...check, verified, previous_status: previous ?? null }, { status: 'domainCheck', previous_status: 'domainCheck' }),
			);
		}
		return { items, state: next };
	},
};
