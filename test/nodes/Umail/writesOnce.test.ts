import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { RESOURCES } from '../../../nodes/Umail/resources';
import type { LogEntry } from '../../emulator';
import { byId, runUmail, useEmulator } from './setup';

/**
 * Every write operation is sent exactly once when its call fails in a way a read would be asked again for: HTTP 500,
 * a connection dropped before the call is carried out, and one dropped after it landed. Table-driven over every
 * operation declared `effect: 'write'`, so a new write operation must be added here.
 */

const DOMAIN = 'mail.verified-demo.example.com';
const binary = (fileName: string) => [
	{ json: {}, binary: { data: { data: Buffer.from('a@example.com;A\n').toString('base64'), mimeType: 'text/plain', fileName } } },
];

interface WriteCase {
	file: string;
	do?: string;
	parameters: INodeParameters;
	admin?: boolean;
	items?: INodeExecutionData[];
}

const list = byId('418800');
const template = byId('163260');

const CASES: Record<string, WriteCase> = {
	'address.add': { file: 'mloperate', do: 'ml-addr-add', parameters: { contactList: list, email: 'once@example.com' } },
	'address.addMany': { file: 'mloperate', do: 'ml-addr-add', parameters: { contactList: list, email: 'many@example.com' } },
	'address.delete': { file: 'mloperate', do: 'ml-addr-del', parameters: { addressId: '1' } },
	'address.importFile': { file: 'mloperate', do: 'ml-addr-add-file', parameters: { contactList: list, source: 'text', rows: 'f@example.com;F' } },
	'contactList.create': { file: 'mloperate', do: 'maillist-add', parameters: { name: 'Once', status: 'enabled' } },
	'contactList.delete': { file: 'mloperate', do: 'maillist-del', parameters: { contactList: list } },
	'contactList.empty': { file: 'mloperate', do: 'ml-addr-empty', parameters: { contactList: list } },
	'contactList.syncMembers': { file: 'mloperate', do: 'ml-addr-add', parameters: { contactList: list }, items: [{ json: { email: 'sync@example.com' } }] },
	'contactList.update': { file: 'mloperate', do: 'maillist-edit', parameters: { contactList: list, updateFields: { name: 'Renamed' } } },
	'domain.create': { file: 'bs', do: 'customer-domain-add', parameters: { domain: 'once.example.com' } },
	'domain.createForCustomer': { file: 'bs', do: 'domain-add', admin: true, parameters: { customerId: '1001', domain: 'sub.example.net' } },
	'domain.delete': { file: 'bs', do: 'customer-domain-del', parameters: { domain: byId('pending.example.com') } },
	'domain.deleteForCustomer': { file: 'bs', do: 'domain-del', admin: true, parameters: { customerId: '1001', domain: 'sub.example.net' } },
	'mailbox.create': { file: 'bs', do: 'mailbox-add', parameters: { mailbox: `once@${DOMAIN}`, password: 'secret123' } },
	'mailbox.delete': { file: 'bs', do: 'mailbox-del', parameters: { mailbox: byId(`news@${DOMAIN}`) } },
	'mailbox.update': { file: 'bs', do: 'mailbox-edit', parameters: { mailbox: byId(`news@${DOMAIN}`), updateFields: { password: 'secret456' } } },
	'subscription.subscribe': { file: 'mloperate', do: 'ml-sub', parameters: { contactList: list, mode: 'one', email: 'sub@example.com' } },
	'subscription.unsubscribe': { file: 'mloperate', do: 'ml-unsub', parameters: { contactList: list, emails: 'a@example.com' } },
	'task.create': {
		file: 'task',
		do: 'add-task',
		parameters: { template, contactList: list, sender: 'mailbox', mailbox: byId(`news@${DOMAIN}`), senderName: 'N', sendTime: '2026-12-01T10:30:00' },
	},
	'task.delete': { file: 'task', do: 'del-task', parameters: { task: byId('19120') } },
	'task.update': { file: 'task', do: 'edit-task', parameters: { task: byId('19120'), updateFields: { sendStatus: '-1' } } },
	'template.addAttachments': { file: 'template', do: 'tpl-attachment-add', parameters: { template, binaryPropertyNames: 'data' }, items: binary('a.txt') },
	'template.create': { file: 'template', do: 'add-tpl', parameters: { name: 'Once', subjects: ['s'], content: '<p>x</p>' } },
	'template.delete': { file: 'template', do: 'del-tpl', parameters: { template } },
	'template.deleteAttachment': { file: 'template', do: 'tpl-attachment-del', parameters: { template, scope: 'all' } },
	'template.update': { file: 'template', do: 'edit-tpl', parameters: { template, updateFields: { name: 'Renamed' } } },
	'trackingDomain.createOrUpdate': { file: 'trackdomain', do: 'edit', parameters: { domain: 'track.example.com' } },
	'trackingDomain.delete': { file: 'trackdomain', do: 'del', parameters: { trackingDomain: byId('count.demo.example.com') } },
};

const WRITES = RESOURCES.flatMap((resource) =>
	resource.operations.filter((op) => op.effect === 'write').map((op) => `${resource.value}.${op.value}`),
);

const FAULTS = [
	['HTTP 500', '5xx', {}],
	['a connection dropped before the call', 'reset', {}],
	['a connection dropped after the call landed', 'reset', { after: true }],
	['HTTP 503 with Retry-After: 0 after the call landed', '5xx', { after: true, status: 503, retryAfter: 0 }],
] as const;

describe('writes are sent once', () => {
	const env = useEmulator({ demoData: true });

	test('the table holds every write operation', () => {
		expect(Object.keys(CASES).sort()).toEqual([...WRITES].sort());
		expect(WRITES.length).toBeGreaterThanOrEqual(27);
	});

	describe.each(FAULTS)('on %s', (_name, kind, extra) => {
		test.each(Object.keys(CASES))('%s', async (key) => {
			const entry = CASES[key];
			const [resource, operation] = key.split('.');
			const matches = (log: LogEntry) => log.file === entry.file && log.do === (entry.do ?? null);
			env.control.reset();
			env.control.faults.next(kind, 5, { only: matches, ...extra });
			const credentials = entry.admin ? { ...env.credentials, username: 'admin', password: 'admin-pass' } : undefined;
			await expect(
				runUmail(env, { resource, operation, ...entry.parameters }, { items: entry.items, credentials }),
			).rejects.toThrow(/U-Mail (answered|could not be reached for)/);
			expect(env.control.log.filter(matches)).toHaveLength(1);
		});
	});
});
