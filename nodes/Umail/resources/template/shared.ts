import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Params } from '../../shared/params';
import type { UploadFile } from '../../shared/transport';
import type { ItemContext } from '../../shared/types';

/** The XML lists of template.php?do=list-tpl (§5.4), nested ones included. */
export const TEMPLATE_LISTS = [
	'template_list.template',
	'template_list.template.subject',
	'template_list.template.attachments.attachment',
] as const;

export const subjectsField = (required: boolean): INodeProperties => ({
	displayName: 'Subjects',
	name: 'subjects',
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Subject' },
	required,
	default: [],
	placeholder: 'e.g. November news',
	description: 'Subject lines. Two or more make an A/B test: U-Mail splits the recipients between them.',
});

export const encodingField: INodeProperties = {
	displayName: 'Encoding',
	name: 'encoding',
	type: 'options',
	options: [
		{ name: 'Base64', value: 'base64' },
		{ name: 'Quoted-Printable', value: 'quoted-printable' },
	],
	default: 'base64',
	description: 'Transfer encoding of the sent mail',
};

export const textContentField: INodeProperties = {
	displayName: 'Text Content',
	name: 'textContent',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description: 'Plain text shown by mail clients that cannot display the HTML content',
};

/** Subjects from a multi-value field or an expression: the API joins A/B subjects with `|`. */
export function subjectsOf(p: Params, name: string): string | undefined {
	const value = p.raw(name, []);
	const entries = (Array.isArray(value) ? value : [value])
		.flatMap((entry) => String(entry ?? '').split('|'))
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	return entries.length ? entries.join('|') : undefined;
}

/** Files from the input item's binary fields: one is sent as `file`, several as `file[]` (§5.2, §5.7). */
export async function attachmentsOf(ctx: ItemContext, name: string): Promise<UploadFile[]> {
	const properties = ctx.p.list(name);
	const field = properties.length > 1 ? 'file[]' : 'file';
	const files: UploadFile[] = [];
	for (const property of properties) {
		const meta = ctx.fn.helpers.assertBinaryData(ctx.itemIndex, property);
		const data = await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, property);
		files.push({ field, fileName: meta.fileName ?? property, data, mimeType: meta.mimeType });
	}
	return files;
}

/** One `<template>` of §5.4 with its subject and attachment lists flattened. */
export function templateRecord(template: IDataObject): IDataObject {
	const { subject, attachments, ...rest } = template;
	const attachmentList = ((attachments as IDataObject | undefined)?.attachment as IDataObject[] | undefined) ?? [];
	return {
		...rest,
		subjects: ((subject as IDataObject[] | undefined) ?? []).map((entry) => ({ id: entry.id, name: entry.name })),
		attachments: attachmentList.map((entry) => ({ id: entry.atta_id, name: entry.atta_name })),
	};
}
