import { administratorOptions, administratorQs } from '../../shared/administrator';
import { mailboxLocator } from '../../shared/fields';
import { deleted } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { pickerDomainField } from './shared';

/** §7.9 bs.php?do=mailbox-del */
export const deleteMailbox: OperationDef = {
	value: 'delete',
	effect: 'write',
	name: 'Delete',
	action: 'Delete a mailbox',
	description: 'Delete a sender mailbox',
	properties: [pickerDomainField, mailboxLocator(), administratorOptions],
	request: (p) => ({
		endpoint: 'bs.php',
		do: 'mailbox-del',
		qs: { mailbox: p.email('mailbox'), ...administratorQs(p) },
	}),
	output: (_body, p) => deleted({ mailbox: p.email('mailbox') }),
};
