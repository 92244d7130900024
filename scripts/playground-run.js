/*
 * Driving a playground from a script (npm run screenshots, the playground e2e test): `npm start` in a folder of its
 * own, and an example run the way the editor's *Execute workflow* runs it.
 */
'use strict';

const path = require('path');
const { spawn } = require('child_process');
const env = require('./n8n-env');

/**
 * `node scripts/playground.js` (by default --reset) in `dir` on free ports; resolves once it prints its banner with
 * { url, inbox, stop, exited }. stop() is Ctrl-C (SIGINT) and resolves with the exit code.
 */
async function startPlayground(dir, { email, password, args = ['--reset'], extraEnv = {}, echo = (d) => process.stderr.write(d) } = {}) {
	const [port, inboxPort] = [await env.freePort(), await env.freePort()];
	const child = spawn(process.execPath, [path.join(__dirname, 'playground.js'), ...args], {
		cwd: path.resolve(__dirname, '..'),
		env: { ...process.env, PLAYGROUND_DIR: dir, N8N_PORT: String(port), INBOX_PORT: String(inboxPort), PLAYGROUND_EMAIL: email, PLAYGROUND_PASSWORD: password, ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stderr.on('data', echo);
	const exited = new Promise((resolve) => child.on('close', resolve));
	const banner = await new Promise((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (d) => {
			out += d;
			const url = /n8n editor:\s+(\S+)/.exec(out);
			const inbox = /mail inbox:\s+(\S+)/.exec(out);
			if (url && inbox) resolve({ url: url[1], inbox: inbox[1] });
		});
		exited.then((code) => reject(new Error(`the playground exited (${code}) before it was ready`)));
	});
	const stop = async () => {
		child.kill('SIGINT');
		return exited;
	};
	return { ...banner, stop, exited };
}

/**
 * Runs a saved workflow as *Execute workflow* does (POST /rest/workflows/:id/run from its trigger). A webhook trigger
 * then waits for one call of its test URL: `webhook` is that call ({ path, body }) and its answer is returned.
 */
async function runFromEditor(url, cookie, workflowId, trigger, webhook) {
	const run = await env.rest(url, 'POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } }, cookie);
	if (run.status !== 200) throw new Error(`run ${workflowId}: HTTP ${run.status} ${run.text.slice(0, 500)}`);
	if (!webhook) return run.json.data;
	if (!run.json.data.waitingForWebhook) throw new Error(`run ${workflowId}: n8n is not waiting for the test webhook (${run.text.slice(0, 300)})`);
	const r = await fetch(`${url}/webhook-test/${webhook.path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(webhook.body),
	});
	return { status: r.status, body: await r.text() };
}

module.exports = { startPlayground, runFromEditor };
