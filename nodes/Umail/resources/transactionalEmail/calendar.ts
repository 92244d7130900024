import { randomUUID } from 'node:crypto';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { sendMail } from '../../shared/smtp';
import type { ItemContext } from '../../shared/types';
import { fromFields, mailboxes, recipientHint, sender } from './fields';
import { buildCalendar, type CalendarEvent, isTimeZone, toInstant } from './ics';

// SEQUENCE derived from the clock: seconds since 2024, so a later update or cancel always counts higher
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

export const calendarFields = {
	from: fromFields,
	attendees: {
		displayName: 'Attendees',
		name: 'attendees',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jane@example.com, Bob <bob@example.com>',
		description: `Who is invited; each gets the message. ${recipientHint}.`,
	} as INodeProperties,
	summary: {
		displayName: 'Summary',
		name: 'summary',
		type: 'string',
		default: '',
		placeholder: 'e.g. Quarterly review',
		description: 'The event title',
	} as INodeProperties,
	start: { displayName: 'Start', name: 'start', type: 'dateTime', default: '' } as INodeProperties,
	end: { displayName: 'End', name: 'end', type: 'dateTime', default: '' } as INodeProperties,
	uid: {
		displayName: 'Event UID',
		name: 'eventUid',
		type: 'string',
		default: '',
		placeholder: 'e.g. order-1042@example.com',
		description: 'Identifies the event in calendars: send an update or a cancellation with the same UID',
	} as INodeProperties,
	timeZone: {
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Asia/Shanghai',
		description: 'IANA time zone of Start and End when they carry no offset; empty uses the workflow\'s time zone',
	} as INodeProperties,
	sequence: {
		displayName: 'Sequence',
		name: 'sequence',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Revision number of the event; each update or cancellation needs a higher one. Without it the node derives one from the current time.',
	} as INodeProperties,
	organizerEmail: {
		displayName: 'Organizer Email',
		name: 'organizerEmail',
		type: 'string',
		default: '',
		description: 'Defaults to the From Email',
	} as INodeProperties,
	organizerName: {
		displayName: 'Organizer Name',
		name: 'organizerName',
		type: 'string',
		default: '',
		description: 'Defaults to the From Name',
	} as INodeProperties,
	subject: {
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		description: 'Defaults to the summary',
	} as INodeProperties,
	text: {
		displayName: 'Message',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Plain-text body shown beside the invitation; defaults to what, when and where',
	} as INodeProperties,
	html: {
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'HTML body shown beside the invitation',
	} as INodeProperties,
	location: { displayName: 'Location', name: 'location', type: 'string', default: '' } as INodeProperties,
	description: {
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
	} as INodeProperties,
};

interface DateLike {
	toISO(): string | null;
}

function instant(ctx: ItemContext, name: string, value: unknown, timeZone: string): Date | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'object' && typeof (value as DateLike).toISO === 'function' ? String((value as DateLike).toISO()) : String(value).trim();
	const date = toInstant(text, timeZone);
	if (!date) throw ctx.p.fail(name, `must be a date and time such as 2026-03-02T10:00:00, got "${text}"`);
	return date;
}

function when(date: Date, timeZone: string): string {
	return date.toLocaleString('sv-SE', { timeZone, hour12: false }).slice(0, 16);
}

export interface CalendarRequest {
	method: CalendarEvent['method'];
	/** option values of the operation (fields not at the top level) */
	options: IDataObject;
	uid?: string;
	summary?: string;
	start?: unknown;
	end?: unknown;
	defaultSubject: (summary: string | undefined) => string;
}

/** Builds the event, mails it to the attendees as text/calendar, and reports what was sent. */
export async function sendCalendar(ctx: ItemContext, request: CalendarRequest): Promise<IDataObject> {
	const { p } = ctx;
	const { options } = request;
	const from = sender(p);
	const attendees = mailboxes(p, 'attendees', p.string('attendees'), true);
	const timeZone = String(options.timeZone ?? '').trim() || ctx.fn.getTimezone();
	if (!isTimeZone(timeZone)) throw p.fail('timeZone', `is not a known time zone: "${timeZone}"`);
	const start = instant(ctx, 'start', request.start, timeZone);
	const end = instant(ctx, 'end', request.end, timeZone);
	if (start && end && end <= start) throw p.fail('end', 'must be after Start');
	const uid = request.uid ?? `${randomUUID()}@${from.address.split('@')[1]}`;
	if (/[\r\n]/.test(uid)) throw p.fail('eventUid', 'must be on one line');
	const sequence =
		options.sequence === undefined || options.sequence === ''
			? Math.floor((Date.now() - SEQUENCE_EPOCH) / 1000)
			: (p.number('options.sequence', { min: 0, max: 2_147_483_647 }) as number);
	const organizerEmail = String(options.organizerEmail ?? '').trim();
	const organizer = organizerEmail
		? { name: String(options.organizerName ?? '').trim(), address: p.email('organizerEmail', organizerEmail) }
		: { name: String(options.organizerName ?? '').trim() || from.name, address: from.address };
	const location = String(options.location ?? '').trim() || undefined;
	const description = String(options.description ?? '').trim() || undefined;

	const content = buildCalendar({
		method: request.method,
		uid,
		sequence,
		stamp: new Date(),
		start,
		end,
		summary: request.summary,
		description,
		location,
		organizer,
		attendees,
	});
	const text =
		String(options.text ?? '').trim() ||
		[
			request.method === 'CANCEL' ? `Cancelled: ${request.summary ?? 'event'}` : request.summary,
			start && `When: ${when(start, timeZone)}${end ? ` – ${when(end, timeZone)}` : ''} (${timeZone})`,
			location && `Where: ${location}`,
			description,
		]
			.filter(Boolean)
			.join('\n');
	const html = String(options.html ?? '').trim() || undefined;
	const sent = await sendMail(ctx.fn, ctx.itemIndex, {
		from,
		to: attendees,
		subject: String(options.subject ?? '').trim() || request.defaultSubject(request.summary),
		text,
		html,
		icalEvent: { method: request.method, content, filename: request.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics' },
	});
	return {
		...sent,
		uid,
		sequence,
		method: request.method,
		...(start ? { start: start.toISOString() } : {}),
		...(end ? { end: end.toISOString() } : {}),
	};
}
