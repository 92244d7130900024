import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Most items one tool call hands an AI agent. n8n puts every item a tool returns into the model's context as JSON, so
 * a list of 10,000 addresses would fill (and overflow) it; past this the agent gets a note instead of the rest.
 */
export const TOOL_MAX_ITEMS = 100;

/** n8n runs a usableAsTool node as its `…Tool` twin when an AI agent calls it. */
export function isAiTool(fn: IExecuteFunctions): boolean {
	return fn.getNode().type.endsWith('Tool');
}

/** The first TOOL_MAX_ITEMS items and, when there were more, one item telling the model so and how to narrow. */
export function capForModel(items: INodeExecutionData[]): INodeExecutionData[] {
	if (items.length <= TOOL_MAX_ITEMS) return items;
	const note: IDataObject = {
		truncated: true,
		shown: TOOL_MAX_ITEMS,
		total: items.length,
		note: `Only the first ${TOOL_MAX_ITEMS} of ${items.length} records are shown. Ask for fewer (Limit) or narrow the search (filters) to see others.`,
	};
	return [...items.slice(0, TOOL_MAX_ITEMS), { json: note, pairedItem: items[0].pairedItem }];
}
