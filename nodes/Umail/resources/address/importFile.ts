import type { IDataObject } from 'n8n-workflow';

import { importCounts, uploadImport, waitForImport } from '../../shared/batch';
import { contactListLocator } from '../../shared/fields';
import type { ItemContext, OperationDef } from '../../shared/types';

async function fileOf(ctx: ItemContext): Promise<{ fileName: string; data: Buffer }> {
	if (ctx.p.string('source', { fallback: 'binary' }) === 'text') {
		const rows = ctx.p.required('rows');
		return { fileName: 'contacts.txt', data: Buffer.from(`${rows.replace(/\r\n/g, '\n')}\n`, 'utf8') };
	}
	const property = ctx.p.required('binaryPropertyName');
	const binary = ctx.fn.helpers.assertBinaryData(ctx.itemIndex, property);
	const data = await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, property);
	return { fileName: binary.fileName ?? 'contacts.txt', data };
}

/**
 * §4.8.3 mloperate.php?do=ml-addr-add-file (multipart field `file`): the service parses the file later, dropping invalid
 * and duplicate rows; with Wait for Import, §4.8.4 is polled and the counts read from the import history (§4.13).
 */
export const importFile: OperationDef = {
	value: 'importFile',
	effect: 'write',
	name: 'Import File',
	action: 'Import addresses from a file',
	description: 'Import a file of addresses into a contact list, one address a line',
	properties: [
		contactListLocator(),
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			options: [
				{ name: 'Binary File', value: 'binary', description: 'A file in a binary field of the input item' },
				{ name: 'Text', value: 'text', description: 'Rows typed or mapped into a text field' },
			],
			default: 'binary',
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field holding the file',
			displayOptions: { show: { source: ['binary'] } },
		},
		{
			displayName: 'Rows',
			name: 'rows',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			required: true,
			placeholder: 'a@example.com;Anna;F;1990-01-31;13500000000;北京;var1;var2',
			description: 'One address a line: email;name;sex;birthday;phone;area;var1;…;var10',
			displayOptions: { show: { source: ['text'] } },
		},
		{
			displayName: 'Wait for Import',
			name: 'wait',
			type: 'boolean',
			default: false,
			description: 'Whether to wait until the service has parsed the file and return its counts',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 300,
			description: 'How long to wait for the import before returning its current status',
			displayOptions: { show: { wait: [true] } },
		},
	],
	run: async (ctx) => {
		const contactListId = ctx.p.id('contactList');
		const wait = ctx.p.boolean('wait');
		const maxWait = wait ? (ctx.p.number('maxWait', { min: 1, fallback: 300 }) as number) : 0;
		const { fileName, data } = await fileOf(ctx);
		if (data.length === 0) throw ctx.p.fail(ctx.p.string('source') === 'text' ? 'rows' : 'binaryPropertyName', 'holds an empty file');
		const importId = await uploadImport(ctx.call, contactListId, fileName, data);
		const out: IDataObject = { importId, contactListId, fileName };
		if (!wait) return out;
		const state = await waitForImport(ctx.call, importId, maxWait * 1000);
		Object.assign(out, { status: state.status, status_label: state.status_label });
		if (state.status === 'success') {
			const counts = await importCounts(ctx.call, fileName);
			if (counts) out.counts = counts;
		}
		return out;
	},
};
