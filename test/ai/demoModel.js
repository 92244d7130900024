'use strict';
/*
 * A rule-based stand-in for a chat model, for the playground's AI campaign assistant (workflows/05): it understands a
 * few requests, calls that workflow's U-Mail tools and words an answer from what they return. Serve it with
 * startFakeModel({ respond: demoRespond }).
 */
const { conversation } = require('./fakeModel');

const HELP = [
	'I am the playground’s scripted demo model, not a real one. I understand:',
	'- "How did the last campaign do?" (or "… sent on 2026-11-30")',
	'- "Show my contact lists"',
	'- "Create a list called Spring leads with anna@example.com, ben@example.com"',
	'- "Schedule the Welcome template to the VIP list tomorrow at 9:00"',
].join('\n');

const call = (name, args) => ({ toolCalls: [{ name, arguments: args }] });
const say = (content) => ({ content });

/** 9:00 (or the time named) today or tomorrow, Beijing time, as an ISO instant with +08:00 */
function sendTimeOf(msg) {
	const [, hour = '9', minute = '00'] = /(\d{1,2})[:.](\d{2})/.exec(msg) || [];
	const day = new Date(Date.now() + 8 * 3600_000 + (/tomorrow/i.test(msg) ? 24 * 3600_000 : 0)).toISOString().slice(0, 10);
	return `${day}T${hour.padStart(2, '0')}:${minute}:00+08:00`;
}

/** the record whose name the message mentions (longest name first), e.g. "the VIP list" */
function mentioned(records, msg, field) {
	const named = records.filter((r) => r[field]).sort((a, b) => String(b[field]).length - String(a[field]).length);
	const words = (text) => String(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
	const lower = msg.toLowerCase();
	return named.find((r) => lower.includes(String(r[field]).toLowerCase())) || named.find((r) => words(r[field]).some((w) => lower.includes(w)));
}

function demoRespond(body) {
	const c = conversation(body);
	const msg = c.lastUser;
	const result = (name) => {
		const found = c.turn.filter((r) => r.name === name).at(-1);
		return found && JSON.parse(found.content);
	};
	const failed = (answer) => (Array.isArray(answer) && answer[0] && answer[0].error ? answer[0].error : undefined);
	const emails = msg.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) || [];

	if (/report|how did|result|stat/i.test(msg)) {
		const date = (/\d{4}-\d{2}-\d{2}/.exec(msg) || [''])[0];
		const tasks = result('Find_send_tasks');
		if (!tasks) return call('Find_send_tasks', { date });
		if (failed(tasks)) return say(`Finding the tasks failed: ${failed(tasks)}`);
		if (!tasks.length) return say(`No send task was found${date ? ` on ${date}` : ''}.`);
		const report = result('Campaign_report');
		// the newest task that has finished sending, else the newest
		const task = tasks.find((t) => String(t.send_status) === '3') || tasks[0];
		if (!report) return call('Campaign_report', { taskId: String(task.id) });
		if (failed(report)) return say(`The report failed: ${failed(report)}`);
		const r = report[0];
		return say(
			`Task ${r.id} (sent ${r.send_time}): ${r.sent} sent, ${r.delivered} delivered, ${r.failed} failed; ` +
				`${r.unique_opens} unique opens (${r.open_rate}%), ${r.unique_clicks} unique clicks (${r.click_rate}%); ${r.net_points} points used.`,
		);
	}
	if (/schedule|send/i.test(msg)) {
		const templates = result('Find_templates');
		if (!templates) return call('Find_templates', {});
		const lists = result('Find_contact_lists');
		if (!lists) return call('Find_contact_lists', {});
		const template = mentioned(templates, msg, 'name');
		const list = mentioned(lists, msg, 'subject');
		if (!template || !list) {
			return say(`Which template and which list? Templates: ${templates.map((t) => t.name).join(', ')}. Lists: ${lists.map((l) => l.subject).join(', ')}.`);
		}
		const task = result('Schedule_send_task');
		if (!task) return call('Schedule_send_task', { templateId: String(template.id), contactListId: String(list.id), senderName: 'Example News', sendTime: sendTimeOf(msg) });
		if (failed(task)) return say(`U-Mail refused the task: ${failed(task)}`);
		return say(`Send task ${task[0].id} is created on hold: "${template.name}" to "${list.subject}" at ${task[0].sendTime} Beijing time. Release it in U-Mail when you have checked it.`);
	}
	if (/create|new list/i.test(msg)) {
		const name = ((/(?:called|named)\s+"?([^",.]+?)"?(?:\s+with\b|[,.]|$)/i.exec(msg) || [])[1] || 'New leads').trim();
		const created = result('Create_contact_list');
		if (!created) return call('Create_contact_list', { name });
		if (failed(created)) return say(`Creating the list failed: ${failed(created)}`);
		const added = result('Add_subscribers');
		if (emails.length && !added) return call('Add_subscribers', { contactListId: String(created[0].id), subscribers: emails.join('\n') });
		if (failed(added)) return say(`The list ${created[0].id} is created, but adding the addresses failed: ${failed(added)}`);
		return say(`Created the contact list "${name}" (ID ${created[0].id})${emails.length ? ` with ${emails.length} address(es)` : ''}.`);
	}
	if (/lists?\b/i.test(msg)) {
		const lists = result('Find_contact_lists');
		if (!lists) return call('Find_contact_lists', {});
		return say(`Your contact lists: ${lists.map((l) => `${l.subject} (ID ${l.id}, ${l.count} addresses)`).join('; ')}.`);
	}
	return say(HELP);
}

module.exports = { demoRespond };
