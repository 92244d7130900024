import type { INodeProperties } from 'n8n-workflow';

import { optionsField } from './fields';
import type { Params } from './params';

/**
 * §7.1 and §7.7–§7.10 let an administrator act on a sub-account's domains and mailboxes with `user_type=manager` and
 * `customer_id`; the credential must then be the administrator's. One option instead of two raw parameters.
 */
export const actAsAdministratorOption: INodeProperties = {
	displayName: 'Act as Administrator for Customer ID',
	name: 'actAsCustomerId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 2369',
	description:
		"Administrator accounts only: work on this sub-account's domains and mailboxes instead of your own (sends user_type=manager)",
};

export const administratorOptions: INodeProperties = optionsField([actAsAdministratorOption]);

/** A customer ID as the administrator calls want it: digits only. */
export function customerIdOf(p: Params, name: string, required = false): string | undefined {
	const id = p.string(name, { required });
	if (id !== undefined && !/^\d+$/.test(id)) throw p.fail(name, `must be a numeric customer ID, got "${id}"`);
	return id;
}

/** `{ user_type: 'manager', customer_id }` when the option is set, nothing otherwise. */
export function administratorQs(p: Params): { user_type?: string; customer_id?: string } {
	const customerId = customerIdOf(p, 'options.actAsCustomerId');
	return customerId ? { user_type: 'manager', customer_id: customerId } : {};
}
