import type { INodeProperties } from 'n8n-workflow';

import { optionsField } from '../../shared/fields';

/** Narrows click reports to one link of the message. */
export const linkOptionsField: INodeProperties = optionsField([
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3',
		description: 'Only this link ("link_id" of the links that Get Overview or Get Link Stats return)',
	},
]);
