/*
 * What the fake model answers in the AI-agent e2e, per scenario and step (the number of tool-calling turns so far):
 * the model reads the tool results it was sent and acts on them (picks the task, the template, the new list's id),
 * so a tool answer a model could not use breaks the run.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { conversation } = require('./fakeModel');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoRespond } = require('./demoModel');

import type { ScenarioName } from './agentWorkflow';

export interface ScriptContext {
	/** the day the demo newsletter went out (YYYY-MM-DD) */
	day: string;
	templateName: string;
	leads: Array<{ email: string; name: string }>;
	listName: string;
	/** the send time the model asks for, an ISO instant with an offset */
	sendTime: string;
	bigListId: string;
	existingListId: string;
}

type Reply = { content: string } | { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> };
type Conversation = { user: string; step: number; toolResults: Array<{ content: string }> };

const call = (name: string, args: Record<string, unknown>): Reply => ({ toolCalls: [{ name, arguments: args }] });
const parsed = (c: Conversation, index: number) => JSON.parse(c.toolResults[index].content);

const SCRIPTS: Record<ScenarioName, (c: Conversation, x: ScriptContext) => Reply> = {
	report(c, x) {
		if (c.step === 0) return call('Find_send_tasks', { date: x.day });
		if (c.step === 1) {
			const task = (parsed(c, 0) as Array<Record<string, unknown>>).find((t) => /newsletter/i.test(JSON.stringify(t.contact_lists)));
			if (!task) return { content: 'No newsletter task was found on that day.' };
			return call('Campaign_report', { taskId: String(task.id) });
		}
		const [r] = parsed(c, 1);
		return { content: `Task ${r.id}: sent ${r.sent}, delivered ${r.delivered}, unique opens ${r.unique_opens} (open rate ${r.open_rate}%).` };
	},
	write(c, x) {
		if (c.step === 0) return call('Find_templates', {});
		if (c.step === 1) return call('Create_contact_list', { name: x.listName });
		const template = (parsed(c, 0) as Array<Record<string, unknown>>).find((t) => t.name === x.templateName);
		const [list] = parsed(c, 1);
		if (!template || !list?.id) return { content: `Missing template or list: ${c.toolResults.map((r) => r.content).join(' | ')}` };
		if (c.step === 2) {
			const subscribers = x.leads.map((lead) => `${lead.email},${lead.name}`).join('\n');
			return call('Add_subscribers', { contactListId: String(list.id), subscribers });
		}
		if (c.step === 3) {
			return call('Schedule_send_task', { templateId: String(template.id), contactListId: String(list.id), senderName: 'Example News', sendTime: x.sendTime });
		}
		const [task] = parsed(c, 3);
		return { content: `Scheduled send task ${task.id} for ${task.sendTime} (Beijing time).` };
	},
	error(c, x) {
		if (c.step === 0) return call('Schedule_campaign', { templateId: '999999', contactListId: x.existingListId, sendTime: x.sendTime });
		const [answer] = parsed(c, 0);
		return { content: `The task was not created: ${answer.error}` };
	},
	big(c, x) {
		if (c.step === 0) return call('List_addresses', { contactListId: x.bigListId, returnAll: true });
		const answer = parsed(c, 0) as Array<Record<string, unknown>>;
		const note = answer.find((entry) => entry.truncated);
		return { content: `I received ${answer.length - (note ? 1 : 0)} addresses${note ? ` of ${note.total}` : ''}.` };
	},
};

export const PROMPTS: Record<ScenarioName, string> = {
	report: 'How did the newsletter we sent on that day do?',
	write: 'Put these leads into a new list and schedule the Welcome template for 9:00 tomorrow.',
	error: 'Schedule template 999999 to the VIP list.',
	big: 'How many addresses are in the big list?',
};

/** The fake model's `respond`: the scenario is found by its prompt (the first user message). */
export function responder(x: ScriptContext) {
	return (body: unknown): Reply => {
		const c = conversation(body) as Conversation;
		const name = (Object.keys(PROMPTS) as ScenarioName[]).find((key) => c.user.includes(PROMPTS[key]));
		// anything else is the example assistant's chat (workflows/05), answered by the playground's demo model
		if (!name) return demoRespond(body);
		return SCRIPTS[name](c, x);
	};
}
