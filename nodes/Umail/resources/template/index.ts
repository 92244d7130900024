import type { ResourceDef } from '../../shared/types';
import { addAttachments } from './addAttachments';
import { create } from './create';
import { deleteTemplate } from './delete';
import { deleteAttachment } from './deleteAttachment';
import { get } from './get';
import { getCheckStatus } from './getCheckStatus';
import { getMany } from './getMany';
import { update } from './update';

export const template: ResourceDef = {
	value: 'template',
	name: 'Template',
	description: 'Email templates (content, subjects, attachments) and their spam check',
	defaultOperation: 'getMany',
	operations: [addAttachments, create, deleteTemplate, deleteAttachment, get, getCheckStatus, getMany, update],
};
