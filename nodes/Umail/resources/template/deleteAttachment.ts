import { templateLocator } from '../../shared/fields';
import { succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

/** §5.8 template.php?do=tpl-attachment-del: attachment_id defaults to `all` on the server, so it is always sent. */
export const deleteAttachment: OperationDef = {
	value: 'deleteAttachment',
	effect: 'write',
	name: 'Delete Attachment',
	action: 'Delete an attachment of a template',
	description: 'Delete one attachment of a template, or all of them',
	properties: [
		templateLocator(),
		{
			displayName: 'Delete',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'All Attachments', value: 'all', description: 'Remove every attachment of the template' },
				{ name: 'One Attachment', value: 'one', description: 'Remove the attachment with a given ID' },
			],
			default: 'one',
		},
		{
			displayName: 'Attachment ID',
			name: 'attachmentId',
			type: 'string',
			required: true,
			default: '',
			description: 'The attachment ID, as Get returns it under attachments',
			displayOptions: { show: { scope: ['one'] } },
		},
	],
	request: (p) => {
		const attachment = p.string('scope', { fallback: 'one' }) === 'all' ? 'all' : p.id('attachmentId');
		return {
			endpoint: 'template.php',
			do: 'tpl-attachment-del',
			qs: { tpl_id: p.id('template'), attachment_id: attachment },
		};
	},
	output: (body, p) =>
		succeeded(body, {
			id: p.id('template'),
			attachmentId: p.string('scope', { fallback: 'one' }) === 'all' ? 'all' : p.id('attachmentId'),
		}),
};
