import { importStatus } from '../../shared/batch';
import type { OperationDef } from '../../shared/types';

/** §4.8.4 mloperate.php?do=ml-addr-add-file-query: success / no_complete / not_exist / error are all answers here */
export const getImportStatus: OperationDef = {
	value: 'getImportStatus',
	effect: 'read',
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
		return { ...(await importStatus(ctx.call, importId)) };
	},
};
