// What the editor shows on the canvas under a node's name: n8n evaluates the node type's `subtitle` expression with the
// node's parameters (the editor's getNodeSubtitle → workflow.expression.getSimpleParameterValue, mode 'internal'); here
// through n8n-workflow's own Workflow and Expression.
import type { INode, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { Umail } from '../../../nodes/Umail/Umail.node';
import { RESOURCES } from '../../../nodes/Umail/resources';
import { EVENTS } from '../../../nodes/UmailTrigger/events';
import { UmailTrigger } from '../../../nodes/UmailTrigger/UmailTrigger.node';
import { createNodeTypes } from '../../helpers/n8n';

function subtitleOn(nodeType: INodeType, parameters: INode['parameters']): unknown {
	const node: INode = {
		id: '1',
		name: 'Node',
		type: `n8n-nodes-umail.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: createNodeTypes(nodeType) });
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle as string, 'internal', {});
}

test('the action node shows "<Operation>: <Resource>" in the names of the operation and resource lists', () => {
	const umail = new Umail();
	const shown = RESOURCES.flatMap((resource) =>
		resource.operations.map((op) => subtitleOn(umail, { resource: resource.value, operation: op.value })),
	);
	expect(shown).toHaveLength(60);
	expect(shown).toContain('Add Many: Address');
	expect(shown).toContain('Get Check Status: Template');
	const options = umail.description.properties.filter((p) => p.name === 'operation');
	const resourceNames = umail.description.properties.find((p) => p.name === 'resource')!.options as Array<{ name: string; value: string }>;
	const expected = options.flatMap((property) => {
		const resource = property.displayOptions!.show!.resource![0] as string;
		const resourceName = resourceNames.find((option) => option.value === resource)!.name;
		return (property.options as Array<{ name: string; value: string }>).map((op) => `${op.name}: ${resourceName}`);
	});
	expect([...shown].sort()).toEqual([...expected].sort());
});

test('the trigger shows the name of its event', () => {
	const trigger = new UmailTrigger();
	expect(subtitleOn(trigger, { event: 'taskCompleted' })).toBe('Task Completed');
	for (const event of EVENTS) expect(subtitleOn(trigger, { event: event.value })).toBe(event.name);
});

test('the node panel entry, which n8n gives the trigger description, speaks for both nodes', () => {
	// n8n's editor (workflows.store, generateMergedNodesAndActions) merges `umail` and `umailTrigger` into one entry
	// and sets its description to the trigger's: it must cover the actions as well as the events
	const { description } = new UmailTrigger().description;
	expect(description).toMatch(/campaigns/);
	expect(description).toMatch(/opens, clicks, failures, unsubscribes/);
});
