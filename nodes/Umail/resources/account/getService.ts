import { objectAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §1.2 account.php?do=service-info */
export const getService: OperationDef = {
	value: 'getService',
	effect: 'read',
	answerSize: 'small',
	name: 'Get Service',
	action: 'Get the bulk-mail service of the account',
	description: 'Get the bulk-mail service: status, start and expiry dates, sending quota left and bought',
	properties: [],
	request: () => ({ endpoint: 'account.php', do: 'service-info' }),
	output: (body) => objectAt(body, 'service'),
};
