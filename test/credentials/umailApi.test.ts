/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not in n8n (README: Linting) */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { start } from '../emulator';
import { runCredentialTestRequest } from '../helpers/n8n';

const PASSWORD = 'S3cr3t-P@ss-文';

async function credentialTest(baseUrl: string, password: string) {
	return await runCredentialTestRequest('umailApi', { username: 'demo', password, baseUrl });
}

describe('U-Mail API credential test', () => {
	for (const authFailure of ['http401', 'xml'] as const) {
		test(`passes with the right password and fails clearly with a wrong one (${authFailure})`, async () => {
			const emulator = await start({
				authFailure,
				users: [{ username: 'demo', password: PASSWORD, customerId: '1001' }],
			});
			try {
				expect(await credentialTest(emulator.url, PASSWORD)).toMatchObject({ status: 'OK' });
				expect(await credentialTest(`${emulator.url}/`, PASSWORD)).toMatchObject({ status: 'OK' });
				const failed = await credentialTest(emulator.url, 'wrong-password');
				expect(failed.status).toBe('Error');
				expect(failed.message).toMatch(authFailure === 'http401' ? /^Authentication failed/ : /username and password/);
				expect(failed.message).not.toContain(PASSWORD);
				expect(emulator.control.log.at(-1)).toMatchObject({ file: 'maillog', user: 'demo' });
			} finally {
				await emulator.stop();
			}
		});
	}

	test('fails when the server answers an HTML login page with status 200', async () => {
		const server = http.createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end('<!DOCTYPE html><html><body><form>登录 Login</form></body></html>');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const failed = await credentialTest(`http://127.0.0.1:${port}/mm-ms/apinew`, PASSWORD);
			expect(failed.status).toBe('Error');
			expect(failed.message).toMatch(/did not answer like the U-Mail API/);
			expect(failed.message).not.toContain(PASSWORD);
		} finally {
			server.close();
		}
	});
});
