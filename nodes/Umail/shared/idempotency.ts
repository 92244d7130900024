import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { resultData } from './outputs';
import type { Params } from './params';
import type { UmailAnswer, UmailRequest } from './transport';

/**
 * An operation that takes an Idempotency Key declares what U-Mail keeps of the thing it creates; this module does the
 * rest for every such operation (the router wraps the item's calls with `guardCreate`).
 *
 * Why U-Mail decides and not n8n's deduplication store (measured in test/queue/idempotency.test.ts): the store is one
 * row of hashes per workflow, read and then rewritten with no lock, so two executions racing both pass, and it cannot
 * hold the first task's ID. U-Mail's own list (§6.1) is the truth for "was it made": IDs grow, so of two racing
 * creates the later one always sees the earlier one when it looks after its own create; the later one removes its own
 * (made held, so it never sent a mail) and answers with the earlier one. A create whose answer was lost is found the
 * same way by the retry.
 */
export interface IdempotentDef {
	/** the `do` of the request that creates */
	creates: string;
	/** the request that lists what may already be the same thing (same day, same campaign), or the one with `id` */
	find: (request: UmailRequest, id?: string) => UmailRequest;
	/** a record still counts (not cancelled) */
	alive: (record: IDataObject) => boolean;
	records: (body: unknown) => IDataObject[];
	/** whether a record is what the request asks for (what U-Mail keeps of it: the fingerprint) */
	same: (record: IDataObject, request: UmailRequest) => boolean;
	/** when it counts as made, in ms: the window of a record nobody remembers is measured from here */
	madeAt: (record: IDataObject) => number | undefined;
	/** the same request, made so that nothing goes out yet; undefined when it already holds */
	hold: (request: UmailRequest) => UmailRequest | undefined;
	/** starts a held record as the request wanted; undefined when it needs no start */
	start: (record: IDataObject, request: UmailRequest) => UmailRequest | undefined;
	/** removes a record this item made and lost the race with */
	discard: (id: string) => UmailRequest;
	/** the ID in the create's answer, and an answer like the create's for a record found */
	idOf: (body: unknown) => string;
	answerFor: (id: string) => unknown;
}

export const idempotencyFields: INodeProperties[] = [
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.body.eventId }}',
		description:
			"The upstream event's unique ID. The same key again inside the window creates nothing and returns the first one, marked duplicate. Empty: off.",
	},
	{
		displayName: 'Idempotency Options',
		name: 'idempotency',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { hide: { idempotencyKey: [''] } },
		options: [
			{
				displayName: 'Key Scope',
				name: 'scope',
				type: 'options',
				options: [
					{ name: 'This Workflow', value: 'workflow', description: 'Keys of this workflow are told apart: each key makes its own' },
					{
						name: 'Whole U-Mail Account',
						value: 'account',
						description: 'The same request from any workflow using this account is made once, whatever its key',
					},
				],
				default: 'workflow',
			},
			{
				displayName: 'Window (Hours)',
				name: 'windowHours',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 720 },
				default: 24,
				description: 'How long a key is kept: the same key after this makes a new one',
			},
		],
	},
];

interface Remembered {
	id: string;
	/** when this workflow first saw it: the window runs from here */
	at: number;
	/** when it was made, when this workflow made it */
	made?: number;
}

/** What one item's key makes of its calls, and what its output gets. */
export interface Guard {
	call(request: UmailRequest): Promise<UmailAnswer>;
	/** `duplicate` and `createdAt` for the output record */
	mark(record: IDataObject): void;
}

type Call = (request: UmailRequest) => Promise<UmailAnswer>;

const MEMORY = 'idempotencyKeys';

/** This workflow's memory of keys (node static data): the first ID and when it was made, pruned to the window. */
function memoryOf(staticData: IDataObject, windowMs: number, now: number): Record<string, Remembered> {
	const memory = (staticData[MEMORY] ??= {}) as Record<string, Remembered>;
	for (const [key, entry] of Object.entries(memory)) if (now - entry.at > windowMs) delete memory[key];
	return memory;
}

/** Wraps an item's calls when it has a key: the create goes through `create` below, every other call as it is. */
export function guardCreate(
	def: IdempotentDef,
	p: Params,
	call: Call,
	staticData: () => IDataObject,
	seen: Map<string, IDataObject>,
): Guard | undefined {
	const key = p.string('idempotencyKey')?.trim();
	if (!key) return undefined;
	const scope = p.string('idempotency.scope', { fallback: 'workflow' }) === 'account' ? 'account' : 'workflow';
	const windowMs = (p.number('idempotency.windowHours', { min: 1, max: 720, fallback: 24 }) ?? 24) * 3_600_000;
	const now = Date.now();
	const memory = memoryOf(staticData(), windowMs, now);
	let outcome: IDataObject = { duplicate: false };

	/** a record counts as the first one made for this key */
	const isOurs = (record: IDataObject, request: UmailRequest) => {
		if (!def.same(record, request)) return false;
		const id = String(record.id);
		const owner = Object.entries(memory).find(([, entry]) => entry.id === id)?.[0];
		if (owner !== undefined) return scope === 'account' || owner === key;
		// one nobody here remembers: made by a lost answer, a racer, or elsewhere; inside the window it is the same
		const made = def.madeAt(record);
		return made === undefined || now - made <= windowMs;
	};

	const adopt = async (record: IDataObject, request: UmailRequest): Promise<UmailAnswer> => {
		const id = String(record.id);
		const start = def.start(record, request);
		// a held one made by an attempt that did not finish: started as asked (starting twice changes nothing)
		if (start) await call(start);
		const made = memory[key]?.id === id ? memory[key].made : undefined;
		memory[key] ??= { id, at: now };
		outcome = { duplicate: true, createdAt: made === undefined ? null : new Date(made).toISOString() };
		return { body: def.answerFor(id), contentType: 'text/xml' };
	};

	const create = async (request: UmailRequest): Promise<UmailAnswer> => {
		const earlier = seen.get(key);
		if (earlier) {
			outcome = { duplicate: true, createdAt: earlier.createdAt };
			return { body: def.answerFor(String(earlier.id)), contentType: 'text/xml' };
		}
		const look = async (id?: string) => def.records((await call({ effect: 'read', ...def.find(request, id) })).body);
		// this workflow remembers the key: its task, even when the request changed since (a send time of "now")
		const remembered = memory[key];
		if (remembered) {
			const [record] = (await look(remembered.id)).filter((r) => String(r.id) === remembered.id && def.alive(r));
			if (record) return await adopt(record, request);
		}
		const before = await look();
		const first = before.filter((record) => isOurs(record, request)).sort(byId)[0];
		if (first) return await adopt(first, request);

		// a refusal throws here and nothing is kept: the key is not spent
		const held = def.hold(request);
		const answer = await call(held ?? request);
		const id = def.idOf(answer.body);
		const known = new Set(before.map((record) => String(record.id)));
		// racers: the same request made since we looked; the smallest ID was first, and everyone sees it
		const racers = (await look()).filter((record) => !known.has(String(record.id)) && def.same(record, request)).sort(byId);
		const winner = racers[0];
		if (winner && String(winner.id) !== id) {
			await call(def.discard(id));
			return await adopt(winner, request);
		}
		const mine = racers.find((record) => String(record.id) === id) ?? { id };
		const start = held ? def.start(mine, request) : undefined;
		if (start) await call(start);
		memory[key] = { id, at: now, made: now };
		outcome = { duplicate: false, createdAt: new Date(now).toISOString() };
		return answer;
	};

	return {
		call: async (request) => (request.do === def.creates ? await create(request) : await call(request)),
		mark(record) {
			Object.assign(record, outcome);
			if (!outcome.duplicate) seen.set(key, record);
		},
	};
}

const byId = (a: IDataObject, b: IDataObject) => Number(a.id) - Number(b.id);

/**
 * A create whose answer's `<data>` is the new ID and whose records need no start (contact lists, templates): only what
 * finds them, tells them apart and removes one is declared.
 */
export function plainCreate(def: Pick<IdempotentDef, 'creates' | 'find' | 'records' | 'same' | 'madeAt' | 'discard'>): IdempotentDef {
	return {
		...def,
		alive: () => true,
		hold: () => undefined,
		start: () => undefined,
		idOf: (body) => resultData(body),
		answerFor: (id) => ({ result: { status: 'success', data: id } }),
	};
}
