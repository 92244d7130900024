import { additionalFieldsField } from '../../shared/fields';
import { resultData } from '../../shared/outputs';
import { idempotencyFields } from '../../shared/idempotency';
import type { OperationDef } from '../../shared/types';
import { attachmentsOf, encodingField, subjectsField, subjectsOf, textContentField } from './shared';
import { templateIdempotency } from './idempotent';

/** §5.2 template.php?do=add-tpl (multipart when attachments are sent) */
export const create: OperationDef = {
	value: 'create',
	effect: 'write',
	name: 'Create',
	action: 'Create a template',
	description: 'Upload a mail template, optionally with A/B subjects and attachments',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. November newsletter',
		},
		subjectsField(true),
		{
			displayName: 'Content (HTML)',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 8 },
			required: true,
			default: '',
			placeholder: '<html><body>…</body></html>',
		},
		additionalFieldsField([
			{
				displayName: 'Attachment Binary Fields',
				name: 'attachments',
				type: 'string',
				default: '',
				placeholder: 'e.g. data, invoice',
				description: 'Names of the input binary fields to attach, separated by commas',
			},
			encodingField,
			textContentField,
		]),
		...idempotencyFields,
	],
	idempotent: templateIdempotency,
	run: async (ctx) => {
		const { p } = ctx;
		const name = p.required('name');
		const subject = subjectsOf(p, 'subjects');
		if (!subject) throw p.fail('subjects', 'is required: add at least one subject');
		const content = p.required('content');
		const files = await attachmentsOf(ctx, 'additionalFields.attachments');
		const answer = await ctx.call({
			endpoint: 'template.php',
			do: 'add-tpl',
			method: 'POST',
			form: {
				name,
				subject,
				content,
				text_content: p.string('additionalFields.textContent'),
				encoding: p.string('additionalFields.encoding'),
			},
			files,
		});
		return {
			id: resultData(answer.body),
			name,
			subjects: subject.split('|'),
			attachments: files.map((file) => file.fileName),
		};
	},
};
