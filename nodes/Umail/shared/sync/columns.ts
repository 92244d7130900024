import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeProperties,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { type ItemReader, itemReader, ROW_COLUMNS } from '../batch';
import type { BatchContext } from '../types';

/** The columns of a U-Mail contact, as n8n's resource mapper shows them (Map Automatically reads these names). */
const LABELS: Record<string, string> = { email: 'Email', name: 'Name', sex: 'Sex (M/F)', birthday: 'Birthday (YYYY-MM-DD)', phone: 'Phone', area: 'Area' };

/** The columns as fields, for messages only: an invalid value is named the way the mapper shows it ("Email"). */
export const COLUMN_LABELS: INodeProperties[] = ROW_COLUMNS.map((column) => ({
	displayName: LABELS[column]?.replace(/ \(.*\)$/, '') ?? `Variable ${column.slice(3)}`,
	name: column,
	type: 'string',
	default: '',
}));

export async function getContactColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const fields: ResourceMapperField[] = ROW_COLUMNS.map((column) => ({
		id: column,
		displayName: LABELS[column] ?? `Variable ${column.slice(3)} (${column})`,
		required: column === 'email',
		defaultMatch: column === 'email',
		canBeUsedToMatch: column === 'email',
		display: true,
		type: 'string',
	}));
	return { fields };
}

export const columnsField: INodeProperties = {
	displayName: 'Columns',
	name: 'columns',
	type: 'resourceMapper',
	noDataExpression: true,
	default: { mappingMode: 'autoMapInputData', value: null },
	required: true,
	typeOptions: {
		resourceMapper: {
			resourceMapperMethod: 'getContactColumns',
			mode: 'add',
			fieldWords: { singular: 'column', plural: 'columns' },
			addAllFields: true,
			multiKeyMatch: false,
			supportAutoMap: true,
		},
	},
	description: 'Map Automatically reads fields named email, name, sex, birthday, phone, area, var1…var10 from each item',
};

/** column → what item i holds for it, by the resource mapper's mode */
export function columnReaders(ctx: BatchContext): (index: number, column: string) => unknown {
	const mode = ctx.fn.getNodeParameter('columns.mappingMode', 0, 'autoMapInputData') as string;
	if (mode !== 'defineBelow') return (index, column) => (ctx.items[index].json as IDataObject)[column];
	const mapped = (ctx.fn.getNodeParameter('columns.value', 0, {}, { rawExpressions: true }) as IDataObject | null) ?? {};
	const readers: Record<string, ItemReader> = {};
	for (const column of Object.keys(mapped)) readers[column] = itemReader(ctx.fn, ctx.items, `columns.value.${column}`);
	return (index, column) => readers[column]?.(index);
}
