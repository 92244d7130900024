import { returnAllFields } from '../../shared/fields';
import { limitLocally, listAt } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §4.13 mloperate.php?do=ml-addr-add-log: every file import of the account, answered at once (Limit applied here) */
export const getImportHistory: OperationDef = {
	value: 'getImportHistory',
	effect: 'read',
	name: 'Get Import History',
	action: 'Get the history of file imports',
	description: 'List past file imports with their counts and status',
	properties: [...returnAllFields()],
	request: () => ({ endpoint: 'mloperate.php', do: 'ml-addr-add-log', lists: ['result.data.address_log'] }),
	output: (body, p) => {
		const imports = listAt(body, 'result.data.address_log');
		return limitLocally(imports, p);
	},
	labels: { status: 'importLogStatus' },
};
