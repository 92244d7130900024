import { splitColumns } from '../../shared/answers';
import { rowsOrFile } from '../../shared/exports';
import { binaryPropertyOutField, contactListLocator, exportFormatField } from '../../shared/fields';
import type { OperationDef } from '../../shared/types';

const COLUMNS = ['time', 'email'] as const;

/** §4.6 mloperate.php?do=unsubscribe-export: plain text, `time<TAB>address` a line */
export const exportUnsubscribed: OperationDef = {
	value: 'exportUnsubscribed',
	effect: 'read',
	name: 'Export Unsubscribed',
	action: 'Export the unsubscribed addresses of a contact list',
	description: 'Export who unsubscribed from a contact list, and when',
	properties: [contactListLocator(), exportFormatField, binaryPropertyOutField],
	run: async (ctx) => {
		const listId = ctx.p.id('contactList');
		const answer = await ctx.call({
			endpoint: 'mloperate.php',
			do: 'unsubscribe-export',
			qs: { id: listId },
			answer: 'text',
		});
		const lines = answer.body as string[];
		const rows = lines.map((line) => ({ ...splitColumns(line, COLUMNS), contactListId: listId }));
		return await rowsOrFile(ctx, rows, [...COLUMNS, 'contactListId'], `unsubscribed-${listId}.csv`);
	},
};

