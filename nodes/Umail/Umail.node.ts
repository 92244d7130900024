import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { describeResources } from './actions/describe';
import { route } from './actions/router';
import { listSearch } from './methods/listSearch';
import { RESOURCES } from './resources';
import { getContactColumns } from './shared/sync/columns';
import type { ResourceDef } from './shared/types';

/** The canvas subtitle in the names the editor shows ("Add Many: Address"), not the values ("addMany: address"). */
export function subtitleOf(resources: ResourceDef[]): string {
	const names: Record<string, string> = {};
	for (const resource of resources) {
		for (const op of resource.operations) names[`${resource.value}:${op.value}`] = `${op.name}: ${resource.name}`;
	}
	// the one pair not listed is n8n's own Custom API Call (injected because the credential authenticates requests)
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? "Custom API Call" }}`;
}

export class Umail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'U-Mail',
		name: 'umail',
		icon: { light: 'file:umail.svg', dark: 'file:umail.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: subtitleOf(RESOURCES),
		description: 'Run bulk-mail campaigns with U-Mail EDM (bestedm.net): lists, addresses, templates, send tasks, tracking',
		defaults: { name: 'U-Mail' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// invitations are built locally: no U-Mail account needed
		credentials: [{ name: 'umailApi', required: true, displayOptions: { hide: { resource: ['calendarInvitation'] } } }],
		properties: describeResources(RESOURCES),
	};

	methods = { listSearch, resourceMapping: { getContactColumns } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
