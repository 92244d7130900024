import type { ResourceDef } from '../../shared/types';
import { cancelInvitation } from './cancelInvitation';
import { send } from './send';
import { sendInvitation } from './sendInvitation';

export const transactionalEmail: ResourceDef = {
	value: 'transactionalEmail',
	name: 'Transactional Email',
	description: 'Single messages through the U-Mail SMTP relay: receipts, sign-up mail, codes, calendar invitations',
	defaultOperation: 'send',
	operations: [cancelInvitation, send, sendInvitation],
};
