import { type JsonObject, NodeApiError } from 'n8n-workflow';

import type { ItemContext } from '../../shared/types';

/** The reference does not name the status of the add-task limit (§6.2), so it is recognised by its words. */
const LIMIT_WORDS = /limit|frequen|too_?many|次数|100\s*次/i;

/** Turns the server's answer to the 101st add-task call of an hour into a message that says what happened. */
export function clarifyRateLimit(ctx: ItemContext, error: unknown): NodeApiError {
	if (!(error instanceof NodeApiError)) return new NodeApiError(ctx.fn.getNode(), error as JsonObject);
	const response = error.errorResponse ?? {};
	const status = String(response.status ?? '');
	const data = String(response.data ?? '');
	if (!LIMIT_WORDS.test(`${status} ${data}`)) return error;
	return new NodeApiError(
		ctx.fn.getNode(),
		{ ...response },
		{
			message: 'U-Mail allows at most 100 send tasks to be created an hour, and this limit is reached',
			description: `Wait before creating more tasks, or create fewer tasks with more contact lists each. Server answer: ${status}${data ? ` (${data})` : ''}`,
			itemIndex: ctx.itemIndex,
		},
	);
}
