import {
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	NodeConnectionTypes,
	NodeOperationError,
} from 'n8n-workflow';

import { listSearch } from '../Umail/methods/listSearch';
import { optionsField } from '../Umail/shared/fields';
import { EVENTS } from './events';
import type { TriggerEvent } from './events/types';
import { option } from './shared/params';

interface Saved {
	scope: string;
	state: unknown;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function costNotice(event: TriggerEvent<unknown>): INodeProperties {
	return { displayName: event.cost, name: `${event.value}Notice`, type: 'notice', default: '' };
}

function describeEvents(): INodeProperties[] {
	const events = [...EVENTS].sort(byName);
	const eventField: INodeProperties = {
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		options: events.map((event) => ({ name: event.name, value: event.value, description: event.description })),
		default: 'taskStatusChanged',
	};
	const fields = events.flatMap((event) =>
		[costNotice(event), ...event.properties].map((property) => ({
			...property,
			displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, event: [event.value] } },
		})),
	);
	const options = optionsField([
		{
			displayName: 'Emit Existing Events on First Poll',
			name: 'emitExisting',
			type: 'boolean',
			default: false,
			description:
				'Whether the first poll after activation emits what already exists. By default it only remembers it and emits nothing.',
		},
	]);
	return [eventField, ...fields, options];
}

/** The canvas subtitle: the event's name ("Task Completed"), not its value. */
function subtitleOf(): string {
	const names = Object.fromEntries(EVENTS.map((event) => [event.value, event.name]));
	return `={{ (${JSON.stringify(names)})[$parameter["event"]] }}`;
}

export class UmailTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'U-Mail Trigger',
		name: 'umailTrigger',
		icon: { light: 'file:umailTrigger.svg', dark: 'file:umailTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: subtitleOf(),
		// n8n's node panel shows a node and its trigger as one entry and gives it the trigger's description (the editor's
		// generateMergedNodesAndActions), above the actions too: so this one speaks for both nodes
		description:
			'Run U-Mail EDM (bestedm.net) bulk-mail campaigns and start workflows on their events: opens, clicks, failures, unsubscribes, task status',
		defaults: { name: 'U-Mail Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'umailApi', required: true }],
		properties: describeEvents(),
	};

	methods = {
		listSearch,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const value = this.getNodeParameter('event') as string;
		const event = EVENTS.find((candidate) => candidate.value === value) as TriggerEvent<unknown> | undefined;
		if (!event) throw new NodeOperationError(this.getNode(), `Unknown event "${value}"`);

		// the cursor of this event and scope; another event or scope starts afresh
		const staticData = this.getWorkflowStaticData('node');
		const scope = JSON.stringify(event.scope(this));
		const saved = staticData[event.value] as Saved | undefined;
		const state = saved?.scope === scope ? saved.state : undefined;

		// Fetch Test Event: the newest real event, and the cursor stays where it is
		if (this.getMode() === 'manual') {
			const { items } = await event.poll({ fn: this, sample: true }, undefined);
			const sample = items.at(-1);
			if (!sample) {
				throw new NodeOperationError(this.getNode(), `No ${event.name} event found to show as a sample`, {
					description: 'Check the event settings, or make the event happen once in U-Mail and fetch again',
				});
			}
			return [this.helpers.returnJsonArray([sample])];
		}

		// fetch since the cursor; any failure throws before the cursor moves, so the next poll reads the same events
		const { items, state: next } = await event.poll({ fn: this, sample: false }, state);
		for (const key of Object.keys(staticData)) if (key !== event.value) delete staticData[key];
		staticData[event.value] = JSON.parse(JSON.stringify({ scope, state: next })) as IDataObject;

		const firstPoll = state === undefined;
		if (firstPoll && !option(this, 'emitExisting', false)) return null;
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}
