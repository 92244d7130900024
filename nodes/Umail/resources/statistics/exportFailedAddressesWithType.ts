import type { IDataObject } from 'n8n-workflow';

import type { OperationDef } from '../../shared/types';
import { failedExportFields, runFailedExport } from './failedExport';

/** §2.3.2 failexportall.php: rows of email, failure type and statistics task ID. */
export const exportFailedAddressesWithType: OperationDef = {
	value: 'exportFailedAddressesWithType',
	effect: 'read',
	name: 'Export Failed Addresses With Type',
	action: 'Export the failed addresses with their failure type',
	description:
		'Export the addresses that failed with the failure type (code and label) and the statistics task ID ("task_id", not the send ID)',
	properties: failedExportFields,
	run: async (ctx) =>
		await runFailedExport(ctx, 'failexportall.php', (entry) => ({ ...(entry as IDataObject) })),
	labels: { type: 'failureType' },
};
