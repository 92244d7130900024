import type { INodeProperties } from 'n8n-workflow';

import { VARIABLES } from '../../shared/batch';
import { additionalFieldsField } from '../../shared/fields';

const SEX: INodeProperties = {
	displayName: 'Sex',
	name: 'sex',
	type: 'options',
	options: [
		{ name: 'Female', value: 'F' },
		{ name: 'Male', value: 'M' },
	],
	default: 'F',
};

const variables: INodeProperties[] = VARIABLES.map((name, index) => ({
	displayName: `Variable ${index + 1}`,
	name,
	type: 'string',
	default: '',
	description: `Value of the template variable {$var${index + 1}}`,
}));

/** The optional fields of a contact (§4.8.1), also used per row by bulk add. */
export function contactFields(options: { mapped?: boolean } = {}): INodeProperties {
	return additionalFieldsField([
		{ displayName: 'Area', name: 'area', type: 'string', default: '', placeholder: 'e.g. 深圳市福田区' },
		{
			displayName: 'Birthday',
			name: 'birthday',
			type: options.mapped ? 'string' : 'dateTime',
			default: '',
			description: 'Sent as YYYY-MM-DD',
		},
		...(options.mapped ? [] : [{ displayName: 'Name', name: 'name', type: 'string' as const, default: '' }]),
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. 13528775736' },
		options.mapped
			? {
					displayName: 'Sex',
					name: 'sex',
					type: 'string',
					default: '',
					description: 'M or F (also accepts male, female)',
				}
			: SEX,
		...variables,
	]);
}

export { readSex } from '../../shared/contacts';
