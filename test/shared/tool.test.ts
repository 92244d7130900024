import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { TOOL_MAX_ITEMS, capForModel, isAiTool } from '../../nodes/Umail/shared/tool';

const items = (n: number): INodeExecutionData[] => Array.from({ length: n }, (_, i) => ({ json: { i }, pairedItem: { item: 0 } }));
const fnOf = (type: string) => ({ getNode: () => ({ type }) }) as unknown as IExecuteFunctions;

describe('tool answers for an AI agent', () => {
	test('the node knows it runs as a tool by its …Tool type', () => {
		expect(isAiTool(fnOf('n8n-nodes-umail.umailTool'))).toBe(true);
		expect(isAiTool(fnOf('n8n-nodes-umail.umail'))).toBe(false);
	});

	test('up to the cap, every item is handed on as it is', () => {
		const all = items(TOOL_MAX_ITEMS);
		expect(capForModel(all)).toBe(all);
	});

	test('past the cap: the first items and one note with the total and how to narrow', () => {
		const capped = capForModel(items(10_000));
		expect(capped).toHaveLength(TOOL_MAX_ITEMS + 1);
		expect(capped.slice(0, TOOL_MAX_ITEMS).map((item) => item.json.i)).toEqual([...Array(TOOL_MAX_ITEMS).keys()]);
		expect(capped[TOOL_MAX_ITEMS]).toEqual({
			json: {
				truncated: true,
				shown: TOOL_MAX_ITEMS,
				total: 10_000,
				note: `Only the first ${TOOL_MAX_ITEMS} of 10000 records are shown. Ask for fewer (Limit) or narrow the search (filters) to see others.`,
			},
			pairedItem: { item: 0 },
		});
	});
});
