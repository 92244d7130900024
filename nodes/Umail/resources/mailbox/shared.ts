import type { IDataObject } from 'n8n-workflow';

import { domainLocator } from '../../shared/fields';

/** Only there so "From List" of the mailbox field can list the domain's mailboxes; the API does not need it. */
export const pickerDomainField = {
	...domainLocator({ required: false }),
	description: 'The domain whose mailboxes "From List" shows below. Not sent.',
};

/** `status` comes as `true`/`false` (§7.7), sometimes as 1/0. */
export function mailboxRecord(mailbox: IDataObject): IDataObject {
	const status = String(mailbox.status ?? '').toLowerCase();
	return { ...mailbox, enabled: status === 'true' || status === '1' };
}
