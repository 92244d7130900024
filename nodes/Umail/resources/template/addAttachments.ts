import { templateLocator } from '../../shared/fields';
import { succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';
import { attachmentsOf } from './shared';

/** §5.7 template.php?do=tpl-attachment-add (multipart `file` / `file[]`) */
export const addAttachments: OperationDef = {
	value: 'addAttachments',
	effect: 'write',
	name: 'Add Attachments',
	action: 'Add attachments to a template',
	description: 'Attach files from the input item to a template',
	properties: [
		templateLocator(),
		{
			displayName: 'Input Binary Fields',
			name: 'binaryPropertyNames',
			type: 'string',
			required: true,
			default: 'data',
			placeholder: 'e.g. data, invoice',
			hint: 'Names of the input binary fields holding the files, separated by commas',
		},
	],
	run: async (ctx) => {
		const id = ctx.p.id('template');
		const files = await attachmentsOf(ctx, 'binaryPropertyNames');
		if (!files.length) throw ctx.p.fail('binaryPropertyNames', 'is required: name at least one binary field');
		const answer = await ctx.call({
			endpoint: 'template.php',
			do: 'tpl-attachment-add',
			method: 'POST',
			qs: { tpl_id: id },
			files,
		});
		return succeeded(answer.body, { id, attachments: files.map((file) => file.fileName) });
	},
};
