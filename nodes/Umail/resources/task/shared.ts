import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { codeField } from '../../shared/fields';
import type { Params } from '../../shared/params';
import type { Scalar } from '../../shared/transport';
import { domainOf } from '../domain/shared';

/** The XML lists of task.php?do=task-list (§6.1), nested ones included. */
export const TASK_LISTS = ['task_list.task', 'task_list.task.templates.template', 'task_list.task.listes.item'] as const;

export const TASK_LABELS = { send_status: 'sendStatus', verify_status: 'verifyStatus', track_status: 'trackStatus' } as const;

export const TASK_SIMPLE = [
	'id',
	'sn',
	'sender',
	'sender_name',
	'templates',
	'contact_lists',
	'send_time',
	'send_count',
	'error_count',
	'send_status',
	'verify_status',
	'track_status',
];

/** One `<task>` of §6.1 with its template and contact list lists flattened. */
export function taskRecord(task: IDataObject): IDataObject {
	const { templates, listes, ...rest } = task;
	const templateList = ((templates as IDataObject | undefined)?.template as IDataObject[] | undefined) ?? [];
	const contactLists = ((listes as IDataObject | undefined)?.item as IDataObject[] | undefined) ?? [];
	return { ...rest, templates: templateList, contact_lists: contactLists };
}

/** A comma list of numeric IDs. */
export function idsOf(p: Params, name: string, value: unknown = p.raw(name, '')): string[] {
	const ids = p.list(name, value);
	const bad = ids.find((id) => !/^\d+$/.test(id));
	if (bad !== undefined) throw p.fail(name, `must hold numeric IDs separated by commas, got "${bad}"`);
	return ids;
}

/** An optional boolean of a collection: undefined when the user did not add it. */
export function flagOf(p: Params, name: string): boolean | undefined {
	// null, not undefined: n8n throws for an absent parameter without a fallback
	const value = p.raw(name, null);
	return value === undefined || value === null || value === '' ? undefined : Boolean(value);
}

/** An optional number of a collection: undefined when the user did not add it, else checked like `p.number`. */
export function numberOf(p: Params, name: string, range: { min?: number; max?: number }): number | undefined {
	const value = p.raw(name, null);
	return value === undefined || value === null || value === '' ? undefined : p.number(name, range);
}

const bit = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);

/** Send options add-task and edit-task share (§6.2, §6.3), read from a collection and checked before sending. */
export function sendOptionsForm(p: Params, collection: string): Record<string, Scalar> {
	const at = (name: string) => `${collection}.${name}`;
	const start = numberOf(p, at('rangeStart'), { min: 1 });
	const end = numberOf(p, at('rangeEnd'), { min: 0 });
	if (start !== undefined && end !== undefined && end > 0 && end < start) {
		throw p.fail(at('rangeEnd'), `must be 0 (to the end) or at least "${p.label('rangeStart')}" (${start}), got ${end}`);
	}
	const replyTo = p.string(at('replyTo'));
	const trackingDomain = p.string(at('trackingDomain'));
	return {
		send_qty_start: start,
		send_qty: end,
		subs_link: bit(flagOf(p, at('unsubscribeLink'))),
		track_status: p.string(at('trackStatus')),
		track_domain: trackingDomain === undefined ? undefined : domainOf(p, at('trackingDomain'), trackingDomain),
		send_replyto: replyTo === undefined ? undefined : p.email(at('replyTo'), replyTo),
		hour_speed: numberOf(p, at('hourSpeed'), { min: 100, max: 75000 }),
		is_need_receipt: bit(flagOf(p, at('readReceipt'))),
	};
}

/** Fields of the send options collection, in name order. */
export const sendOptionFields: INodeProperties[] = [
	{
		displayName: 'Delay When Spam Rate Is High',
		name: 'delayOnSpam',
		type: 'boolean',
		default: false,
		description: 'Whether U-Mail should spread sending to a recipient domain over the next day, rather than stop, when that domain reports too much spam',
	},
	{
		displayName: 'Hourly Speed',
		name: 'hourSpeed',
		type: 'number',
		typeOptions: { minValue: 100, maxValue: 75000 },
		default: 10000,
		description: 'Most mails sent an hour, 100 to 75000',
	},
	{
		displayName: 'Read Receipt',
		name: 'readReceipt',
		type: 'boolean',
		default: false,
		description: 'Whether to ask for read receipts (needs the read receipt service on the account)',
	},
	{
		displayName: 'Reply-To',
		name: 'replyTo',
		type: 'string',
		placeholder: 'e.g. reply@example.com',
		default: '',
	},
	{
		displayName: 'Start at Address Number',
		name: 'rangeStart',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Send from this address of the contact lists on (1 = the first)',
	},
	{
		displayName: 'Stop at Address Number',
		name: 'rangeEnd',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Send up to this address of the contact lists; 0 = to the last one',
	},
	{ ...codeField('trackStatus', 'Tracking', 'trackStatus', { default: '0' }), description: 'What to track' },
	{
		displayName: 'Tracking Domain',
		name: 'trackingDomain',
		type: 'string',
		placeholder: 'e.g. track.example.com',
		default: '',
		description: 'Your tracking domain for links (its CNAME must point to count.bestedm.net)',
	},
	{
		displayName: 'Unsubscribe Link',
		name: 'unsubscribeLink',
		type: 'boolean',
		default: true,
		description: 'Whether to add an unsubscribe link to the mail',
	},
];

/** Collection options in name order, as n8n lists them. */
export function sortedFields(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
