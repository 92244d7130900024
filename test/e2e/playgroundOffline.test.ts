/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
/**
 * The playground's n8n stays offline: started with the settings scripts/playground.js gives it, real n8n 2.41.1 makes no
 * call to api.n8n.io (without them its MCP registry module fetches https://api.n8n.io/api/mcp-servers on start and logs
 * a getaddrinfo stack trace), and every module it is told to leave out is one it knows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { n8nSettings } from '../../scripts/playground-settings';
import { ensureN8nSync } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const env = require('../../scripts/n8n-env.js');

const n8n = ensureN8nSync();
const describeN8n = n8n ? describe : describe.skip;

describeN8n(`the playground's n8n ${n8n?.version} offline`, () => {
	test('every disabled module is one n8n knows', () => {
		const config = path.join(n8n!.dir, 'node_modules', '@n8n', 'backend-common', 'dist', 'modules', 'modules.config.js');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { MODULE_NAMES } = require(config) as { MODULE_NAMES: string[] };
		const disabled = String(n8nSettings(n8n!.version).N8N_DISABLED_MODULES ?? '').split(',');
		expect(disabled).toContain('mcp-registry');
		for (const name of disabled) expect(MODULE_NAMES).toContain(name);
	});

	test('starts and runs for 20 s without reaching for api.n8n.io', async () => {
		const userFolder = env.makeUserFolder('umail-playground-offline-');
		const logFile = path.join(userFolder, 'n8n.log');
		const running = await env.startN8n(userFolder, { env: n8nSettings(n8n!.version), logFile });
		try {
			// the MCP registry's refresh ran within seconds of readiness when it was on (measured: 5 lines, 2 stack traces)
			await new Promise((resolve) => setTimeout(resolve, 20_000));
		} finally {
			await running.stop();
			const log = fs.readFileSync(logFile, 'utf8');
			fs.rmSync(userFolder, { recursive: true, force: true });
			expect(log).toMatch(/Editor is now accessible/);
			expect(log).not.toMatch(/api\.n8n\.io|ENOTFOUND|EAI_AGAIN|getaddrinfo/);
		}
	}, 300_000);
});
