import { VARIABLES } from '../../shared/batch';
import { contactListLocator } from '../../shared/fields';
import { resultData, resultOf } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { contactFields, readSex } from './fields';

/**
 * The new address's id that return_id=1 asks for: an `<id>` element when the answer has one (as §6.2 answers), else
 * `<data>` when it is a number; never a message or a count.
 */
function newAddressId(body: unknown): string | null {
	const id = resultOf(body).id;
	if (id !== undefined && id !== null && /^\d+$/.test(String(id).trim())) return String(id).trim();
	const data = resultData(body);
	return /^\d+$/.test(data) ? data : null;
}

/** §4.8.1 mloperate.php?do=ml-addr-add with return_id=1, so the answer carries the new address id */
export const add: OperationDef = {
	value: 'add',
	effect: 'write',
	name: 'Add',
	action: 'Add an address to a contact list',
	description: 'Add one address (contact) to a contact list',
	properties: [
		contactListLocator(),
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
		},
		contactFields(),
	],
	request: (p) => {
		const fields = p.collection('additionalFields');
		const vars: Record<string, string | undefined> = {};
		for (const name of VARIABLES) vars[name] = fields[name] === undefined ? undefined : String(fields[name]);
		return {
			endpoint: 'mloperate.php',
			do: 'ml-addr-add',
			method: 'POST',
			qs: { list_id: p.id('contactList') },
			form: {
				address: p.email('email'),
				fullname: fields.name as string | undefined,
				sex: readSex(p, fields.sex),
				birthday: p.date('birthday', fields.birthday ?? ''),
				phone: fields.phone as string | undefined,
				area: fields.area as string | undefined,
				...vars,
				return_id: 1,
			},
		};
	},
	output: (body, p) => ({ id: newAddressId(body), email: p.email('email'), contactListId: p.id('contactList') }),
};
