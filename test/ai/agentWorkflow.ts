/*
 * The AI-agent e2e's workflow: one Manual Trigger feeding four AI Agents (one per scenario), all on one OpenAI Chat
 * Model node pointed at the fake model, each with its own U-Mail tool nodes (`n8n-nodes-umail.umailTool`) whose
 * parameters come from `$fromAI(...)`. One `n8n execute` runs every scenario.
 */
import * as crypto from 'crypto';

export const OPENAI_CRED = { id: 'openAiFake000001', name: 'Fake model' };
export const UMAIL_CRED = { id: 'umailcred000001', name: 'U-Mail e2e' };
export const MAILBOX = 'news@mail.verified-demo.example.com';

const fromAI = (key: string, description: string, type = 'string') => `={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** Every `$fromAI` of the tools, by tool name: what the model must see as the tool's JSON schema. */
export const FIELDS: Record<string, Record<string, { description: string; type: string }>> = {};

interface Tool {
	name: string;
	parameters: Record<string, unknown>;
	/** a manual tool description; without one n8n makes it from the operation's action */
	description?: string;
}

function tool(name: string, parameters: Record<string, unknown>, description?: string): Tool {
	return { name, parameters: description ? { ...parameters, descriptionType: 'manual', toolDescription: description } : parameters, description };
}

export const SCHEDULE_DESCRIPTION =
	'Schedule a bulk-mail send: one template to one contact list, from the news mailbox, at a time. It costs points per recipient: only call it when the user asked to send.';

/** `$fromAI` for a tool, recorded in FIELDS under the tool's name. */
function ai(toolName: string, key: string, description: string, type = 'string') {
	FIELDS[toolName] ??= {};
	FIELDS[toolName][key] = { description, type };
	return fromAI(key, description, type);
}

const LIST_ID = 'The numeric ID of the contact list';

/** Task → Create from the fixed news mailbox; the model picks template, list and time. */
function sendTask(toolName: string, o: { template: string; senderName: string; sendTime: string }) {
	return {
		resource: 'task',
		operation: 'create',
		template: rl(ai(toolName, 'templateId', o.template)),
		contactList: rl(ai(toolName, 'contactListId', LIST_ID)),
		sender: 'mailbox',
		mailbox: rl(MAILBOX),
		senderName: o.senderName,
		sendTime: ai(toolName, 'sendTime', o.sendTime),
	};
}

export const SCENARIOS = {
	report: {
		agent: 'Report agent',
		tools: [
			tool('Find send tasks', {
				resource: 'task',
				operation: 'getMany',
				limit: 20,
				filters: { date: ai('Find send tasks', 'date', 'The day the campaign was sent, as YYYY-MM-DD (Beijing time)') },
			}),
			tool('Campaign report', {
				resource: 'task',
				operation: 'getReport',
				task: rl(ai('Campaign report', 'taskId', 'The ID of the send task, as Find send tasks lists it')),
			}),
		],
	},
	write: {
		agent: 'List agent',
		tools: [
			tool('Find templates', { resource: 'template', operation: 'getMany', limit: 20 }),
			tool('Create contact list', {
				resource: 'contactList',
				operation: 'create',
				name: ai('Create contact list', 'name', 'The name of the new contact list'),
			}),
			tool('Add subscribers', {
				resource: 'subscription',
				operation: 'subscribe',
				contactList: rl(ai('Add subscribers', 'contactListId', LIST_ID)),
				mode: 'many',
				subscribers: ai('Add subscribers', 'subscribers', 'One subscriber a line: the email, or the email and the name separated by a comma'),
			}),
			tool(
				'Schedule send task',
				sendTask('Schedule send task', {
					template: 'The numeric ID of the template to send, from Find templates',
					senderName: ai('Schedule send task', 'senderName', 'The sender name the recipients see'),
					sendTime: 'When to start sending, as ISO 8601 with its UTC offset, e.g. 2026-12-02T09:00:00+08:00 for 9:00 Beijing time',
				}),
				SCHEDULE_DESCRIPTION,
			),
		],
	},
	error: {
		agent: 'Error agent',
		tools: [
			tool(
				'Schedule campaign',
				sendTask('Schedule campaign', {
					template: 'The numeric ID of the template to send',
					senderName: 'Example News',
					sendTime: 'When to start sending, as ISO 8601 with its UTC offset',
				}),
			),
		],
	},
	big: {
		agent: 'Big list agent',
		tools: [
			tool('List addresses', {
				resource: 'address',
				operation: 'getMany',
				scope: 'list',
				contactList: rl(ai('List addresses', 'contactListId', LIST_ID)),
				returnAll: ai('List addresses', 'returnAll', 'true for every address of the list, false for the first 50', 'boolean'),
			}),
		],
	},
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

/** The workflow; `prompts` are the agents' user messages. */
export function agentWorkflow(prompts: Record<ScenarioName, string>) {
	const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, position: [number, number], more = {}) => ({
		id: crypto.randomUUID(),
		name,
		type,
		typeVersion,
		position,
		parameters,
		...more,
	});
	const nodes = [node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0])];
	const connections: Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }>>>> = {
		Start: { main: [[]] },
		'OpenAI Chat Model': { ai_languageModel: [[]] },
	};
	nodes.push(
		node('OpenAI Chat Model', '@n8n/n8n-nodes-langchain.lmChatOpenAi', 1.3, { model: { __rl: true, mode: 'id', value: 'fake-model' }, responsesApiEnabled: false, options: {} }, [200, 600], {
			credentials: { openAiApi: OPENAI_CRED },
		}),
	);
	Object.entries(SCENARIOS).forEach(([name, scenario], row) => {
		const y = row * 300;
		nodes.push(node(scenario.agent, '@n8n/n8n-nodes-langchain.agent', 3.1, { promptType: 'define', text: prompts[name as ScenarioName], options: {} }, [300, y]));
		connections.Start.main[0].push({ node: scenario.agent, type: 'main', index: 0 });
		connections['OpenAI Chat Model'].ai_languageModel[0].push({ node: scenario.agent, type: 'ai_languageModel', index: 0 });
		scenario.tools.forEach((t, column) => {
			nodes.push(node(t.name, 'n8n-nodes-umail.umailTool', 1, t.parameters, [500 + column * 200, y + 200], { credentials: { umailApi: UMAIL_CRED } }));
			connections[t.name] = { ai_tool: [[{ node: scenario.agent, type: 'ai_tool', index: 0 }]] };
		});
	});
	return { id: 'umailAiAgentE2e1', name: 'e2e AI agent with U-Mail tools', active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}
