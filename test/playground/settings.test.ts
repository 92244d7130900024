import { n8nLogFilter, n8nSettings } from '../../scripts/playground-settings';

const STACK = [
	'No active execution found',
	'Error: No active execution found',
	'    at ActiveExecutions.getExecutionOrFail (/n8n/src/active-executions.ts:433:10)',
	'    at WorkflowRunner.run (/n8n/src/workflow-runner.ts:500:53)',
	'    at /n8n/src/response-helper.ts:121:17',
	'',
	'There was an error in the post-execution promise',
	'Item 1: "Emails" is not a valid email address: "nope"',
	'',
].join('\n');

describe("the playground's n8n", () => {
	test('n8n 2.x runs without the MCP registry (its api.n8n.io refresh); n8n 1.x, which does not know the module, gets nothing', () => {
		expect(n8nSettings('2.41.1')).toEqual({ N8N_DISABLED_MODULES: 'mcp-registry' });
		expect(n8nSettings('1.123.81')).toEqual({});
	});

	test('its log keeps every message and folds each stack trace into one line, however the output is chunked', () => {
		const expected = STACK.replace(/( {4}at .*\n)+/, '    (3 stack frames left out; PLAYGROUND_FULL_LOG=1 keeps them)\n');
		for (const size of [1, 7, 64, STACK.length]) {
			const filter = n8nLogFilter({})!;
			let out = '';
			for (let at = 0; at < STACK.length; at += size) out += filter(STACK.slice(at, at + size));
			expect(out).toBe(expected);
		}
	});

	test('PLAYGROUND_FULL_LOG=1 keeps the log as n8n writes it', () => {
		expect(n8nLogFilter({ PLAYGROUND_FULL_LOG: '1' })).toBeUndefined();
	});
});
