import type { ResourceDef } from '../../shared/types';
import { create } from './create';
import { deleteMailbox } from './delete';
import { getMany } from './getMany';
import { update } from './update';

export const mailbox: ResourceDef = {
	value: 'mailbox',
	name: 'Mailbox',
	description: 'Sender mailboxes of a domain',
	defaultOperation: 'getMany',
	operations: [create, deleteMailbox, getMany, update],
};
