import { binaryPropertyOutField, exportFormatField, optionsField } from '../../shared/fields';
import { fileOfLines, rowsOfLines } from '../../shared/reports';
import type { OperationDef } from '../../shared/types';

/** §3.4 trackexport.php: a file whose format the reference leaves open; read as CSV/text lines, header when present. */
export const exportTrackedAddresses: OperationDef = {
	value: 'exportTrackedAddresses',
	effect: 'read',
	name: 'Export Tracked Addresses',
	action: 'Export the tracked addresses of a task',
	description: 'Export the recipients that opened (or clicked) a task, with their tracking data',
	properties: [
		{
			displayName: 'Tracking IDs',
			name: 'trackingIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 38282,38283',
			description:
				'The tracking ID(s) of the task: "tracking_ids" of Tracking → Get Overview (not the send ID). A task with several templates has several: separate them with commas.',
		},
		exportFormatField,
		binaryPropertyOutField,
		optionsField([
			{
				displayName: 'Clicked Only',
				name: 'clickedOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to export only the recipients who clicked a link',
			},
			{
				displayName: 'Email ID',
				name: 'emailId',
				type: 'string',
				default: '',
				description: 'Only this recipient ("email_id" of Get Opens)',
			},
			{
				displayName: 'Link ID',
				name: 'linkId',
				type: 'string',
				default: '',
				description: 'Only the recipients who clicked this link ("link_id" of Get Link Stats)',
			},
		]),
	],
	run: async (ctx) => {
		const trackingIds = ctx.p.list('trackingIds');
		if (trackingIds.length === 0) throw ctx.p.fail('trackingIds', 'is required');
		const bad = trackingIds.find((id) => !/^\d+$/.test(id));
		if (bad !== undefined) throw ctx.p.fail('trackingIds', `must hold numeric IDs separated by commas, got "${bad}"`);
		const options = ctx.p.collection('options');
		const answer = await ctx.call({
			endpoint: 'trackexport.php',
			qs: {
				track_id: trackingIds.join(','),
				is_click: options.clickedOnly === true ? 1 : undefined,
				link_id: options.linkId as string | undefined,
				email_id: options.emailId as string | undefined,
			},
			answer: 'text',
		});
		const lines = answer.body as string[];
		const fileName = `tracked-${trackingIds.join('_')}.csv`;
		if (ctx.p.string('output', { fallback: 'items' }) === 'file') return await fileOfLines(ctx, lines, fileName);
		return rowsOfLines(lines, ['email']);
	},
};
