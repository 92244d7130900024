import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listAt } from '../../Umail/shared/outputs';
import { umailRequest } from '../../Umail/shared/transport';
import { advance, keepOnly, newerThan, type Stamped, type TimeCursor } from '../shared/cursor';
import { listsField } from '../shared/fields';
import { chosenIds } from '../shared/params';
import type { TriggerEvent } from './types';

/** list id → time cursor over its unsubscribe export */
export type UnsubscribeCursors = Record<string, TimeCursor>;

const LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)\s+(\S+)\s*$/;

async function unsubscribes(fn: IPollFunctions, listId: string): Promise<Array<Stamped<IDataObject>>> {
	const answer = await umailRequest.call(fn, { effect: 'read',
		endpoint: 'mloperate.php',
		do: 'unsubscribe-export',
		qs: { id: listId },
		answer: 'text',
	});
	const rows: Array<Stamped<IDataObject>> = [];
	for (const line of answer.body as string[]) {
		const [time, email] = line.includes('\t') ? line.split('\t').map((cell) => cell.trim()) : (LINE.exec(line.trim())?.slice(1) ?? []);
		if (!time || !email) continue;
		rows.push({ at: time, key: email.toLowerCase(), record: { list_id: listId, email, time } });
	}
	return rows;
}

/**
 * New Unsubscribe (§4.6 unsubscribe-export, "time<TAB>address" lines, per list): a time cursor per list. The export
 * is per list, so a poll costs one call per chosen list, or 1 + one per list when watching every list.
 */
export const newUnsubscribe: TriggerEvent<UnsubscribeCursors> = {
	value: 'newUnsubscribe',
	name: 'New Unsubscribe',
	cost: 'Cost per poll: 1 API call per chosen list, or 1 + 1 per list when watching all lists.',
	description: 'An address unsubscribed from a contact list',
	properties: [
		{
			displayName: 'Watch',
			name: 'listScope',
			type: 'options',
			options: [
				{ name: 'All Contact Lists', value: 'all', description: 'A poll costs 1 + one API call per list' },
				{ name: 'Chosen Contact Lists', value: 'chosen', description: 'A poll costs one API call per chosen list' },
			],
			default: 'chosen',
		},
		{ ...listsField(), displayOptions: { show: { listScope: ['chosen'] } } },
	],
	scope: (fn) => [fn.getNodeParameter('listScope', 'chosen'), fn.getNodeParameter('lists', {})],
	async poll({ fn, sample }, state) {
		let ids: string[];
		if (fn.getNodeParameter('listScope', 'chosen') === 'all') {
			const answer = await umailRequest.call(fn, { effect: 'read', endpoint: 'mloperate.php', do: 'maillist-list', lists: ['maillist.item'] });
			ids = listAt(answer.body, 'maillist.item').map((list) => String(list.id));
		} else ids = chosenIds(fn, 'lists', 'contactList', 'contact list');
		const next = keepOnly(state ?? {}, ids);
		const items: Array<Stamped<IDataObject>> = [];
		for (const id of ids) {
			const fresh = newerThan(state?.[id], await unsubscribes(fn, id));
			items.push(...fresh);
			next[id] = advance(state?.[id], fresh);
			if (sample && items.length) break;
		}
		items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
		return { items: items.map((item) => item.record), state: next };
	},
};
