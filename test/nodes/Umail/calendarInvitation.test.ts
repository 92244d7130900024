import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Umail } from '../../../nodes/Umail/Umail.node';
import { runNode } from '../../helpers/n8n';
import { parseInvitation, wallTime } from '../../helpers/ics';

const base: INodeParameters = {
	resource: 'calendarInvitation',
	operation: 'create',
	eventId: 'booking-2026-0042',
	summary: 'Product review; Q4, final',
	start: '2026-12-03T09:30:00',
	end: '2026-12-03T10:45:00',
	organizerEmail: 'events@mail.example.com',
	organizerName: 'Events Team',
	attendees: '"Wang, Fang" <fang@example.com>, li.na@example.com\nBob Smith <bob@example.org>',
};

/** Runs the node with no credential at all: invitations need no U-Mail account. */
async function run(parameters: INodeParameters, options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {}) {
	const [out] = await runNode(new Umail(), { parameters: { ...base, ...parameters }, items: options.items, continueOnFail: options.continueOnFail });
	return out;
}

function fileOf(item: INodeExecutionData, field = 'data') {
	const binary = item.binary![field];
	const text = Buffer.from(binary.data, 'base64').toString('utf8');
	return { binary, text, ics: parseInvitation(text) };
}

describe('Calendar Invitation → Create', () => {
	test('needs no U-Mail credential: the node hides it for this resource only', () => {
		expect(new Umail().description.credentials).toEqual([
			{ name: 'umailApi', required: true, displayOptions: { hide: { resource: ['calendarInvitation'] } } },
		]);
	});

	test('an invitation in the default zone (Asia/Shanghai): METHOD:REQUEST, UTC times, organizer and named attendees', async () => {
		const [item] = await run({ additionalFields: { location: '上海 浦东, 3F; Room 301', description: 'Agenda:\n1. numbers\n2. plans, risks; owners', url: 'https://meet.example.com/q4' } });
		const { binary, text, ics } = fileOf(item);
		expect(binary).toMatchObject({ fileName: 'invite.ics', mimeType: 'text/calendar; method=REQUEST', fileExtension: 'ics' });
		expect(ics).toMatchObject({
			method: 'REQUEST',
			sequence: 0,
			status: 'CONFIRMED',
			summary: 'Product review; Q4, final',
			location: '上海 浦东, 3F; Room 301',
			description: 'Agenda:\n1. numbers\n2. plans, risks; owners',
			url: 'https://meet.example.com/q4',
			allDay: false,
			// 09:30 in Beijing (UTC+8, no daylight saving) is 01:30 UTC
			start: '2026-12-03T01:30:00.000Z',
			end: '2026-12-03T02:45:00.000Z',
			dtstart: 'DTSTART:20261203T013000Z',
		});
		expect(ics.prodId).toBe('-//n8n-nodes-umail//Calendar Invitation//EN');
		expect(Date.now() - Date.parse(ics.stamp)).toBeLessThan(60_000);
		expect(ics.organizer).toMatchObject({ email: 'events@mail.example.com', name: 'Events Team' });
		expect(ics.attendees).toEqual([
			{ email: 'fang@example.com', name: 'Wang, Fang', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'TRUE' },
			{ email: 'li.na@example.com', name: undefined, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'TRUE' },
			{ email: 'bob@example.org', name: 'Bob Smith', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'TRUE' },
		]);
		expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
		expect(item.json).toMatchObject({
			eventId: 'booking-2026-0042',
			uid: ics.uid,
			method: 'REQUEST',
			sequence: 0,
			timeZone: 'Asia/Shanghai',
			start: '2026-12-03T01:30:00.000Z',
			end: '2026-12-03T02:45:00.000Z',
			attendeeEmails: 'fang@example.com, li.na@example.com, bob@example.org',
			fileName: 'invite.ics',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test.each([
		// Berlin: CET (UTC+1) in winter, CEST (UTC+2) in summer
		['Europe/Berlin', '2026-12-03T09:30:00', '2026-12-03T08:30:00.000Z'],
		['Europe/Berlin', '2026-07-01T09:30:00', '2026-07-01T07:30:00.000Z'],
		// New York: EDT (UTC−4) until the first Sunday of November, then EST (UTC−5)
		['America/New_York', '2026-10-31 18:00', '2026-10-31T22:00:00.000Z'],
		['America/New_York', '2026-11-02 18:00', '2026-11-02T23:00:00.000Z'],
		['Asia/Kolkata', '2026-12-03 09:30', '2026-12-03T04:00:00.000Z'],
		['Pacific/Auckland', '2026-12-03 09:30', '2026-12-02T20:30:00.000Z'],
	])('wall time in %s: %s → %s', async (timeZone, start, expected) => {
		const end = new Date(Date.parse(expected) + 3600_000).toISOString();
		const [item] = await run({ timeZone, start, end: `${end.slice(0, 19)}Z` });
		const { ics } = fileOf(item);
		expect(ics.start).toBe(expected);
		expect(wallTime(ics.start, timeZone)).toBe(start.replace('T', ' ').slice(0, 16));
		expect(ics.end).toBe(end);
	});

	test('a time with its own offset is an instant, whatever the zone; a wall time in a skipped hour lands after the gap', async () => {
		const [withOffset] = await run({ timeZone: 'America/New_York', start: '2026-12-03T09:30:00+01:00', end: '2026-12-03T09:30:00Z' });
		expect(fileOf(withOffset).ics).toMatchObject({ start: '2026-12-03T08:30:00.000Z', end: '2026-12-03T09:30:00.000Z' });
		// Berlin skips 02:00–03:00 on 29 March 2026
		const [gap] = await run({ timeZone: 'Europe/Berlin', start: '2026-03-29 02:30', end: '2026-03-29 04:00' });
		expect(fileOf(gap).ics).toMatchObject({ start: '2026-03-29T01:30:00.000Z', end: '2026-03-29T02:00:00.000Z' });
		expect(wallTime('2026-03-29T01:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29 03:30');
	});

	test('all-day events: VALUE=DATE, End is the last day (DTEND the day after), no time zone shift', async () => {
		const [three] = await run({ allDay: true, timeZone: 'Pacific/Honolulu', start: '2026-12-24', end: '2026-12-26T23:00:00' });
		const { ics } = fileOf(three);
		expect(ics).toMatchObject({ allDay: true, start: '2026-12-24', end: '2026-12-27' });
		expect(ics.dtstart).toBe('DTSTART;VALUE=DATE:20261224');
		expect(ics.dtend).toBe('DTEND;VALUE=DATE:20261227');
		expect(three.json).toMatchObject({ allDay: true, start: '2026-12-24', end: '2026-12-26' });

		const [one] = await run({ allDay: true, start: '2026-12-31', end: '2026-12-31' });
		expect(fileOf(one).ics).toMatchObject({ start: '2026-12-31', end: '2027-01-01' });
	});

	test('updates and the cancellation keep the UID of the event id; SEQUENCE as given; CANCEL marks the event cancelled', async () => {
		const [invite] = await run({});
		const [update] = await run({ sequence: 1, start: '2026-12-03T14:00:00', end: '2026-12-03T15:00:00' });
		const [cancel] = await run({ method: 'CANCEL', sequence: 2 });
		const [other] = await run({ eventId: 'booking-2026-0043' });
		const [a, b, c, d] = [invite, update, cancel, other].map((item) => fileOf(item));
		expect(a.ics.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(b.ics.uid).toBe(a.ics.uid);
		expect(c.ics.uid).toBe(a.ics.uid);
		expect(d.ics.uid).not.toBe(a.ics.uid);
		// the user's id is not shown to the recipients
		expect(a.text).not.toContain('booking-2026-0042');
		expect([a, b, c].map((f) => [f.ics.method, f.ics.sequence, f.ics.status])).toEqual([
			['REQUEST', 0, 'CONFIRMED'],
			['REQUEST', 1, 'CONFIRMED'],
			['CANCEL', 2, 'CANCELLED'],
		]);
		expect(b.ics.start).toBe('2026-12-03T06:00:00.000Z');
		expect(c.binary).toMatchObject({ fileName: 'cancel.ics', mimeType: 'text/calendar; method=CANCEL' });
		expect(c.ics.attendees.map((p) => p.email)).toEqual(a.ics.attendees.map((p) => p.email));
	});

	test('attendees: optional ones, no RSVP, duplicates once, an array of { email, name } from an expression, own file name and field', async () => {
		const [item] = await run({
			attendees: '={{ [{ email: "fang@example.com", name: "Wang Fang" }, "Li Na <li.na@example.com>", { email: "FANG@example.com" }] }}',
			binaryPropertyName: 'invite',
			organizerName: 'Events "Q4"\nTeam',
			additionalFields: { optionalAttendees: 'li.na@example.com; Chen Jie <chen.jie@example.com>', rsvp: false, fileName: 'review.ics' },
		});
		const { binary, ics } = fileOf(item, 'invite');
		expect(binary.fileName).toBe('review.ics');
		// a parameter value cannot hold quotes or line breaks
		expect(ics.organizer.name).toBe('Events Q4 Team');
		expect(ics.attendees).toEqual([
			{ email: 'fang@example.com', name: 'Wang Fang', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'FALSE' },
			{ email: 'li.na@example.com', name: 'Li Na', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'FALSE' },
			{ email: 'chen.jie@example.com', name: 'Chen Jie', role: 'OPT-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'FALSE' },
		]);
	});

	test('long text is folded at 75 octets without splitting a character, and reads back whole', async () => {
		const description = '会议议程：'.repeat(40) + ' end';
		const [item] = await run({ summary: '年度评审会议'.repeat(8), additionalFields: { description } });
		const { text, ics } = fileOf(item);
		expect(text).toMatch(/\r\n /);
		expect(ics.description).toBe(description);
		expect(ics.summary).toBe('年度评审会议'.repeat(8));
	});

	test.each([
		[{ timeZone: 'Mars/Olympus' }, /Item 1: "Time Zone" is not an IANA time zone name such as Europe\/Berlin: "Mars\/Olympus"/],
		[{ end: '2026-12-03T09:00:00' }, /Item 1: "End" must be after Start \(2026-12-03T01:30:00.000Z\)/],
		[{ allDay: true, start: '2026-12-03', end: '2026-12-02' }, /Item 1: "End" must be on or after the Start day/],
		[{ start: '03.12.2026 09:30' }, /Item 1: "Start" must be a date and time such as 2026-12-03 09:30, got "03.12.2026 09:30"/],
		[{ start: '2026-02-30 09:30' }, /Item 1: "Start" is not a real date and time: "2026-02-30 09:30"/],
		[{ attendees: 'fang@example.com, not an address' }, /Item 1: "Attendees" has an entry that is not an email address: "not an address"/],
		[{ attendees: '' }, /Item 1: "Attendees" is required/],
		[{ organizerEmail: 'events' }, /Item 1: "Organizer Email" is not a valid email address: "events"/],
		[{ eventId: ' ' }, /Item 1: "Event ID" is required/],
		[{ sequence: -1 }, /Item 1: "Sequence" must be at least 0/],
	])('bad input %j fails with the item and the field', async (parameters, message) => {
		await expect(run(parameters as IDataObject as INodeParameters)).rejects.toThrow(message);
	});

	test('every input item gets its own file; with Continue On Fail a bad item becomes an error item', async () => {
		const items = [{ json: { id: 'a', tz: 'Europe/London' } }, { json: { id: 'b', tz: 'Nowhere/Else' } }, { json: { id: 'c', tz: 'Asia/Tokyo' } }];
		const out = await run({ eventId: '={{ $json.id }}', timeZone: '={{ $json.tz }}' }, { items, continueOnFail: true });
		expect(out).toHaveLength(3);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[1].json.error).toMatch(/Item 2: "Time Zone" is not an IANA time zone name/);
		expect(out[1].binary).toBeUndefined();
		expect(fileOf(out[0]).ics.start).toBe('2026-12-03T09:30:00.000Z');
		expect(fileOf(out[2]).ics.start).toBe('2026-12-03T00:30:00.000Z');
		expect(fileOf(out[0]).ics.uid).not.toBe(fileOf(out[2]).ics.uid);
	});
});
