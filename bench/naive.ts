/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-deprecated-workflow-functions -- runs in Node, not in n8n (README: Linting) */
/**
 * "The naive n8n way", emulated faithfully for what the benchmark exercises (n8n-nodes-base is not a dependency):
 *
 * - HttpRequestLike: the HTTP Request node (v4, Basic Auth as generic credential, no Batching option). Per item it
 *   resolves its parameters (expressions included), builds a request with `this.helpers.request` (n8n's legacy request,
 *   as the node does) and pushes the promise; only after the loop does it await them all with Promise.allSettled, so
 *   every item's request is in flight at once. Responses are auto-detected: text (XML is text to it) → `{ data }`.
 * - XmlLike: the XML node, mode "XML to JSON" with its defaults: xml2js `Parser({ mergeAttrs: true,
 *   explicitArray: false })` on the whole `data` string of each item, one item out per item in.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Parser } = require('xml2js') as { Parser: new (options: object) => { parseStringPromise(text: string): Promise<unknown> } };

const base = {
	version: 1,
	defaults: { name: 'Naive' },
	inputs: ['main'],
	outputs: ['main'],
	group: ['transform'],
	description: '',
} as unknown as INodeTypeDescription;

export class HttpRequestLike implements INodeType {
	description = {
		...base,
		displayName: 'HTTP Request (emulated)',
		name: 'httpRequestLike',
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'User', name: 'user', type: 'string', default: '' },
			{ displayName: 'Password', name: 'password', type: 'string', default: '' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '{}' },
		],
	} as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const promises: Array<Promise<unknown>> = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const method = this.getNodeParameter('method', itemIndex) as string;
			const url = (this.getNodeParameter('url', itemIndex) as string).trim();
			const body = this.getNodeParameter('body', itemIndex) as IDataObject | string;
			const form = typeof body === 'string' ? (JSON.parse(body) as IDataObject) : body;
			const request = this.helpers.request({
				method,
				uri: url,
				gzip: true,
				rejectUnauthorized: true,
				followRedirect: true,
				followAllRedirects: method === 'GET',
				resolveWithFullResponse: true,
				timeout: 300_000,
				auth: { user: this.getNodeParameter('user', itemIndex) as string, pass: this.getNodeParameter('password', itemIndex) as string },
				...(method === 'GET' ? {} : { form }),
				encoding: null,
			} as never) as Promise<unknown>;
			request.catch(() => {});
			promises.push(request);
		}
		const settled = await Promise.allSettled(promises);
		const out: INodeExecutionData[] = [];
		settled.forEach((result, itemIndex) => {
			if (result.status === 'rejected') throw result.reason;
			const response = result.value as { body: Buffer | string; headers: IDataObject };
			// auto-detect: not JSON, not a binary type → text
			const text = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : String(response.body);
			out.push({ json: { data: text }, pairedItem: { item: itemIndex } });
		});
		return [out];
	}
}

export class XmlLike implements INodeType {
	description = {
		...base,
		displayName: 'XML (emulated)',
		name: 'xmlLike',
		properties: [{ displayName: 'Property Name', name: 'dataPropertyName', type: 'string', default: 'data' }],
	} as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const property = this.getNodeParameter('dataPropertyName', itemIndex) as string;
			const parser = new Parser({ mergeAttrs: true, explicitArray: false });
			const json = (await parser.parseStringPromise(items[itemIndex].json[property] as string)) as IDataObject;
			out.push({ json, pairedItem: { item: itemIndex } });
		}
		return [out];
	}
}
