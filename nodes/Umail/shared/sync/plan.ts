import type { IDataObject } from 'n8n-workflow';

import type { AddEntry } from '../bulkAdd';
import { differences } from '../contacts';
import type { Suppression } from '../suppression';

/**
 * The diff of a sync, made locally from the input's contacts and the list's members (read once): what to add, what to
 * replace, what to remove, and each input item's action.
 */

export interface SyncOptions {
	contactListId: string;
	mirror: boolean;
	replace: boolean;
}

export interface Removal {
	id: string;
	email: string;
	/** the input item whose changed contact this removal makes room for (Replace), undefined for a Mirror removal */
	replacing?: number;
}

export interface Plan {
	/** one record per input item (undefined for items read as invalid or duplicate: already filled in) */
	results: IDataObject[];
	adds: AddEntry[];
	/** deletes that make room for a changed contact (Replace): sent before the adds */
	replaceDeletes: Removal[];
	/** members not in the input (Mirror): sent after the adds */
	removals: Removal[];
	differing: number;
	membersBefore: number;
}

export function makePlan(
	options: SyncOptions,
	wanted: AddEntry[],
	members: Map<string, IDataObject>,
	results: IDataObject[],
	suppression: Suppression | undefined,
): Plan {
	const plan: Plan = { results, adds: [], replaceDeletes: [], removals: [], differing: 0, membersBefore: members.size };
	const { contactListId } = options;
	const inInput = new Set<string>();
	for (const entry of wanted) {
		const { contact, index } = entry;
		const email = contact.email;
		const key = email.toLowerCase();
		inInput.add(key);
		const member = members.get(key);
		if (!member) {
			const kept = suppression?.reasonFor(contactListId, email);
			if (kept) results[index] = { email, contactListId, action: 'skipped', ...kept };
			else {
				results[index] = { email, contactListId, action: 'added' };
				plan.adds.push(entry);
			}
			continue;
		}
		const memberId = String(member.id ?? '');
		const changed = differences(contact, member);
		if (changed.length === 0) {
			results[index] = { email, contactListId, memberId, action: 'unchanged', reason: 'sameAsList' };
			continue;
		}
		plan.differing++;
		const differing = { email, contactListId, memberId, action: 'unchanged', reason: 'differs', differences: changed };
		// a changed contact that may not be added again stays as it is rather than being deleted for good
		const kept = options.replace ? suppression?.reasonFor(contactListId, email) : undefined;
		if (!options.replace) results[index] = differing;
		else if (kept) results[index] = { ...differing, notReplacedBecause: kept };
		else {
			results[index] = { email, contactListId, memberId, action: 'replaced', differences: changed };
			plan.replaceDeletes.push({ id: memberId, email, replacing: index });
			plan.adds.push(entry);
		}
	}
	if (options.mirror) {
		for (const [key, member] of members) {
			if (!inInput.has(key)) plan.removals.push({ id: String(member.id ?? ''), email: String(member.address ?? key) });
		}
	}
	return plan;
}

/** The removal guard: why a Mirror must not run, or undefined. */
export function guardProblem(
	plan: Plan,
	settings: { maxRemovalPercent: number; allowEmptyInput: boolean },
	validInput: number,
	contactListId: string,
): { message: string; description: string } | undefined {
	const going = plan.removals.length;
	if (validInput === 0 && !settings.allowEmptyInput) {
		return {
			message: `Mirror refuses an empty input: it would remove all ${going} member(s) of contact list ${contactListId}`,
			description:
				'No input item holds a valid contact. An empty or failed CRM export must not wipe the list. If the list really should be emptied, turn on Options → Allow Empty Input and raise Options → Max Removal (%) to 100.',
		};
	}
	if (going === 0 || plan.membersBefore === 0) return undefined;
	const share = (going / plan.membersBefore) * 100;
	if (share <= settings.maxRemovalPercent) return undefined;
	const needed = Math.ceil(share);
	return {
		message: `Mirror would remove ${going} of the ${plan.membersBefore} members of contact list ${contactListId} (${share.toFixed(1)} %), more than Max Removal (${settings.maxRemovalPercent} %)`,
		description: `Nothing was written. Check the input first (a Dry Run lists who would go). To allow it, raise Options → Max Removal (%) to at least ${needed}.`,
	};
}
