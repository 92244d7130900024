import { createHash } from 'crypto';

import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface Person {
	email: string;
	name?: string;
}

export interface Attendee extends Person {
	optional: boolean;
	rsvp: boolean;
}

export interface Invitation {
	method: 'REQUEST' | 'CANCEL';
	uid: string;
	sequence: number;
	summary: string;
	/** timed events: instants; all-day events: UTC midnight of the first day and of the day after the last */
	start: Date;
	end: Date;
	allDay: boolean;
	organizer: Person;
	attendees: Attendee[];
	location?: string;
	description?: string;
	url?: string;
	stamp?: Date;
}

/** Fixed namespace of this pack's name-based UIDs (RFC 9562 UUID version 5). */
const UID_NAMESPACE = Buffer.from('3f0c5b6e9d2a4c1b8e7f60a1d2c3b4a5', 'hex');

/**
 * A UUID derived from the user's own event id: the invite, every update and the cancellation of one event carry the
 * same UID, and the id itself (a booking or order number) is not exposed to the recipients (RFC 7986 §5.3).
 */
export function uidOf(eventId: string): string {
	const hash = createHash('sha1').update(UID_NAMESPACE).update(eventId, 'utf8').digest();
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether the runtime knows the IANA time zone name. */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (east positive). */
function offsetAt(instant: number, zone: string): number {
	let format = FORMATS.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		FORMATS.set(zone, format);
	}
	const part: Record<string, number> = {};
	for (const { type, value } of format.formatToParts(new Date(instant))) part[type] = Number(value);
	const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
	return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show the wall time (given as UTC fields): two steps settle the offset. A
 * time in the hour skipped by a spring-forward change lands after the gap; one in the repeated autumn hour, on its
 * second pass.
 */
export function wallTimeToInstant(wall: number, zone: string): number {
	const guess = wall - offsetAt(wall, zone);
	return wall - offsetAt(guess, zone);
}

/** `Name <email>` or `email`; a name with a comma may be quoted: `"Wang, Fang" <fang@example.com>`. */
export function parsePerson(text: string): Person | undefined {
	const trimmed = text.trim();
	const match = /^(?:"?([^"<]*?)"?\s*)<([^<>\s]+)>$/.exec(trimmed);
	if (match) return { email: match[2], ...(match[1].trim() ? { name: match[1].trim() } : {}) };
	if (/^[^\s<>]+$/.test(trimmed)) return { email: trimmed };
	return undefined;
}

/** Splits an address list on commas, semicolons and line breaks that are not inside quotes or angle brackets. */
export function splitPeople(text: string): string[] {
	const entries: string[] = [];
	let current = '';
	let quoted = false;
	let angled = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (char === '<' && !quoted) angled = true;
		else if (char === '>' && !quoted) angled = false;
		if (!quoted && !angled && /[,;\n]/.test(char)) {
			entries.push(current);
			current = '';
		} else current += char;
	}
	entries.push(current);
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** Parameter values cannot hold double quotes (RFC 5545 §3.1) or line breaks. */
const paramText = (name?: string) => name?.replace(/["\s]+/g, ' ').trim() || undefined;

/** The iCalendar text (RFC 5545, iTIP methods of RFC 5546) of one event. */
export function buildCalendar(invitation: Invitation): string {
	const calendar = ical({
		// the library writes the leading '-'
		prodId: '//n8n-nodes-umail//Calendar Invitation//EN',
		method: invitation.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
	});
	calendar.createEvent({
		id: invitation.uid,
		sequence: invitation.sequence,
		stamp: invitation.stamp ?? new Date(),
		start: invitation.start,
		end: invitation.end,
		allDay: invitation.allDay,
		summary: invitation.summary,
		location: invitation.location ?? null,
		description: invitation.description ?? null,
		url: invitation.url ?? null,
		status: invitation.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		organizer: { email: invitation.organizer.email, name: paramText(invitation.organizer.name) ?? invitation.organizer.email },
		attendees: invitation.attendees.map((attendee) => ({
			email: attendee.email,
			name: paramText(attendee.name),
			rsvp: attendee.rsvp,
			role: attendee.optional ? ICalAttendeeRole.OPT : ICalAttendeeRole.REQ,
			status: ICalAttendeeStatus.NEEDSACTION,
		})),
	});
	// every content line ends with CRLF, the last one too (RFC 5545 §3.1); the library leaves it off
	return `${calendar.toString().replace(/(\r\n)?$/, '')}\r\n`;
}
