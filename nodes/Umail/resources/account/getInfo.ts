import { objectAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §1.1 account.php?do=customer-info */
export const getInfo: OperationDef = {
	value: 'getInfo',
	effect: 'read',
	answerSize: 'small',
	name: 'Get Info',
	action: 'Get account information',
	description: 'Get the account holder: user ID, company, contact person, phone and email',
	properties: [],
	request: () => ({ endpoint: 'account.php', do: 'customer-info' }),
	output: (body) => objectAt(body, 'customer'),
};
