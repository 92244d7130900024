/*
 * Workflows of the queue-mode run besides the shipped example (workflows/03-webhook-send-task.json). Each starts
 * from a production webhook or a poller, so main enqueues it and a worker runs it.
 */
import * as crypto from 'crypto';

import { makeWorkflow, type WorkflowNode } from '../e2e/harness';

export const CRED = { id: 'umailQueueCred01', name: 'U-Mail queue' };

const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const umail = (name: string, parameters: Record<string, unknown>): WorkflowNode => ({
	name,
	type: 'n8n-nodes-umail.umail',
	parameters,
	credentials: { umailApi: CRED },
});
const webhook = (path: string, parameters: Record<string, unknown> = {}): WorkflowNode => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	webhookId: crypto.randomUUID(),
	parameters: { httpMethod: 'POST', path, options: {}, ...parameters },
});

/** A Code node making `body.count` contacts from the webhook's body; `fields` is the object literal's body for item i. */
const contactsNode = (fields: string): WorkflowNode => ({
	name: 'Contacts',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		mode: 'runOnceForAllItems',
		jsCode: ['const b = $input.first().json.body;', 'return Array.from({ length: b.count }, (_, i) => ({ json: {', `  ${fields}`, '} }));'].join('\n'),
	},
});

/** POST { list, prefix, count, importAbove } → `count` generated contacts → Add Many into `list` (answers at once). */
export const bulkAdd = makeWorkflow({
	id: 'umailQueueBulk01',
	name: 'queue: bulk add',
	nodes: [
		webhook('umail-queue-bulk'),
		contactsNode('email: `${b.prefix}.${i}@example.com`, name: `Contact ${i}`, list: String(b.list), importAbove: b.importAbove,'),
		umail('Add Many', {
			resource: 'address',
			operation: 'addMany',
			contactList: byId('={{ $json.list }}'),
			email: '={{ $json.email }}',
			name: '={{ $json.name }}',
			options: { batchSize: 500, importAbove: '={{ $json.importAbove }}', maxWait: 120 },
		}),
	],
});

/** POST { list, prefix, from, count, output } → contacts prefix.from … → Sync Members (Mirror, 20 % guard) into `list`. */
export const syncMembers = makeWorkflow({
	id: 'umailQueueSync01',
	name: 'queue: sync members',
	nodes: [
		webhook('umail-queue-sync'),
		contactsNode('email: `${b.prefix}.${b.from + i}@example.com`, name: `Contact ${b.from + i}`, list: String(b.list), output: b.output,'),
		umail('Sync', {
			resource: 'contactList',
			operation: 'syncMembers',
			contactList: byId('={{ $json.list }}'),
			mode: 'mirror',
			columns: { mappingMode: 'defineBelow', value: { email: '={{ $json.email }}', name: '={{ $json.name }}' } },
			output: '={{ $json.output }}',
			options: { maxRemovalPercent: 20, maxWait: 120 },
		}),
	],
});

/** POST { list } → Export Unsubscribed as a CSV file (binary) → Extract From File; answers the parsed rows. */
export const exportCsv = makeWorkflow({
	id: 'umailQueueCsv001',
	name: 'queue: export as CSV',
	nodes: [
		webhook('umail-queue-csv', { responseMode: 'lastNode', responseData: 'allEntries' }),
		umail('Export', { resource: 'contactList', operation: 'exportUnsubscribed', contactList: byId('={{ $json.body.list }}'), output: 'file', binaryPropertyName: 'data' }),
		{ name: 'Read CSV', type: 'n8n-nodes-base.extractFromFile', typeVersion: 1, parameters: { options: { headerRow: true } } },
	],
});

/** U-Mail Trigger on New Unsubscribe of one list, polled every minute (n8n's shortest), into a No Op. */
export function unsubscribeTrigger(listId: number) {
	return makeWorkflow({
		id: 'umailQueueTrig01',
		name: 'queue: unsubscribe trigger',
		nodes: [
			{
				name: 'U-Mail Trigger',
				type: 'n8n-nodes-umail.umailTrigger',
				credentials: { umailApi: CRED },
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					event: 'newUnsubscribe',
					listScope: 'chosen',
					lists: { values: [{ contactList: byId(listId) }] },
					options: {},
				},
			},
			{ name: 'Received', type: 'n8n-nodes-base.noOp', parameters: {} },
		],
	});
}
