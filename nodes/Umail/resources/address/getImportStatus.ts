import { NodeOperationError } from 'n8n-workflow';

import { importStatus } from '../../shared/batch';
import type { OperationDef } from '../../shared/types';

/** §4.8.4 mloperate.php?do=ml-addr-add-file-query: success / no_complete / not_exist / error are all answers here */
export const getImportStatus: OperationDef = {
	value: 'getImportStatus',
	effect: 'read',
	answerSize: 'small',
	name: 'Get Import Status',
	action: 'Get the status of a file import',
	description: 'Whether the service has finished parsing an imported file',
	properties: [
		{
			displayName: 'Import ID',
			name: 'importId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 210586',
			description: 'The ID Import File returned',
		},
	],
	run: async (ctx) => {
		ctx.p.id('importId');
		const importId = String(ctx.p.number('importId', { min: 1 }));
		const state = await importStatus(ctx.call, importId);
		// an answer while polling an import just made (batch.ts), but here the user asked about an id U-Mail does not know
		if (state.status === 'not_exist') {
			throw new NodeOperationError(ctx.fn.getNode(), `Address → Get Import Status: U-Mail knows no file import with ID ${importId}`, {
				itemIndex: ctx.itemIndex,
				description: `The server answered not_exist for import ${importId}: check the Import ID (Address → Import File returns it)${state.message ? `. Server message: ${state.message}` : ''}`,
			});
		}
		return { ...state };
	},
};
