import type { ResourceDef } from '../../shared/types';
import { send } from './send';

export const transactionalEmail: ResourceDef = {
	value: 'transactionalEmail',
	name: 'Transactional Email',
	description: 'Single messages through the U-Mail SMTP relay: receipts, sign-up mail, codes, calendar invitations',
	defaultOperation: 'send',
	operations: [send],
};
