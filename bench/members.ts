/**
 * Contact List → Sync Members scenarios (bench/run.js `members` suite), beside Add Many and the naive way: the input is
 * contacts from..from+n (as bench/scenarios.ts makes them), the list is seeded by the emulator process beforehand.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Umail } from '../nodes/Umail/Umail.node';
import { runNode } from '../test/helpers/n8n';

export interface MembersInput {
	url: string;
	n?: number;
	from?: number;
	listId?: number;
	output?: 'items' | 'summary';
	mode?: 'mirror' | 'addMissing';
}

const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

export function crmContacts(n: number, from = 0): INodeExecutionData[] {
	const items: INodeExecutionData[] = new Array(n);
	for (let k = 0; k < n; k++) {
		const i = from + k;
		items[k] = { json: { email: `contact${i}@crm.example.com`, name: `Contact ${i}`, company: 'Example Ltd', phone: `+86 10 5555 ${String(i).padStart(6, '0')}` } };
	}
	return items;
}

async function umail(input: MembersInput, parameters: INodeParameters, items?: INodeExecutionData[]) {
	const credentials = { umailApi: { username: 'demo', password: 'demo-pass', baseUrl: input.url } as never };
	const [output] = await runNode(new Umail(), { parameters, items, credentials });
	return output;
}

export const memberScenarios = {
	'sync-members': {
		setup: (input: MembersInput) => crmContacts(input.n!, input.from ?? 0),
		run: async (input: MembersInput, prepared: unknown) => {
			const items = await umail(
				input,
				{
					resource: 'contactList',
					operation: 'syncMembers',
					contactList: byId(input.listId!),
					mode: input.mode ?? 'mirror',
					output: input.output ?? 'items',
					options: { maxRemovalPercent: 10 },
				},
				prepared as INodeExecutionData[],
			);
			const summary = items[items.length - 1].json;
			return { items, note: JSON.stringify({ counts: summary.counts, apiCalls: summary.apiCalls }) };
		},
	},
	/** the reads a sync cannot avoid: the list's members (§4.7 streamed, Address → Get Many) and its unsubscribes (§4.6) */
	'read-members': {
		run: async (input: MembersInput) => {
			const members = await umail(input, { resource: 'address', operation: 'getMany', scope: 'list', contactList: byId(input.listId!), returnAll: true, simplify: false });
			await umail(input, { resource: 'contactList', operation: 'exportUnsubscribed', contactList: byId(input.listId!) });
			return { items: members, note: `${members.length} members` };
		},
	},
};
