import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listAt } from '../shared/outputs';
import { umailRequest, type UmailRequest } from '../shared/transport';

type Entry = { name: string; value: string; description?: string };

function matches(entry: Entry, filter?: string): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return entry.name.toLowerCase().includes(needle) || entry.value.toLowerCase().includes(needle);
}

async function search(
	this: ILoadOptionsFunctions,
	request: UmailRequest,
	path: string,
	toEntry: (record: IDataObject) => Entry,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await umailRequest.call(this, { effect: 'read', ...request });
	const results = listAt(answer.body, path)
		.map(toEntry)
		.filter((entry) => matches(entry, filter));
	return { results };
}

const TASK_PAGE = 20;

const addressCount = (count: unknown) => `${Number(count ?? 0)} address${Number(count) === 1 ? '' : 'es'}`;

/** Searchable lists for the resource locators ("From List"). */
export const listSearch = {
	async searchContactLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await search.call(
			this,
			{ endpoint: 'mloperate.php', do: 'maillist-list', lists: ['maillist.item'] },
			'maillist.item',
			// n8n keeps the picked entry's name as the field's label, so a count there would go stale
			(list) => ({ name: String(list.subject), value: String(list.id), description: addressCount(list.count) }),
			filter,
		);
	},

	async searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await search.call(
			this,
			{ endpoint: 'template.php', do: 'list-tpl', lists: ['template_list.template'] },
			'template_list.template',
			(template) => ({ name: String(template.name), value: String(template.id) }),
			filter,
		);
	},

	/** Tasks come 20 a page at most (§6.1), so this one pages with n8n's pagination token. */
	async searchTasks(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = Number(paginationToken ?? 1) || 1;
		const answer = await umailRequest.call(this, { effect: 'read',
			endpoint: 'task.php',
			do: 'task-list',
			qs: { page, limit: TASK_PAGE },
			lists: ['task_list.task'],
		});
		const tasks = listAt(answer.body, 'task_list.task');
		const results = tasks
			.map((task) => ({
				name: `${String(task.id)} · ${String(task.tpl_name ?? task.subject ?? task.sender_name ?? '')} · ${String(task.send_time ?? '')}`,
				value: String(task.id),
			}))
			.filter((entry) => matches(entry, filter));
		return { results, paginationToken: tasks.length === TASK_PAGE ? String(page + 1) : undefined };
	},

	async searchDomains(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await search.call(
			this,
			{ endpoint: 'bs.php', do: 'domain-list', lists: ['domain_list.data'] },
			'domain_list.data',
			(domain) => ({
				name: String(domain.customer_id) === '0' ? `${String(domain.domain)} (system)` : String(domain.domain),
				value: String(domain.domain),
			}),
			filter,
		);
	},

	async searchMailboxes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const domain = this.getCurrentNodeParameter('domain', { extractValue: true }) as string | undefined;
		if (!domain) return { results: [] };
		return await search.call(
			this,
			{ endpoint: 'bs.php', do: 'mailbox-list', qs: { domain }, lists: ['mailbox_list.data'] },
			'mailbox_list.data',
			(mailbox) => ({ name: String(mailbox.mailbox), value: String(mailbox.mailbox) }),
			filter,
		);
	},

	async searchTrackingDomains(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		return await search.call(
			this,
			{ endpoint: 'trackdomain.php', do: 'overview', method: 'POST', lists: ['track_domain'], emptyOk: true },
			'track_domain',
			(domain) => ({
				name: String(domain.isdefault) === '1' ? `${String(domain.domain)} (default)` : String(domain.domain),
				value: String(domain.domain),
			}),
			filter,
		);
	},
};
