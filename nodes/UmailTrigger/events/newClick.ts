import { trackingEvent } from '../shared/trackingEvent';

/**
 * New Click: one item per recipient and link, at its first click (§3.3 click-detail). Cursor: click_first per task;
 * the item id is email + link (the API's click_id is not documented as stable).
 */
export const newClick = trackingEvent({
	value: 'newClick',
	name: 'New Click',
	description: 'A recipient clicked a tracked link for the first time',
	level: 2,
	do: 'click-detail',
	counters: ['click_total', 'click_last'],
	list: 'data.click',
	at: (click) => String(click.click_first ?? ''),
	key: (click) => `${String(click.email)} ${String(click.link)}`,
});
