/*
 * Reads an iCalendar file back with ical.js (Mozilla's parser, the one Thunderbird uses), after checks of the framing
 * ical.js forgives: CRLF line ends, lines folded at 75 octets, balanced BEGIN/END, one VEVENT.
 */
import ICAL from 'ical.js';

export interface ParsedPerson {
	email: string;
	name?: string;
	role?: string;
	partstat?: string;
	rsvp?: string;
}

export interface ParsedInvitation {
	method: string;
	prodId: string;
	uid: string;
	sequence: number;
	status?: string;
	summary: string;
	location?: string;
	description?: string;
	url?: string;
	allDay: boolean;
	/** timed: ISO instants; all-day: YYYY-MM-DD */
	start: string;
	end: string;
	/** the raw DTSTART / DTEND lines */
	dtstart: string;
	dtend: string;
	stamp: string;
	organizer: ParsedPerson;
	attendees: ParsedPerson[];
}

function person(property: ICAL.Property): ParsedPerson {
	const value = String(property.getFirstValue());
	const param = (name: string) => {
		const v = property.getParameter(name);
		return v === undefined || v === null ? undefined : String(v);
	};
	return {
		email: value.replace(/^mailto:/i, ''),
		name: param('cn'),
		role: param('role'),
		partstat: param('partstat'),
		rsvp: param('rsvp'),
	};
}

function when(time: ICAL.Time): string {
	if (time.isDate) return time.toString();
	if (time.zone !== ICAL.Timezone.utcTimezone) throw new Error(`expected a UTC time, got ${time.toString()} (${time.zone?.tzid})`);
	return time.toJSDate().toISOString();
}

export function parseInvitation(text: string): ParsedInvitation {
	if (!text.endsWith('\r\n')) throw new Error('the file does not end with CRLF');
	const lines = text.slice(0, -2).split('\r\n');
	for (const line of lines) {
		if (line.includes('\n') || line.includes('\r')) throw new Error(`a bare line break inside: ${JSON.stringify(line)}`);
		if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`line longer than 75 octets: ${line}`);
	}
	const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
	const stack: string[] = [];
	for (const line of unfolded) {
		const [key, value] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)];
		if (key === 'BEGIN') stack.push(value);
		if (key === 'END' && stack.pop() !== value) throw new Error(`END:${value} does not close the open component`);
	}
	if (stack.length) throw new Error(`unclosed components: ${stack.join(', ')}`);

	const calendar = new ICAL.Component(ICAL.parse(text));
	if (calendar.name !== 'vcalendar') throw new Error(`not a VCALENDAR: ${calendar.name}`);
	if (calendar.getFirstPropertyValue('version') !== '2.0') throw new Error('VERSION is not 2.0');
	const events = calendar.getAllSubcomponents('vevent');
	if (events.length !== 1) throw new Error(`expected one VEVENT, got ${events.length}`);
	const vevent = events[0];
	const event = new ICAL.Event(vevent);
	const raw = (name: string) => unfolded.find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`)) ?? '';
	const optional = (name: string) => {
		const v = vevent.getFirstPropertyValue(name);
		return v === null || v === undefined ? undefined : String(v);
	};
	return {
		method: String(calendar.getFirstPropertyValue('method')),
		prodId: String(calendar.getFirstPropertyValue('prodid')),
		uid: event.uid,
		sequence: event.sequence,
		status: optional('status'),
		summary: event.summary,
		location: optional('location'),
		description: optional('description'),
		url: optional('url'),
		allDay: event.startDate.isDate,
		start: when(event.startDate),
		end: when(event.endDate),
		dtstart: raw('DTSTART'),
		dtend: raw('DTEND'),
		stamp: when(vevent.getFirstPropertyValue('dtstamp') as ICAL.Time),
		organizer: person(vevent.getFirstProperty('organizer')!),
		attendees: vevent.getAllProperties('attendee').map(person),
	};
}

/** The wall time an instant shows in a zone, as YYYY-MM-DD HH:mm (independent of the code under test). */
export function wallTime(instant: string, zone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
		})
			.formatToParts(new Date(instant))
			.map((part) => [part.type, part.value]),
	);
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
