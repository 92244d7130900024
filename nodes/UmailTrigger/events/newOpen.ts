import { trackingEvent } from '../shared/trackingEvent';

/** New Open: one item per recipient's first open (§3.2 open-detail, one row per opener). Cursor: open_first per task. */
export const newOpen = trackingEvent({
	value: 'newOpen',
	name: 'New Open',
	description: 'A recipient opened a tracked email for the first time',
	level: 1,
	do: 'open-detail',
	counters: ['open_unique', 'open_last'],
	list: 'data.user',
	at: (user) => String(user.open_first ?? ''),
	key: (user) => String(user.email_id || user.email),
});
