/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * One U-Mail node per resource against the emulator's demo data, each with the check of its output: run as one
 * workflow in n8n 2.x (examples.test.ts) and as one workflow per resource in n8n 1.x (n8n1.e2e.ts).
 */
import type { Emulator, WorkflowNode } from './harness';

export const RESOURCES = ['account', 'address', 'contactList', 'domain', 'mailbox', 'statistics', 'subscription', 'task', 'template', 'tracking', 'trackingDomain'];

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** A U-Mail node with the given credential; runs once and always passes an item on, so each node's output is checked. */
export function umailNode(credential: { id: string; name: string }, name: string, parameters: Record<string, unknown>, more: Partial<WorkflowNode> = {}): WorkflowNode {
	return { name, type: 'n8n-nodes-umail.umail', parameters, credentials: { umailApi: credential }, executeOnce: true, alwaysOutputData: true, ...more };
}

export interface ResourceCase {
	resource: string;
	node: WorkflowNode;
	/** asserts the node's output items against the emulator's state */
	check(items: any[]): void;
}

/** The eleven cases, built from the emulator's state at call time. */
export function resourceTour(emu: Emulator, credential: { id: string; name: string }): ResourceCase[] {
	const st = emu.control.state;
	const c = emu.control.customerOf('demo');
	const emails = (id: number) => [...st.getList(c, id).addrs.values()].map((a: any) => a.email);
	const demoTask = [...st.tasks.values()].find((t: any) => t.listIds.map(String).includes('418800'));
	const day = st.taskDate(demoTask);
	const node = (name: string, parameters: Record<string, unknown>) => umailNode(credential, name, parameters);
	const cases: Array<[string, Record<string, unknown>, (items: any[]) => void]> = [
		['Account', { resource: 'account', operation: 'getInfo' }, (items) => expect(items).toEqual([expect.objectContaining({ id: '1001', username: 'demo' })])],
		['Contact lists', { resource: 'contactList', operation: 'getMany', returnAll: true }, (items) => expect(items.map((l) => Number(l.id)).sort()).toEqual([...c.lists.keys()].sort())],
		[
			'Addresses',
			{ resource: 'address', operation: 'getMany', scope: 'list', contactList: byId(418800), returnAll: true },
			(items) => expect(items.map((a) => a.address).sort()).toEqual(emails(418800).sort()),
		],
		[
			'Domains',
			{ resource: 'domain', operation: 'getMany', returnAll: true },
			(items) => expect(items.map((d) => d.domain)).toEqual(expect.arrayContaining(['mail.verified-demo.example.com', 'news.demo.example.com'])),
		],
		[
			'Mailboxes',
			{ resource: 'mailbox', operation: 'getMany', domain: byId('mail.verified-demo.example.com'), returnAll: true },
			(items) => expect(items.map((m) => m.mailbox).sort()).toEqual([...c.mailboxes.keys()].sort()),
		],
		[
			'Daily statistics',
			{ resource: 'statistics', operation: 'getDaily', date: day },
			(items) => expect(items).toEqual([expect.objectContaining({ date: day, ws_qty: String(demoTask.recipients.length) })]),
		],
		[
			'Subscribe',
			{ resource: 'subscription', operation: 'subscribe', contactList: byId(418801), mode: 'one', email: 'tour.subscriber@example.com', name: 'Tour' },
			(items) => {
				expect(items).toHaveLength(1);
				expect(st.getList(c, 418801).addrs.get('tour.subscriber@example.com')?.fullname).toBe('Tour');
			},
		],
		[
			'Tasks',
			{ resource: 'task', operation: 'getMany', returnAll: true },
			(items) => {
				const ids = [...st.tasks.values()].filter((t: any) => !t.deleted).map((t: any) => String(t.id));
				expect(items.map((t) => t.id).sort()).toEqual(ids.sort());
			},
		],
		[
			'Templates',
			{ resource: 'template', operation: 'getMany', returnAll: true },
			(items) => {
				const ids = [...st.templates.values()].filter((t: any) => String(t.customerId) === '1001').map((t: any) => String(t.id));
				expect(items.map((t) => t.id).sort()).toEqual(ids.sort());
			},
		],
		[
			'Tracking overview',
			{ resource: 'tracking', operation: 'getOverview', selectBy: 'task', task: byId(demoTask.id) },
			(items) => expect(items).toEqual([expect.objectContaining({ batch_number: demoTask.sn, send_count: String(demoTask.recipients.length) })]),
		],
		[
			'Tracking domains',
			{ resource: 'trackingDomain', operation: 'getMany', returnAll: true },
			(items) => expect(items.map((d) => d.domain)).toEqual(['count.demo.example.com']),
		],
	];
	return cases.map(([name, parameters, check]) => ({ resource: String(parameters.resource), node: node(name, parameters), check }));
}
