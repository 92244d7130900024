import type { ResourceDef } from '../../shared/types';

export const template: ResourceDef = {
	value: 'template',
	name: 'Template',
	description: 'Email templates (content, subjects, attachments) and their spam check',
	defaultOperation: 'create',
	operations: [],
};
