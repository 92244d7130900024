import type { IDataObject } from 'n8n-workflow';

import { listAt } from '../outputs';
import type { UmailAnswer, UmailRequest } from '../transport';

/**
 * §4.7 without page: every member of one list in one answer, decoded as it arrives by the transport's streamed reader
 * (the same request Address → Get Many sends for Return All). Unknown lists answer not_exist: an error before any write.
 */
export async function readMembers(
	call: (request: UmailRequest) => Promise<UmailAnswer>,
	contactListId: string,
): Promise<Map<string, IDataObject>> {
	const answer = await call({
		endpoint: 'mloperate.php',
		do: 'ml-addr-list',
		effect: 'read',
		qs: { list_id: contactListId },
		lists: ['data.addr'],
		stream: { records: 'data.addr' },
	});
	const members = new Map<string, IDataObject>();
	for (const record of listAt(answer.body, 'data.addr')) {
		const email = String(record.address ?? '').toLowerCase();
		// a list holds an address once; should U-Mail answer it twice, the first copy is the one compared and kept
		if (email && !members.has(email)) members.set(email, record);
	}
	return members;
}
