import type { INodeProperties } from 'n8n-workflow';

import type { Params } from '../../shared/params';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const domainNameField: INodeProperties = {
	displayName: 'Domain',
	name: 'domain',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. mail.example.com',
};

/** A domain name, checked before it is sent. */
export function domainOf(p: Params, name: string, value: unknown = p.raw(name, '')): string {
	const domain = String(value ?? '').trim().toLowerCase();
	if (domain === '') throw p.fail(name, 'is required');
	if (!DOMAIN.test(domain)) throw p.fail(name, `is not a domain name: "${domain}"`);
	return domain;
}

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2369',
	description: 'The sub-account (customer) ID. Needs an administrator credential.',
};
