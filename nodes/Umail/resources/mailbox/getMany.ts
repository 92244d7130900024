import { administratorOptions, administratorQs } from '../../shared/administrator';
import { domainLocator, returnAllFields } from '../../shared/fields';
import { listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { domainOf } from '../domain/shared';
import { mailboxRecord } from './shared';

const PAGE = 30;

/** §7.7 bs.php?do=mailbox-list, 30 a page */
export const getMany: OperationDef = {
	value: 'getMany',
	effect: 'read',
	name: 'Get Many',
	action: 'Get many mailboxes',
	description: 'List the sender mailboxes of a domain',
	properties: [domainLocator(), ...returnAllFields(), administratorOptions],
	paging: { pageSize: PAGE },
	request: (p, page = { page: 1, limit: PAGE }) => ({
		endpoint: 'bs.php',
		do: 'mailbox-list',
		qs: {
			domain: domainOf(p, 'domain'),
			...administratorQs(p),
			page: page.page,
			limit: page.limit,
		},
		lists: ['mailbox_list.data'],
	}),
	output: (body) => listAt(body, 'mailbox_list.data').map(mailboxRecord),
};
