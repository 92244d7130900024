import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type JsonObject,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { RESOURCES } from '../resources';
import { addLabels } from '../shared/answers';
import { guardCreate } from '../shared/idempotency';
import { limitOf } from '../shared/outputs';
import { Params } from '../shared/params';
import { readSuppression, Suppression } from '../shared/suppression';
import { capForModel, isAiTool } from '../shared/tool';
import { umailRequest, type UmailRequest } from '../shared/transport';
import type { ItemContext, OperationDef, OperationResult } from '../shared/types';

/** the value of the entry n8n itself adds to the Resource and Operation lists */
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

export function findOperation(resource: string, operation: string): OperationDef | undefined {
	return RESOURCES.find((entry) => entry.value === resource)?.operations.find((op) => op.value === operation);
}

function hasParameter(op: OperationDef, name: string): boolean {
	return op.properties.some((property) => property.name === name);
}

async function readPages(op: OperationDef, ctx: ItemContext): Promise<IDataObject[]> {
	const pageSize = op.paging!.pageSize;
	const wanted = limitOf(ctx.p) ?? Infinity;
	if (wanted === Infinity && op.paging!.wholeForAll) {
		const answer = await ctx.call(op.request!(ctx.p));
		return toArray(op.output!(answer.body, ctx.p));
	}
	// the API counts pages as (page - 1) × limit, so the limit must stay the same on every page
	const limit = Math.min(pageSize, wanted);
	const records: IDataObject[] = [];
	for (let page = 1; records.length < wanted; page++) {
		const answer = await ctx.call(op.request!(ctx.p, { page, limit }));
		const batch = toArray(op.output!(answer.body, ctx.p));
		records.push(...batch);
		// a short page is the last one
		if (batch.length < limit) break;
	}
	return records.slice(0, wanted);
}

function toArray(result: IDataObject | IDataObject[]): IDataObject[] {
	return Array.isArray(result) ? result : [result];
}

/** Limit is checked before any request, also where it is applied to an answer that holds everything (e.g. §4.1). */
function checkLimit(op: OperationDef, p: Params): void {
	const limit = op.properties.find((property) => property.name === 'limit');
	if (!limit || !hasParameter(op, 'returnAll') || p.boolean('returnAll')) return;
	const max = limit.typeOptions?.maxValue;
	p.number('limit', { min: 1, max: typeof max === 'number' ? max : undefined, fallback: 50 });
}

async function runOne(op: OperationDef, ctx: ItemContext): Promise<OperationResult> {
	checkLimit(op, ctx.p);
	if (op.run) return await op.run(ctx);
	if (op.paging) return await readPages(op, ctx);
	const answer = await ctx.call(op.request!(ctx.p));
	return op.output ? op.output(answer.body, ctx.p) : { success: true };
}

function wantsSimplify(op: OperationDef, p: Params): boolean {
	return Boolean(op.simplify) && hasParameter(op, 'simplify') && p.boolean('simplify', true);
}

function shape(op: OperationDef, simplify: boolean, record: IDataObject): IDataObject {
	addLabels(record, op.labels);
	if (simplify && op.simplify) {
		const slim: IDataObject = {};
		for (const key of op.simplify) {
			if (key in record) slim[key] = record[key];
			if (`${key}_label` in record) slim[`${key}_label`] = record[`${key}_label`];
		}
		return slim;
	}
	return record;
}

/** Only `error`, `message` and `details` keys: n8n sends such items to the error output when the node has one. */
function errorJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeApiError).description;
	if (description) json.details = description;
	return json;
}

/** Runs the selected operation for every input item: one result (or several) per item, each paired to it. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = findOperation(resource, operation);
	if (!op && [resource, operation].includes(CUSTOM_API_CALL)) {
		throw new NodeOperationError(this.getNode(), 'Custom API Call is not an operation of this node', {
			description: 'n8n adds it to every node whose credential signs requests: use an HTTP Request node with the "U-Mail API" credential type',
		});
	}
	if (!op) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not known`);
	// errors name the operation as the editor shows it, with the endpoint for support
	const label = `${RESOURCES.find((entry) => entry.value === resource)!.name} → ${op.name}`;
	const call = async (request: UmailRequest, itemIndex?: number) => await umailRequest.call(this, { label, effect: op.effect, answerSize: op.answerSize, ...request }, itemIndex);

	if (op.runBatch) {
		const params = (itemIndex: number) => new Params(this, itemIndex, op.properties);
		const suppression =
			op.suppression && items.length > 0 ? new Suppression(async (request) => await call(request, 0), readSuppression(params(0))) : undefined;
		return [await op.runBatch({ fn: this, items, params, call, suppression })];
	}

	const out: INodeExecutionData[] = [];
	const forModel = isAiTool(this);
	// keys already made in this run: a second item with the same key gets the first one's record
	const seen = new Map<string, IDataObject>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		try {
			const p = new Params(this, itemIndex, op.properties);
			const itemCall = async (request: UmailRequest) => await call(request, itemIndex);
			const guard = op.idempotent && guardCreate(op.idempotent, p, itemCall, () => this.getWorkflowStaticData('node'), seen);
			const ctx: ItemContext = { fn: this, itemIndex, p, call: guard ? guard.call : itemCall };
			const result = await runOne(op, ctx);
			if (guard && !('items' in result)) for (const record of toArray(result as IDataObject | IDataObject[])) guard.mark(record);
			const results: INodeExecutionData[] = [];
			if ('items' in result && Array.isArray(result.items)) {
				for (const item of result.items as INodeExecutionData[]) results.push({ ...item, pairedItem });
			} else {
				// read once per item: list answers can hold 100,000 records
				const simplify = wantsSimplify(op, p);
				for (const record of toArray(result as IDataObject | IDataObject[])) {
					results.push({ json: shape(op, simplify, record), pairedItem });
				}
			}
			// a loop, not push(...): a spread of 1,000,000 records overflows the call stack
			for (const item of forModel ? capForModel(results) : results) out.push(item);
		} catch (error) {
			if (this.continueOnFail()) {
				out.push({ json: errorJson(error as Error), pairedItem });
				continue;
			}
			if (error instanceof NodeApiError) {
				error.context.itemIndex ??= itemIndex;
				// wrapping a NodeApiError hands back the same error
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			}
			// wraps other errors with the item; a NodeOperationError comes back as it is
			const wrapped = new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			wrapped.context.itemIndex ??= itemIndex;
			throw wrapped;
		}
	}
	return [out];
}
