'use strict';
/*
 * A scripted OpenAI-compatible chat model on 127.0.0.1, for n8n's OpenAI Chat Model node (credential Base URL
 * `${server.url}/v1`, "Use Responses API" off). It answers what that node (langchain's ChatOpenAI) calls:
 *   POST …/chat/completions   plain JSON, or server-sent chunks when the request says `stream: true`
 *   GET  …/models             for the credential test and the editor's model list
 * Every request is kept in `server.requests` (method, path, body; the Authorization header is not kept) and, with
 * `logFile`, appended to it as one JSON line.
 *
 * `respond(body, request)` decides each answer: { content: 'text' } or { toolCalls: [{ name, arguments }] }.
 * It gets the parsed request body (model, messages, tools); answers may be async.
 *
 *   const model = await startFakeModel({ respond });
 *   model.url; model.requests; await model.stop();
 */
const http = require('http');
const fs = require('fs');

let counter = 0;
const nextId = (prefix) => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`;

function toolCallsOf(reply) {
	return (reply.toolCalls || []).map((call) => ({
		id: call.id || nextId('call_'),
		type: 'function',
		function: {
			name: call.name,
			arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments || {}),
		},
	}));
}

function completion(body, reply) {
	const toolCalls = toolCallsOf(reply);
	return {
		id: nextId('chatcmpl-'),
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: body.model || 'fake-model',
		choices: [
			{
				index: 0,
				message: toolCalls.length
					? { role: 'assistant', content: null, tool_calls: toolCalls }
					: { role: 'assistant', content: String(reply.content ?? '') },
				finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
			},
		],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	};
}

/** The same answer as `chat.completion.chunk` events: role, then the text in pieces or the tool calls, then the end. */
function chunks(body, reply) {
	const base = { id: nextId('chatcmpl-'), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model || 'fake-model' };
	const event = (delta, finish = null) => ({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
	const toolCalls = toolCallsOf(reply);
	const out = [event({ role: 'assistant', content: '' })];
	if (toolCalls.length) {
		toolCalls.forEach((call, index) => out.push(event({ tool_calls: [{ index, ...call }] })));
		out.push(event({}, 'tool_calls'));
	} else {
		for (const piece of String(reply.content ?? '').match(/[\s\S]{1,40}/g) || []) out.push(event({ content: piece }));
		out.push(event({}, 'stop'));
	}
	if (body.stream_options && body.stream_options.include_usage) {
		out.push({ ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } });
	}
	return out;
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const parts = [];
		req.on('data', (part) => parts.push(part));
		req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
		req.on('error', reject);
	});
}

function send(res, status, json) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(json));
}

/**
 * @param {{ respond: (body: any, request: any) => any, port?: number, logFile?: string, models?: string[] }} options
 * @returns {Promise<{ url: string, port: number, requests: any[], stop(): Promise<void> }>}
 */
function startFakeModel(options) {
	const requests = [];
	const models = options.models || ['fake-model'];
	const server = http.createServer(async (req, res) => {
		const path = (req.url || '/').split('?')[0];
		let body = null;
		try {
			const text = await readBody(req);
			body = text ? JSON.parse(text) : null;
		} catch (error) {
			return send(res, 400, { error: { message: `request body is not JSON: ${error.message}`, type: 'invalid_request_error' } });
		}
		const entry = { at: new Date().toISOString(), method: req.method, path, body };
		requests.push(entry);
		if (options.logFile) fs.appendFileSync(options.logFile, `${JSON.stringify(entry)}\n`);

		if (req.method === 'GET' && path.endsWith('/models')) {
			return send(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
		}
		if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
			return send(res, 404, { error: { message: `${req.method} ${path} is not served by the fake model`, type: 'invalid_request_error' } });
		}
		let reply;
		try {
			reply = await options.respond(body, entry);
		} catch (error) {
			reply = { content: `fake model script error: ${error.message}` };
		}
		entry.reply = reply;
		if (!body.stream) return send(res, 200, completion(body, reply));
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		for (const chunk of chunks(body, reply)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
		res.end('data: [DONE]\n\n');
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, '127.0.0.1', () => {
			const port = server.address().port;
			resolve({
				url: `http://127.0.0.1:${port}`,
				port,
				requests,
				stop: () => new Promise((done) => server.close(() => done())),
			});
		});
	});
}

/** What a request holds, for scripts: the first user message, the tool messages so far, the tools offered. */
function conversation(body) {
	const messages = (body && body.messages) || [];
	const text = (m) => (typeof m.content === 'string' ? m.content : Array.isArray(m.content) ? m.content.map((c) => c.text || '').join('') : '');
	const lastUserAt = messages.map((m) => m.role).lastIndexOf('user');
	const names = new Map();
	for (const m of messages) for (const call of m.tool_calls || []) names.set(call.id, call.function && call.function.name);
	return {
		/** the tool results since the last user message, with the tool's name */
		turn: messages
			.slice(lastUserAt + 1)
			.filter((m) => m.role === 'tool')
			.map((m) => ({ name: names.get(m.tool_call_id), content: text(m) })),
		user: text(messages.find((m) => m.role === 'user') || {}),
		lastUser: text([...messages].reverse().find((m) => m.role === 'user') || {}),
		toolResults: messages.filter((m) => m.role === 'tool').map((m) => ({ id: m.tool_call_id, content: text(m) })),
		/** assistant turns that called tools: the script's step number */
		step: messages.filter((m) => m.role === 'assistant' && m.tool_calls && m.tool_calls.length).length,
		tools: ((body && body.tools) || []).map((t) => t.function),
	};
}

module.exports = { startFakeModel, conversation };
