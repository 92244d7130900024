import type { ResourceDef } from '../../shared/types';
import { create } from './create';
import { deleteContactList } from './delete';
import { empty } from './empty';
import { exportUnsubscribed } from './exportUnsubscribed';
import { get } from './get';
import { getMany } from './getMany';
import { syncMembers } from './syncMembers';
import { update } from './update';

export const contactList: ResourceDef = {
	value: 'contactList',
	name: 'Contact List',
	description: 'Lists of recipients (联系人分类)',
	defaultOperation: 'getMany',
	operations: [create, deleteContactList, empty, exportUnsubscribed, get, getMany, syncMembers, update],
};
