import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { splitColumns } from './answers';
import { labelOf } from './codes';
import { listAt } from './outputs';
import type { Params } from './params';
import type { UmailAnswer, UmailRequest } from './transport';

/**
 * Suppression: addresses an operation never adds. An operation declares it honours suppression (OperationDef
 * `suppression`) and shows `suppressionFields`; the router builds one Suppression per run from them, and the
 * operation asks it before sending. Sources: this list's unsubscribes (§4.6), every list's unsubscribes (§4.1 + §4.6),
 * hard failures of the last N days (§2.3.2 by date).
 */

export type SuppressionSource = 'thisList' | 'anyList' | 'hardFailures';

export interface SuppressionSettings {
	sources: SuppressionSource[];
	days: number;
}

export interface SuppressionReason extends IDataObject {
	reason: 'unsubscribed' | 'unsubscribedFromOtherList' | 'hardFailure';
	/** when it happened: the unsubscribe time, or the window of days a hard failure fell in */
	reasonDate: string;
	reasonDetail: string;
}

/** Failure types that say an address must not be mailed again: does not exist, blacklisted, complaint, invalid, format. */
export const HARD_FAILURE_TYPES = new Set(['1', '6', '7', '8', '9']);

export function suppressionFields(defaults: SuppressionSource[]): INodeProperties[] {
	return [
		{
			displayName: 'Keep Out',
			name: 'suppression',
			type: 'multiOptions',
			options: [
				{ name: 'Hard Failures', value: 'hardFailures', description: 'Addresses that failed hard (does not exist, blacklisted, complaint, invalid) within the window of days' },
				{ name: "This List's Unsubscribes", value: 'thisList', description: 'Addresses that unsubscribed from the contact list they would be added to (§4.6)' },
				{ name: 'Unsubscribes From Any List', value: 'anyList', description: 'Addresses that unsubscribed from any contact list of the account' },
			],
			default: [...defaults],
			description: 'Addresses never added: each such item is reported as skipped, with the reason and its date',
		},
		{
			displayName: 'Hard Failure Window (Days)',
			name: 'suppressionDays',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 365 },
			default: 30,
			description: 'How many days back a hard failure keeps an address out',
			displayOptions: { show: { suppression: ['hardFailures'] } },
		},
	];
}

export function readSuppression(p: Params): SuppressionSettings {
	const sources = (p.raw('suppression', []) as SuppressionSource[]) ?? [];
	const days = sources.includes('hardFailures') ? (p.number('suppressionDays', { min: 1, max: 365, fallback: 30 }) ?? 30) : 30;
	return { sources: [...sources], days };
}

/** a day in Beijing time, the API's clock */
function beijingDay(msAgo = 0): string {
	return new Date(Date.now() - msAgo + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Parallel §4.6 reads: a few at a time, so an account with hundreds of lists is not asked all at once. */
const READS_IN_FLIGHT = 4;

async function eachLimited<T>(list: T[], work: (entry: T) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < list.length) await work(list[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, list.length) }, worker));
}

export class Suppression {
	private readonly unsubscribed = new Map<string, Map<string, string>>();
	private elsewhere?: Map<string, { listId: string; time: string }>;
	private hard?: Map<string, string>;
	private window = '';
	/** lists whose unsubscribes could not be read (e.g. no such list): nothing may be added to them */
	readonly failedLists = new Map<string, Error>();
	/** requests sent to load the suppressions */
	calls = 0;

	constructor(
		private readonly request: (request: UmailRequest) => Promise<UmailAnswer>,
		readonly settings: SuppressionSettings,
	) {}

	get active(): boolean {
		return this.settings.sources.length > 0;
	}

	private async call(request: UmailRequest): Promise<UmailAnswer> {
		this.calls++;
		return await this.request({ ...request, effect: 'read' });
	}

	/** §4.6 for one list: lower-case email → unsubscribe time (the latest, when there are several). */
	private async unsubscribesOf(listId: string): Promise<Map<string, string>> {
		const known = this.unsubscribed.get(listId);
		if (known) return known;
		const answer = await this.call({ endpoint: 'mloperate.php', do: 'unsubscribe-export', qs: { id: listId }, answer: 'text' });
		const found = new Map<string, string>();
		for (const line of answer.body as string[]) {
			const row = splitColumns(line, ['time', 'email']);
			const email = String(row.email ?? '').toLowerCase();
			if (email) found.set(email, String(row.time ?? ''));
		}
		this.unsubscribed.set(listId, found);
		return found;
	}

	/** Reads what the settings ask for the given lists; unknown lists fail here, before any write. */
	async load(listIds: string[]): Promise<void> {
		const { sources } = this.settings;
		const lists = new Set(sources.includes('thisList') ? listIds : []);
		if (sources.includes('anyList')) {
			const answer = await this.call({ endpoint: 'mloperate.php', do: 'maillist-list', lists: ['maillist.item'] });
			for (const list of listAt(answer.body, 'maillist.item')) lists.add(String(list.id));
			for (const id of listIds) lists.add(id);
		}
		await eachLimited([...lists], async (listId) => {
			try {
				await this.unsubscribesOf(listId);
			} catch (error) {
				this.failedLists.set(listId, error as Error);
			}
		});
		if (sources.includes('anyList')) {
			this.elsewhere = new Map();
			for (const [listId, emails] of this.unsubscribed) {
				for (const [email, time] of emails) if (!this.elsewhere.has(email)) this.elsewhere.set(email, { listId, time });
			}
		}
		if (sources.includes('hardFailures')) await this.loadHardFailures();
	}

	private async loadHardFailures() {
		const from = beijingDay((this.settings.days - 1) * 86_400_000);
		const to = beijingDay();
		this.window = `${from}…${to}`;
		// type -1 (all) may be asked by date; types 1-3 alone would need a task (§2.3)
		const answer = await this.call({
			endpoint: 'failexportall.php',
			qs: { type: -1, date: from, date_end: to, out_type: 'json' },
			answer: 'json',
			stream: { records: '[]' },
		});
		this.hard = new Map();
		for (const entry of (Array.isArray(answer.body) ? answer.body : []) as IDataObject[]) {
			const type = String(entry?.type ?? '');
			const email = String(entry?.email ?? '').toLowerCase();
			if (email && HARD_FAILURE_TYPES.has(type) && !this.hard.has(email)) this.hard.set(email, type);
		}
	}

	/** Why `email` must not be added to `listId`, or undefined. */
	reasonFor(listId: string, email: string): SuppressionReason | undefined {
		const key = email.toLowerCase();
		const time = this.settings.sources.includes('thisList') ? this.unsubscribed.get(listId)?.get(key) : undefined;
		if (time !== undefined) return { reason: 'unsubscribed', reasonDate: time, reasonDetail: `Unsubscribed from this contact list on ${time}` };
		const other = this.elsewhere?.get(key);
		if (other) {
			const reason = other.listId === listId ? 'unsubscribed' : 'unsubscribedFromOtherList';
			return { reason, reasonDate: other.time, reasonDetail: `Unsubscribed from contact list ${other.listId} on ${other.time}` };
		}
		const type = this.hard?.get(key);
		if (type !== undefined) {
			return {
				reason: 'hardFailure',
				reasonDate: this.window,
				reasonDetail: `Failed hard (${labelOf('failureType', type) ?? type}, type ${type}) between ${this.window.replace('…', ' and ')}`,
			};
		}
		return undefined;
	}
}
