import type { ResourceDef } from '../shared/types';
import { account } from './account';
import { address } from './address';
import { calendarInvitation } from './calendarInvitation';
import { contactList } from './contactList';
import { domain } from './domain';
import { mailbox } from './mailbox';
import { statistics } from './statistics';
import { subscription } from './subscription';
import { task } from './task';
import { template } from './template';
import { tracking } from './tracking';
import { trackingDomain } from './trackingDomain';

/** Every resource of the node; each operation lives in resources/<resource>/<operation>.ts. */
export const RESOURCES: ResourceDef[] = [
	account,
	address,
	calendarInvitation,
	contactList,
	domain,
	mailbox,
	statistics,
	subscription,
	task,
	template,
	tracking,
	trackingDomain,
];
