import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { CodeTable } from './codes';
import type { IdempotentDef } from './idempotency';
import type { Params } from './params';
import type { Suppression } from './suppression';
import type { AnswerSize, Effect, UmailAnswer, UmailRequest } from './transport';

/** What an operation gets for one input item. */
export interface ItemContext {
	readonly fn: IExecuteFunctions;
	readonly itemIndex: number;
	readonly p: Params;
	/** sends a request through the one transport, errors tagged with this item */
	call(request: UmailRequest): Promise<UmailAnswer>;
}

/** What a batch operation (one that works across all input items, such as bulk add) gets. */
export interface BatchContext {
	readonly fn: IExecuteFunctions;
	readonly items: INodeExecutionData[];
	/** the parameter reader for item i */
	params(itemIndex: number): Params;
	call(request: UmailRequest, itemIndex?: number): Promise<UmailAnswer>;
	/** set for operations that declare `suppression`: the addresses they must not add, loaded on demand */
	suppression?: Suppression;
}

export interface PageRequest {
	page: number;
	limit: number;
}

export type OperationResult = IDataObject | IDataObject[] | { items: INodeExecutionData[] };

/**
 * One API operation as data: what the user fills in, what is sent, what comes back. The router does the rest
 * (validation messages, paging, labels, Simplify, pairedItem, Continue On Fail).
 */
export interface OperationDef {
	/** operation value, e.g. `getMany` */
	value: string;
	/** Title Case name shown in the operation list, e.g. `Get Many` */
	name: string;
	/** sentence case action, e.g. `Get many contact lists` */
	action: string;
	description: string;
	/**
	 * what the operation does to the account, declared once here: a `read` may be asked again after a 5xx or a network
	 * error, a `write` is sent once (the first attempt may have landed). Requests of compound operations may say
	 * otherwise for themselves (a write that reads first).
	 */
	effect: Effect;
	/** `small`: answers one record or a short list, bounded tighter than lists and exports (UmailRequest.answerSize) */
	answerSize?: AnswerSize;
	properties: INodeProperties[];
	/** the request for one item; `page` is set for paged list operations */
	request?: (p: Params, page?: PageRequest) => UmailRequest;
	/** the answer's body → output records */
	output?: (body: unknown, p: Params) => IDataObject | IDataObject[];
	/** list operations: the router adds Return All / Limit handling and asks page by page */
	paging?: {
		pageSize: number;
		/** Return All asks once without page/limit, which the API answers with every record (§4.7) */
		wholeForAll?: boolean;
	};
	/** coded fields of the output records and their code tables: adds `<field>_label` */
	labels?: Record<string, CodeTable>;
	/** with Simplify on, only these fields are kept */
	simplify?: string[];
	/**
	 * the operation adds addresses and honours suppression (its properties include suppressionFields): the router
	 * gives it a Suppression built from the first item's settings
	 */
	suppression?: boolean;
	/** compound operations (several calls, polling) */
	run?: (ctx: ItemContext) => Promise<OperationResult>;
	/** takes an Idempotency Key: what U-Mail keeps of what it creates (shared/idempotency.ts does the work) */
	idempotent?: IdempotentDef;
	/** operations that batch across all input items */
	runBatch?: (ctx: BatchContext) => Promise<INodeExecutionData[]>;
}

export interface ResourceDef {
	value: string;
	name: string;
	description: string;
	operations: OperationDef[];
	/** the operation selected by default */
	defaultOperation: string;
}
