import { filtersField, returnAllFields } from '../../shared/fields';
import { limitLocally, listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §3.6 trackdomain.php?do=overview: a bare XML declaration when there are none, else top-level `<track_domain>`s. */
export const getMany: OperationDef = {
	value: 'getMany',
	effect: 'read',
	name: 'Get Many',
	action: 'Get many tracking domains',
	description: 'List the custom tracking domains, whether each is the default and whether its CNAME is set up',
	properties: [
		...returnAllFields(),
		filtersField([
			{
				displayName: 'Domains',
				name: 'domains',
				type: 'string',
				default: '',
				placeholder: 'e.g. track.example.com, count.example.org',
				description: 'Only these tracking domains, separated by commas',
			},
		]),
	],
	request: (p) => ({
		endpoint: 'trackdomain.php',
		do: 'overview',
		method: 'POST',
		form: { domains: p.list('filters.domains', p.collection('filters').domains).join(',') },
		lists: ['track_domain'],
		emptyOk: true,
	}),
	output: (body, p) => limitLocally(listAt(body, 'track_domain'), p),
};
