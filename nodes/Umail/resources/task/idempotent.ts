import type { IDataObject } from 'n8n-workflow';

import type { IdempotentDef } from '../../shared/idempotency';
import { listAt, resultOf } from '../../shared/outputs';
import type { Scalar } from '../../shared/transport';
import { TASK_LISTS, taskRecord } from './shared';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());
const idSet = (values: unknown[]) => [...new Set(values.map(text))].sort().join(',');
const rows = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);

/** U-Mail gives the sender as a type and an address or domain (§6.1); add-task takes send_account / send_domain */
function sameSender(task: IDataObject, form: Record<string, Scalar>): boolean {
	const account = text(form.send_account).toLowerCase();
	const domain = text(form.send_domain).toLowerCase();
	const type = text(task.acct_type);
	if (account !== 'all') return type === 'address' && (text(task.acct_address) || text(task.sender)).toLowerCase() === account;
	if (domain === '' || domain === 'all') return type === 'all';
	return type === 'domain' && text(task.acct_domain).toLowerCase() === domain;
}

/** Beijing time `YYYY-MM-DD HH:mm[:ss]` → ms */
function beijingMs(value: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(value);
	if (!match) return undefined;
	const [year, month, day, hour, minute] = match.slice(1).map(Number);
	return Date.UTC(year, month - 1, day, hour - 8, minute);
}

/**
 * What U-Mail keeps of a send task (§6.1) and so what makes two tasks the same campaign: templates, contact lists,
 * sender, sender name, send time (to the minute) and the reply-to when one is given. A cancelled task is not one.
 */
export const taskIdempotency: IdempotentDef = {
	creates: 'add-task',
	find: (request, id) => ({
		endpoint: 'task.php',
		do: 'task-list',
		qs: id ? { id } : { date: text(request.form?.time).slice(0, 10), send_status: 'all' },
		lists: TASK_LISTS,
	}),
	records: (body) => listAt(body, 'task_list.task').map(taskRecord),
	alive: (task) => text(task.send_status ?? task.send_satus) !== '-3',
	same: (task, request) => {
		const form = request.form ?? {};
		return (
			taskIdempotency.alive(task) &&
			idSet(rows(task.templates).map((t) => t.tpl_id)) === idSet(text(form.tpl_id).split(',')) &&
			idSet(rows(task.contact_lists).map((l) => l.list_id)) === idSet(text(form.maillist_id).split(',')) &&
			sameSender(task, form) &&
			text(task.sender_name) === text(form.send_fullname) &&
			text(task.send_time).slice(0, 16) === text(form.time) &&
			(form.send_replyto === undefined || text(task.replyto).toLowerCase() === text(form.send_replyto).toLowerCase())
		);
	},
	madeAt: (task) => beijingMs(text(task.send_time)),
	hold: (request) => (text(request.form?.status) === '-1' ? undefined : { ...request, form: { ...request.form, status: '-1' } }),
	start: (task, request) => {
		const form = request.form ?? {};
		const wanted = text(form.status) || '1';
		const status = text(task.send_status ?? task.send_satus);
		if (wanted === '-1' || (status !== '' && status !== '-1')) return undefined;
		// §6.3 may give fields it is not sent their defaults (sender all, no tracking): the ones add-task was sent go along
		const kept: Record<string, Scalar> = { send_account: form.send_account, send_domain: form.send_domain, send_qty: form.send_qty, track_status: form.track_status };
		return { endpoint: 'task.php', do: 'edit-task', method: 'POST', qs: { id: text(task.id) }, form: { ...kept, send_status: wanted } };
	},
	discard: (id) => ({ endpoint: 'task.php', do: 'del-task', qs: { id } }),
	idOf: (body) => text(resultOf(body).id),
	answerFor: (id) => ({ result: { status: 'success', id, data: `Send task ${id}, made by an earlier call with the same key` } }),
};
