import type { INodeProperties } from 'n8n-workflow';

import type { ResourceDef } from '../shared/types';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** The node's properties: the resource selector, each resource's operation selector, each operation's fields. */
export function describeResources(all: ResourceDef[]): INodeProperties[] {
	const resources = all.filter((resource) => resource.operations.length > 0);
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources
				.map((resource) => ({ name: resource.name, value: resource.value, description: resource.description }))
				.sort(byName),
			default: 'contactList',
		},
	];
	for (const resource of resources) {
		const defaultOperation = resource.defaultOperation;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations
				.map((op) => ({ name: op.name, value: op.value, action: op.action, description: op.description }))
				.sort(byName),
			default: defaultOperation,
		});
	}
	for (const resource of resources) {
		for (const op of resource.operations) {
			for (const property of op.properties) {
				properties.push({
					...property,
					displayOptions: {
						...property.displayOptions,
						show: {
							...property.displayOptions?.show,
							resource: [resource.value],
							operation: [op.value],
						},
					},
				});
			}
		}
	}
	return properties;
}
