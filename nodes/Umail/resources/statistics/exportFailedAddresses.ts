import type { OperationDef } from '../../shared/types';
import { failedExportFields, runFailedExport } from './failedExport';

/** §2.3.1 failexport.php: the JSON variant is a plain array of addresses. */
export const exportFailedAddresses: OperationDef = {
	value: 'exportFailedAddresses',
	effect: 'read',
	name: 'Export Failed Addresses',
	action: 'Export the addresses that failed',
	description: 'Export the addresses that failed, of a day, a date range or a task. To get the failure type of each address, use Export Failed Addresses With Type.',
	properties: failedExportFields,
	run: async (ctx) => await runFailedExport(ctx, 'failexport.php', (entry) => ({ email: String(entry) })),
};
