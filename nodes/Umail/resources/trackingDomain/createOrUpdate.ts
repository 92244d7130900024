import { listAt, resultData } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/**
 * §3.7 trackdomain.php?do=edit. The answer carries only the domain, so the saved record is read back (§3.6) to return
 * its ID and CNAME state. A CNAME not pointing to count.bestedm.net fails as `domain_cname_error`.
 */
export const createOrUpdate: OperationDef = {
	value: 'createOrUpdate',
	effect: 'write',
	name: 'Create or Update',
	action: 'Create or update a tracking domain',
	description:
		'Add a tracking domain, or change whether it is the default. Its CNAME must point to count.bestedm.net first.',
	properties: [
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. track.example.com',
			description: 'The tracking domain; one at a time',
		},
		{
			displayName: 'Default',
			name: 'isDefault',
			type: 'boolean',
			default: false,
			description: 'Whether tracking links of new tasks use this domain when none is chosen',
		},
	],
	run: async (ctx) => {
		const domain = ctx.p.required('domain');
		if (/[\s,]/.test(domain)) throw ctx.p.fail('domain', `must be a single domain, got "${domain}"`);
		const isDefault = ctx.p.boolean('isDefault');
		const saved = await ctx.call({
			endpoint: 'trackdomain.php',
			do: 'edit',
			method: 'POST',
			form: { domain, isdefault: isDefault ? 1 : 0 },
		});
		const name = resultData(saved.body) || domain;
		const read = await ctx.call({
			endpoint: 'trackdomain.php',
			do: 'overview',
			effect: 'read',
			method: 'POST',
			form: { domains: name },
			lists: ['track_domain'],
			emptyOk: true,
		});
		const record = listAt(read.body, 'track_domain').find((entry) => String(entry.domain).toLowerCase() === name.toLowerCase());
		return record ?? { domain: name, isdefault: isDefault ? '1' : '0' };
	},
};
