import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { listAt, objectAt } from '../../Umail/shared/outputs';
import { umailRequest } from '../../Umail/shared/transport';
import { templateLocator } from '../../Umail/shared/fields';
import { keepOnly } from '../shared/cursor';
import { addLabels } from '../../Umail/shared/answers';
import { locatorValue } from '../shared/params';
import type { TriggerEvent } from './types';

/** template id → the update time whose check result was already seen */
export type CheckedTemplates = Record<string, string>;

async function checkStatus(fn: IPollFunctions, id: string): Promise<IDataObject> {
	const answer = await umailRequest.call(fn, { effect: 'read', endpoint: 'template.php', do: 'get-tpl-status', qs: { tpl_id: id } });
	return objectAt(answer.body, 'template');
}

/**
 * Template Check Finished (§5.3 get-tpl-status): a template is checked again whenever it is saved, so the cursor is the
 * update time whose result was seen. Watching every template: §5.4 list-tpl (one call) tells which templates were
 * updated since, and only those are asked for their status (one call each, until their check ends). One chosen
 * template: one call per poll.
 */
export const templateCheckFinished: TriggerEvent<CheckedTemplates> = {
	value: 'templateCheckFinished',
	name: 'Template Check Finished',
	cost: 'Cost per poll: 1 API call, plus 1 per template whose check is running or just ended.',
	description: 'The content check of a template ended: passed (green, yellow) or rejected (red)',
	properties: [
		{
			displayName: 'Watch',
			name: 'templateScope',
			type: 'options',
			options: [
				{ name: 'All Templates', value: 'all', description: 'One API call per poll, plus one per template being checked' },
				{ name: 'Chosen Template', value: 'chosen', description: 'One API call per poll' },
			],
			default: 'all',
		},
		{ ...templateLocator(), displayOptions: { show: { templateScope: ['chosen'] } } },
		{
			displayName: 'Result',
			name: 'result',
			type: 'options',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Passed', value: 'passed', description: 'Status 1: green, yellow or red_pass' },
				{ name: 'Rejected', value: 'rejected', description: 'Status 0: red' },
			],
			default: 'any',
			description: 'Fire only for this check result',
		},
	],
	scope: (fn) => [fn.getNodeParameter('templateScope', 'all'), fn.getNodeParameter('template', '')],
	async poll({ fn, sample }, state) {
		const known = state ?? {};
		let candidates: Array<{ id: string; updated?: string }>;
		if (fn.getNodeParameter('templateScope', 'all') === 'chosen') {
			candidates = [{ id: locatorValue(fn.getNodeParameter('template', '')) }];
		} else {
			const answer = await umailRequest.call(fn, { effect: 'read',
				endpoint: 'template.php',
				do: 'list-tpl',
				lists: ['template_list.template', 'template_list.template.subject', 'template_list.template.attachments.attachment'],
			});
			candidates = listAt(answer.body, 'template_list.template')
				.map((tpl) => ({ id: String(tpl.id), updated: String(tpl.updated ?? '') }))
				.sort((a, b) => Number(b.id) - Number(a.id));
		}
		const result = fn.getNodeParameter('result', 'any') as string;
		const next = keepOnly(known, candidates.map((candidate) => candidate.id));
		const items: IDataObject[] = [];
		for (const candidate of candidates) {
			// unchanged since its result was seen: no call
			if (candidate.updated !== undefined && known[candidate.id] === candidate.updated && !sample) continue;
			const status = await checkStatus(fn, candidate.id);
			const code = String(status.status ?? '');
			if (code === '-1' || code === '') continue; // still checking
			const updated = String(status.update_date ?? candidate.updated ?? '');
			if (known[candidate.id] === updated && !sample) continue;
			next[candidate.id] = updated;
			if ((result === 'passed' && code !== '1') || (result === 'rejected' && code !== '0')) continue;
			items.push(addLabels({ ...status, passed: code === '1' }, { status: 'templateCheck', size_status: 'sizeStatus' }));
			if (sample) break;
		}
		return { items: items.reverse(), state: next };
	},
};
