import type { OperationDef } from '../../shared/types';
import { calendarFields as f, sendCalendar } from './calendar';

/** §10.4–§10.6: METHOD:CANCEL with the invitation's UID removes the event from the attendees' calendars */
export const cancelInvitation: OperationDef = {
	value: 'cancelInvitation',
	name: 'Cancel Calendar Invitation',
	action: 'Cancel a calendar invitation',
	description: 'Cancel an event sent before, identified by its Event UID',
	properties: [
		...f.from,
		f.attendees,
		{ ...f.uid, required: true },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				f.end,
				f.html,
				f.location,
				f.text,
				f.organizerEmail,
				f.organizerName,
				f.sequence,
				f.start,
				f.subject,
				{ ...f.summary, description: 'The event title, repeated for calendars that show it' },
				f.timeZone,
			],
		},
	],
	run: async (ctx) => {
		const options = ctx.p.collection('options');
		const summary = String(options.summary ?? '').trim() || undefined;
		return await sendCalendar(ctx, {
			method: 'CANCEL',
			options,
			uid: ctx.p.required('eventUid'),
			summary,
			start: options.start || undefined,
			end: options.end || undefined,
			defaultSubject: (title) => (title ? `Cancelled: ${title}` : 'Event cancelled'),
		});
	},
};
