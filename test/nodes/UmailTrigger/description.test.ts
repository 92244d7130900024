import type { INodePropertyOptions } from 'n8n-workflow';

import { listSearch } from '../../../nodes/Umail/methods/listSearch';
import { Umail } from '../../../nodes/Umail/Umail.node';
import { UmailTrigger } from '../../../nodes/UmailTrigger/UmailTrigger.node';

const node = new UmailTrigger();
const { description } = node;

test('is a polling trigger with no inputs, not usable as a tool', () => {
	expect(description).toMatchObject({ name: 'umailTrigger', displayName: 'U-Mail Trigger', polling: true, inputs: [], group: ['trigger'] });
	expect(description.usableAsTool).toBeUndefined();
	// same credential and resource locator searches as the action node
	// (the action node hides it only for Calendar Invitation, which makes no API call)
	const names = (node: { description: { credentials?: Array<{ name: string; required?: boolean }> } }) =>
		node.description.credentials?.map(({ name, required }) => ({ name, required }));
	expect(names(node)).toEqual(names(new Umail()));
	expect(node.methods.listSearch).toBe(listSearch);
});

test('offers the nine events, sorted by name, each with its cost shown', () => {
	const event = description.properties.find((property) => property.name === 'event')!;
	const names = (event.options as INodePropertyOptions[]).map((option) => option.name);
	expect(names).toEqual([...names].sort());
	expect(names).toEqual([
		'Domain Verification Changed',
		'File Import Finished',
		'New Click',
		'New Failed Address',
		'New Open',
		'New Unsubscribe',
		'Task Completed',
		'Task Status Changed',
		'Template Check Finished',
	]);
	for (const option of event.options as INodePropertyOptions[]) {
		const notice = description.properties.find((property) => property.name === `${String(option.value)}Notice`);
		expect(notice).toMatchObject({ type: 'notice', displayOptions: { show: { event: [option.value] } } });
		expect(notice?.displayName).toMatch(/^Cost per poll: /);
	}
});
