'use strict';
/*
 * Runs under n8n's Node 24 (the test starts it) against the fake model at argv[3], with the clients n8n 2.41.1 ships
 * (argv[2]: its @n8n/n8n-nodes-langchain folder), and prints what they got as JSON:
 * - plain: langchain's ChatOpenAI, as the OpenAI Chat Model node uses it in a run (a tool call, then a text);
 * - streamed: the openai SDK under it with `stream: true`, as a streaming chat asks. (ChatOpenAI itself is not used
 *   for this: offline, its token count for streamed calls retries a download of tiktoken data for minutes.)
 */
const langchain = require.resolve('@langchain/openai', { paths: [process.argv[2]] });
const { ChatOpenAI } = require(langchain);
const OpenAI = require(require.resolve('openai', { paths: [langchain] }));

const tools = [{ type: 'function', function: { name: 'Find_tasks', description: 'Find tasks', parameters: { type: 'object', properties: { date: { type: 'string' } } } } }];

async function plain(baseURL) {
	const chat = new ChatOpenAI({ apiKey: 'sk-test', model: 'fake-model', configuration: { baseURL }, maxRetries: 0 });
	const called = await chat.bindTools(tools).invoke('find');
	const answered = await chat.invoke('answer');
	return { toolCalls: called.tool_calls.map((c) => ({ name: c.name, args: c.args })), text: answered.content };
}

async function streamed(baseURL) {
	const client = new (OpenAI.default || OpenAI)({ apiKey: 'sk-test', baseURL, maxRetries: 0 });
	const read = async (body) => {
		const calls = [];
		let text = '';
		for await (const chunk of await client.chat.completions.create({ model: 'fake-model', stream: true, ...body })) {
			const delta = (chunk.choices[0] && chunk.choices[0].delta) || {};
			text += delta.content || '';
			for (const call of delta.tool_calls || []) {
				calls[call.index] ??= { name: '', args: '' };
				calls[call.index].name += (call.function && call.function.name) || '';
				calls[call.index].args += (call.function && call.function.arguments) || '';
			}
		}
		return { calls: calls.map((c) => ({ name: c.name, args: JSON.parse(c.args) })), text };
	};
	const called = await read({ messages: [{ role: 'user', content: 'find' }], tools });
	const answered = await read({ messages: [{ role: 'user', content: 'answer' }] });
	return { toolCalls: called.calls, text: answered.text };
}

(async () => {
	const baseURL = process.argv[3];
	process.stdout.write(JSON.stringify({ plain: await plain(baseURL), streamed: await streamed(baseURL) }));
})().catch((error) => {
	process.stderr.write(String(error && error.stack));
	process.exit(1);
});
