/** iCalendar (RFC 5545) text for iTIP (RFC 5546) invitations and cancellations. */

export interface CalendarPerson {
	name?: string;
	address: string;
}

export interface CalendarEvent {
	method: 'REQUEST' | 'CANCEL';
	uid: string;
	sequence: number;
	/** when the object was made */
	stamp: Date;
	start?: Date;
	end?: Date;
	summary?: string;
	description?: string;
	location?: string;
	organizer: CalendarPerson;
	attendees: CalendarPerson[];
}

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** Parameter values cannot hold DQUOTE or control characters; quoted, they may hold `:;,` (RFC 5545 §3.2). */
function paramValue(value: string): string {
	const clean = value.replace(/["\p{Cc}]/gu, '').trim();
	return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = Buffer.byteLength(char, 'utf8');
		// continuation lines start with a space, which counts
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

/** UTC date-time form, e.g. 20260302T083000Z. */
export function utcStamp(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function person(property: string, who: CalendarPerson, extra = ''): string {
	const cn = who.name ? `;CN=${paramValue(who.name)}` : '';
	return `${property}${cn}${extra}:mailto:${who.address}`;
}

export function buildCalendar(event: CalendarEvent): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'PRODID:-//n8n-nodes-umail//Transactional Email//EN',
		'VERSION:2.0',
		'CALSCALE:GREGORIAN',
		`METHOD:${event.method}`,
		'BEGIN:VEVENT',
		`UID:${escapeText(event.uid)}`,
		`SEQUENCE:${event.sequence}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
	];
	if (event.start) lines.push(`DTSTART:${utcStamp(event.start)}`);
	if (event.end) lines.push(`DTEND:${utcStamp(event.end)}`);
	if (event.summary) lines.push(`SUMMARY:${escapeText(event.summary)}`);
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
	lines.push(person('ORGANIZER', event.organizer));
	const reply = event.method === 'REQUEST' ? ';PARTSTAT=NEEDS-ACTION;RSVP=TRUE' : '';
	for (const attendee of event.attendees) {
		lines.push(person('ATTENDEE', attendee, `;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT${reply}`));
	}
	lines.push(`STATUS:${event.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT', 'END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

function offsetAt(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - utcMs;
}

export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date-time as typed or picked: with an offset (or Z) it is that instant; without, it is wall-clock time in
 * `timeZone`. Undefined when the text is not a date-time.
 */
export function toInstant(text: string, timeZone: string): Date | undefined {
	const match = WALL_TIME.exec(text.trim());
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s, offset] = match;
	const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
	const check = new Date(wall);
	if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) {
		return undefined;
	}
	if (offset === 'Z') return check;
	if (offset) {
		const sign = offset.startsWith('-') ? -1 : 1;
		const [oh, om] = [Number(offset.slice(1, 3)), Number(offset.slice(-2))];
		return new Date(wall - sign * (oh * 60 + om) * 60_000);
	}
	// two rounds settle the offset, DST edges included
	let utc = wall - offsetAt(wall, timeZone);
	utc = wall - offsetAt(utc, timeZone);
	return new Date(utc);
}
