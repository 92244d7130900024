import type { INodeProperties } from 'n8n-workflow';

/** A contact list's status (§4.3): in use, or not. */
export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Disabled', value: 'disabled' },
		{ name: 'Enabled', value: 'enabled' },
	],
	default: 'enabled',
};
