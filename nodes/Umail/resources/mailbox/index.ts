import type { ResourceDef } from '../../shared/types';

export const mailbox: ResourceDef = {
	value: 'mailbox',
	name: 'Mailbox',
	description: 'Sender mailboxes of a domain',
	defaultOperation: 'getMany',
	operations: [],
};
