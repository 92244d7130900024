import { statusField } from './fields';
import { idempotencyFields } from '../../shared/idempotency';
import type { OperationDef } from '../../shared/types';
import { resultData } from '../../shared/outputs';
import { contactListIdempotency } from './idempotent';

/** §4.3 mloperate.php?do=maillist-add */
export const create: OperationDef = {
	value: 'create',
	effect: 'write',
	name: 'Create',
	action: 'Create a contact list',
	description: 'Create a contact list',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Newsletter subscribers',
		},
		statusField,
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
		},
		...idempotencyFields,
	],
	idempotent: contactListIdempotency,
	request: (p) => ({
		endpoint: 'mloperate.php',
		do: 'maillist-add',
		method: 'POST',
		form: { subject: p.required('name'), status: p.required('status'), description: p.string('description') },
	}),
	output: (body, p) => ({
		id: resultData(body),
		name: p.required('name'),
		status: p.required('status'),
		description: p.string('description') ?? '',
	}),
};
