import { type IDataObject, NodeOperationError, sleep } from 'n8n-workflow';

import { templateLocator } from '../../shared/fields';
import { objectAt } from '../../shared/outputs';
import type { ItemContext, OperationDef } from '../../shared/types';

const CHECKING = '-1';

async function readStatus(ctx: ItemContext, id: string): Promise<IDataObject> {
	const answer = await ctx.call({ endpoint: 'template.php', do: 'get-tpl-status', qs: { tpl_id: id } });
	const template = objectAt(answer.body, 'template');
	return { ...template, checked: String(template.status) !== CHECKING, usable: String(template.status) === '1' };
}

/** §5.3 template.php?do=get-tpl-status, optionally polled until the content check is over */
export const getCheckStatus: OperationDef = {
	value: 'getCheckStatus',
	effect: 'read',
	name: 'Get Check Status',
	action: 'Get the check status of a template',
	description: 'Whether a template passed the content check (needed before sending), its colour and size in KB',
	properties: [
		templateLocator(),
		{
			displayName: 'Wait for Check to Finish',
			name: 'waitForCheck',
			type: 'boolean',
			default: false,
			description: 'Whether to ask again until the check is over (status is no longer "checking"), e.g. before creating a send task',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWait',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 3600 },
			default: 180,
			description: 'Give up with an error when the check is still running after this long',
			displayOptions: { show: { waitForCheck: [true] } },
		},
		{
			displayName: 'Check Every (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 10,
			displayOptions: { show: { waitForCheck: [true] } },
		},
	],
	labels: { status: 'templateCheck', size_status: 'sizeStatus' },
	run: async (ctx) => {
		const { p } = ctx;
		const id = p.id('template');
		if (!p.boolean('waitForCheck')) return await readStatus(ctx, id);
		const maxWait = p.number('maxWait', { min: 1, max: 3600, fallback: 180 }) as number;
		const interval = p.number('pollInterval', { min: 1, max: 600, fallback: 10 }) as number;
		const started = Date.now();
		for (;;) {
			const status = await readStatus(ctx, id);
			if (status.checked) return status;
			const waited = Date.now() - started;
			if (waited + interval * 1000 > maxWait * 1000) {
				throw new NodeOperationError(
					ctx.fn.getNode(),
					`Item ${ctx.itemIndex + 1}: template ${id} is still being checked after ${Math.round(waited / 1000)} seconds`,
					{
						itemIndex: ctx.itemIndex,
						description: 'U-Mail checks new and edited templates before they can be sent. Raise "Max Wait (Seconds)" or try again later.',
					},
				);
			}
			await sleep(interval * 1000);
		}
	},
};
