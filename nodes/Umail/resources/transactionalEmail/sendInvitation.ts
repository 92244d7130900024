import type { OperationDef } from '../../shared/types';
import { calendarFields as f, sendCalendar } from './calendar';

/** §10.4–§10.6: a meeting request (text/calendar; method=REQUEST); the same UID again updates the event */
export const sendInvitation: OperationDef = {
	value: 'sendInvitation',
	name: 'Send Calendar Invitation',
	action: 'Send a calendar invitation',
	description: 'Invite attendees to an event, or update one sent before (same Event UID)',
	properties: [
		...f.from,
		f.attendees,
		{ ...f.summary, required: true },
		{ ...f.start, required: true },
		{ ...f.end, required: true },
		{ ...f.uid, description: `${f.uid.description}. Empty makes a new one, returned in the output.` },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [f.description, f.html, f.location, f.text, f.organizerEmail, f.organizerName, f.sequence, f.subject, f.timeZone],
		},
	],
	run: async (ctx) =>
		await sendCalendar(ctx, {
			method: 'REQUEST',
			options: ctx.p.collection('options'),
			uid: ctx.p.string('eventUid'),
			summary: ctx.p.required('summary'),
			start: ctx.p.raw('start') || undefined,
			end: ctx.p.raw('end') || undefined,
			defaultSubject: (summary) => `Invitation: ${summary}`,
		}),
};
