import { additionalFieldsField } from '../../shared/fields';
import { isEmail, type Params } from '../../shared/params';
import type { ItemContext, OperationDef, OperationResult } from '../../shared/types';
import {
	type Attendee,
	buildCalendar,
	isTimeZone,
	parsePerson,
	type Person,
	splitPeople,
	uidOf,
	wallTimeToInstant,
} from './calendar';

const DAY_MS = 86_400_000;
const WHEN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

interface LuxonLike {
	toMillis(): number;
	toFormat(format: string): string;
}

const isLuxon = (value: unknown): value is LuxonLike =>
	typeof value === 'object' && value !== null && typeof (value as LuxonLike).toMillis === 'function';

/**
 * A time field as an instant (timed events) or as a calendar day at UTC midnight (all-day events). A value with a
 * zone (`…Z`, `…+01:00`, a Luxon DateTime from an expression) is an instant already; a wall time without one is read
 * in the event's time zone.
 */
function whenOf(p: Params, name: string, zone: string, allDay: boolean): Date {
	const value = p.raw(name, '');
	if (isLuxon(value)) return allDay ? dayOf(p, name, value.toFormat('yyyy-MM-dd')) : new Date(value.toMillis());
	const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	if (text === '') throw p.fail(name, 'is required');
	const match = WHEN.exec(text);
	if (!match) throw p.fail(name, `must be a date and time such as 2026-12-03 09:30, got "${text}"`);
	const [, year, month, day, hour = '00', minute = '00', second = '00', offset] = match;
	if (allDay) return dayOf(p, name, `${year}-${month}-${day}`);
	const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
	const fields = new Date(wall);
	if (fields.getUTCDate() !== Number(day) || fields.getUTCMonth() !== Number(month) - 1 || Number(hour) > 23 || Number(minute) > 59) {
		throw p.fail(name, `is not a real date and time: "${text}"`);
	}
	if (offset) {
		const utcOffset = /^[+-]\d{4}$/.test(offset) ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset.toUpperCase();
		return new Date(Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${utcOffset}`));
	}
	return new Date(wallTimeToInstant(wall, zone));
}

function dayOf(p: Params, name: string, text: string): Date {
	const [year, month, day] = text.split('-').map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) throw p.fail(name, `is not a real date: "${text}"`);
	return date;
}

/** An address list as text (`Name <email>, email`) or, from an expression, an array of such strings or `{ email, name }`. */
function peopleOf(p: Params, name: string, value: unknown): Person[] {
	const entries: unknown[] = Array.isArray(value) ? value : splitPeople(String(value ?? ''));
	const people: Person[] = [];
	for (const entry of entries) {
		const person =
			typeof entry === 'object' && entry !== null
				? { email: String((entry as Person).email ?? '').trim(), name: (entry as Person).name ? String((entry as Person).name) : undefined }
				: parsePerson(String(entry));
		if (!person || !isEmail(person.email)) throw p.fail(name, `has an entry that is not an email address: "${typeof entry === 'object' ? JSON.stringify(entry) : String(entry)}"`);
		people.push(person);
	}
	return people;
}

async function create(ctx: ItemContext): Promise<OperationResult> {
	const { p } = ctx;
	const method = p.string('method', { fallback: 'REQUEST' }) === 'CANCEL' ? 'CANCEL' : 'REQUEST';
	const eventId = p.required('eventId');
	const sequence = p.number('sequence', { min: 0, fallback: 0 }) ?? 0;
	const summary = p.required('summary');
	const allDay = p.boolean('allDay');
	const zone = p.string('timeZone', { fallback: 'Asia/Shanghai' }) ?? 'Asia/Shanghai';
	if (!isTimeZone(zone)) throw p.fail('timeZone', `is not an IANA time zone name such as Europe/Berlin: "${zone}"`);
	const start = whenOf(p, 'start', zone, allDay);
	let end = whenOf(p, 'end', zone, allDay);
	if (allDay) {
		if (end < start) throw p.fail('end', 'must be on or after the Start day');
		// DTEND of an all-day event is the day after the last one (RFC 5545 §3.6.1)
		end = new Date(end.getTime() + DAY_MS);
	} else if (end <= start) throw p.fail('end', `must be after Start (${start.toISOString()}), got ${end.toISOString()}`);

	const organizerEmail = p.email('organizerEmail');
	const organizer: Person = { email: organizerEmail, name: p.string('organizerName') };
	const more = p.collection('additionalFields');
	const rsvp = more.rsvp === undefined ? true : Boolean(more.rsvp);
	const attendees: Attendee[] = [];
	const seen = new Set<string>();
	const add = (people: Person[], optional: boolean) => {
		for (const person of people) {
			const key = person.email.toLowerCase();
			if (seen.has(key)) continue;
			seen.add(key);
			attendees.push({ ...person, optional, rsvp });
		}
	};
	add(peopleOf(p, 'attendees', p.raw('attendees', '')), false);
	add(peopleOf(p, 'optionalAttendees', more.optionalAttendees ?? ''), true);
	if (!attendees.length) throw p.fail('attendees', 'is required: name at least one attendee');

	const text = (key: string) => (typeof more[key] === 'string' && (more[key] as string).trim() ? (more[key] as string) : undefined);
	const uid = uidOf(eventId);
	const ics = buildCalendar({
		method,
		uid,
		sequence,
		summary,
		start,
		end,
		allDay,
		organizer,
		attendees,
		location: text('location'),
		description: text('description'),
		url: text('url'),
	});
	const fileName = text('fileName')?.trim() ?? (method === 'CANCEL' ? 'cancel.ics' : 'invite.ics');
	const mimeType = `text/calendar; method=${method}`;
	const property = p.string('binaryPropertyName', { fallback: 'data' }) ?? 'data';
	const binary = await ctx.fn.helpers.prepareBinaryData(Buffer.from(ics, 'utf8'), fileName, mimeType);
	const day = (date: Date) => date.toISOString().slice(0, 10);
	return {
		items: [
			{
				json: {
					eventId,
					uid,
					method,
					sequence,
					summary,
					allDay,
					start: allDay ? day(start) : start.toISOString(),
					end: allDay ? day(new Date(end.getTime() - DAY_MS)) : end.toISOString(),
					timeZone: zone,
					organizer: { ...organizer },
					attendees: attendees.map((attendee) => ({ ...attendee })),
					attendeeEmails: attendees.map((attendee) => attendee.email).join(', '),
					fileName,
					mimeType,
				},
				binary: { [property]: binary },
			},
		],
	};
}

const peopleHint = 'Separate addresses with commas; "Name <email>" adds the name (quote a name with a comma)';

export const createInvitation: OperationDef = {
	value: 'create',
	name: 'Create',
	action: 'Create a calendar invitation',
	description: 'Build an iCalendar (.ics) invitation, update or cancellation as a file to attach in the Send Email node',
	// built locally: no request, nothing to repeat or not
	effect: 'read',
	properties: [
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'Cancel', value: 'CANCEL', description: 'METHOD:CANCEL: call off an event sent before (same Event ID)' },
				{ name: 'Request (Invite or Update)', value: 'REQUEST', description: 'METHOD:REQUEST: a new invitation, or an update with a higher Sequence' },
			],
			default: 'REQUEST',
		},
		{
			displayName: 'Event ID',
			name: 'eventId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. booking-2026-0042',
			description: 'Your own ID for the event. The same ID gives the same UID, so updates and the cancellation replace the invitation in the attendees’ calendars.',
		},
		{
			displayName: 'Sequence',
			name: 'sequence',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Revision of the event: 0 for the first invitation, one more for every update or cancellation',
		},
		{ displayName: 'Summary', name: 'summary', type: 'string', required: true, default: '', description: 'Title of the event' },
		{
			displayName: 'Start',
			name: 'start',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'Start as wall time in the Time Zone (e.g. 2026-12-03 09:30), or an instant with its offset',
		},
		{
			displayName: 'End',
			name: 'end',
			type: 'dateTime',
			required: true,
			default: '',
			description: 'End as wall time in the Time Zone; for an all-day event, the last day',
		},
		{
			displayName: 'All Day',
			name: 'allDay',
			type: 'boolean',
			default: false,
			description: 'Whether the event takes whole days (only the dates of Start and End count)',
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'Asia/Shanghai',
			placeholder: 'e.g. Europe/Berlin',
			description: 'IANA time zone of Start and End. Times are written in UTC, so every calendar shows them in its own zone.',
		},
		{
			displayName: 'Organizer Email',
			name: 'organizerEmail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'Use the From address of the Send Email node, so replies reach the organizer',
		},
		{ displayName: 'Organizer Name', name: 'organizerName', type: 'string', default: '' },
		{
			displayName: 'Attendees',
			name: 'attendees',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. "Wang, Fang" <fang@example.com>, li.na@example.com',
			hint: peopleHint,
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: 'The name of the output binary field to put the .ics file in; name it in Send Email → Options → Attachments',
		},
		additionalFieldsField([
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. invite.ics',
				description: 'Name of the attachment; invite.ics, or cancel.ics for a cancellation, when empty',
			},
			{ displayName: 'Location', name: 'location', type: 'string', default: '' },
			{ displayName: 'Optional Attendees', name: 'optionalAttendees', type: 'string', default: '', hint: peopleHint },
			{
				displayName: 'Request Replies (RSVP)',
				name: 'rsvp',
				type: 'boolean',
				default: true,
				description: 'Whether attendees are asked to accept or decline',
			},
			{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'e.g. https://meet.example.com/abc' },
		]),
	],
	run: create,
};
