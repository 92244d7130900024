import type { INodeProperties } from 'n8n-workflow';

import { type CodeTable, codeOptions } from './codes';

/** Return All + Limit, as every n8n list operation offers them. */
export function returnAllFields(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

interface LocatorOptions {
	name: string;
	displayName: string;
	searchMethod: string;
	description?: string;
	required?: boolean;
	placeholder?: string;
	/** the API takes the id as a number (also checked at run time, in every mode: Params.id) */
	numeric?: boolean;
}

/** A resource locator: From List (searchable) or By ID. */
export function locator(options: LocatorOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.displayName.replace(/ ID$/, '').toLowerCase()}...`,
				typeOptions: { searchListMethod: options.searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: options.placeholder ?? 'e.g. 1024',
				validation: [
					{
						type: 'regex',
						properties: options.numeric
							? { regex: '^\\s*\\d+\\s*$', errorMessage: 'Enter a single numeric ID' }
							: { regex: '^\\s*[^\\s,]+\\s*$', errorMessage: 'Enter a single ID' },
					},
				],
			},
		],
	};
}

export const contactListLocator = (overrides: Partial<LocatorOptions> = {}) =>
	locator({ name: 'contactList', displayName: 'Contact List', searchMethod: 'searchContactLists', numeric: true, ...overrides });

export const templateLocator = (overrides: Partial<LocatorOptions> = {}) =>
	locator({ name: 'template', displayName: 'Template', searchMethod: 'searchTemplates', numeric: true, ...overrides });

export const taskLocator = (overrides: Partial<LocatorOptions> = {}) =>
	locator({ name: 'task', displayName: 'Task', searchMethod: 'searchTasks', numeric: true, ...overrides });

export const domainLocator = (overrides: Partial<LocatorOptions> = {}) =>
	locator({
		name: 'domain',
		displayName: 'Domain',
		searchMethod: 'searchDomains',
		placeholder: 'e.g. mail.example.com',
		...overrides,
	});

export const mailboxLocator = (overrides: Partial<LocatorOptions> = {}) =>
	locator({
		name: 'mailbox',
		displayName: 'Mailbox',
		searchMethod: 'searchMailboxes',
		placeholder: 'e.g. news@mail.example.com',
		...overrides,
	});

export const trackingDomainLocator = (overrides: Partial<LocatorOptions> = {}) =>
	locator({
		name: 'trackingDomain',
		displayName: 'Tracking Domain',
		searchMethod: 'searchTrackingDomains',
		placeholder: 'e.g. track.example.com',
		...overrides,
	});

/** A date picker whose value is sent as YYYY-MM-DD. */
export function dateField(name: string, displayName: string, description: string, required = false): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		required,
		description: `${description}. Sent as YYYY-MM-DD.`,
	};
}

export function codeField(
	name: string,
	displayName: string,
	table: CodeTable,
	options: { default?: string; description?: string; any?: string } = {},
): INodeProperties {
	const chosen = options.default ?? options.any ?? '';
	return {
		displayName,
		name,
		type: 'options',
		options: codeOptions(table, options.any ? [{ name: 'Any', value: options.any }] : []),
		default: chosen,
		description: options.description,
	};
}

/** Output as one item per row, or one file holding every row. */
export const exportFormatField: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{ name: 'Items', value: 'items', description: 'One item per row' },
		{ name: 'File', value: 'file', description: 'One item with every row in a binary file' },
	],
	default: 'items',
};

export const binaryPropertyOutField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	displayOptions: { show: { output: ['file'] } },
	hint: 'The name of the output binary field to put the file in',
};

/** The optional "Filters" collection of a list operation. */
export function filtersField(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** The optional "Options" collection of an operation. */
export function optionsField(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** The "Update Fields" collection of an update operation. */
export function updateFieldsField(options: INodeProperties[], name = 'updateFields'): INodeProperties {
	return { displayName: 'Update Fields', name, type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** The optional "Additional Fields" collection of a create operation. */
export function additionalFieldsField(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}
