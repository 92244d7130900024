import { resultData, deleted } from '../../shared/outputs';
import { trackingDomainLocator } from '../../shared/fields';
import type { OperationDef } from '../../shared/types';

/** The answer lists what was deleted as `["'a.com'", "'b.com'"]`. */
function deletedDomains(body: unknown): string[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(resultData(body));
	} catch {
		return [];
	}
	return Array.isArray(parsed) ? parsed.map((entry) => String(entry).replace(/^'|'$/g, '')) : [];
}

/** §3.8 trackdomain.php?do=del: one domain, or `all` — an explicit switch here, never a typed magic word. */
export const deleteTrackingDomain: OperationDef = {
	value: 'delete',
	effect: 'write',
	name: 'Delete',
	action: 'Delete a tracking domain',
	description: 'Delete a tracking domain, or all of them',
	properties: [
		{
			displayName: 'Delete All Tracking Domains',
			name: 'deleteAll',
			type: 'boolean',
			default: false,
			description: 'Whether to delete every tracking domain of the account',
		},
		{
			...trackingDomainLocator(),
			displayOptions: { show: { deleteAll: [false] } },
		},
	],
	request: (p) => ({
		endpoint: 'trackdomain.php',
		do: 'del',
		method: 'POST',
		form: { domains: p.boolean('deleteAll') ? 'all' : p.required('trackingDomain') },
	}),
	output: (body, p) => {
		const domains = deletedDomains(body);
		if (p.boolean('deleteAll')) return deleted({ all: true, domains });
		return deleted({ domain: p.required('trackingDomain') });
	},
};
