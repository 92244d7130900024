#!/usr/bin/env node
/*
 * Playground: the real n8n (scripts/n8n-env.js) with this pack installed from its tarball, the U-Mail
 * emulator, a ready credential and the example workflows — then open the editor and log in.
 *
 *   node scripts/playground.js [--reset] [--no-build]
 *
 * State (workflows, credentials, executions, the owner login) persists in PLAYGROUND_DIR between runs: the example
 * workflows and the emulator credential are added only when missing (scripts/playground-setup.js); --reset (or its
 * old name --fresh) deletes that state first.
 *
 * env: N8N_PORT (default 5678, else a free port), EMULATOR_PORT (default: last run's if free, else a free one), PLAYGROUND_DIR
 *      (default <repo>/.n8n-e2e/playground), PLAYGROUND_EMAIL / PLAYGROUND_PASSWORD, N8N_VERSION,
 *      PLAYGROUND_WORK_SPEED (default 60: template checks, imports and sends run 60× faster, so a check takes 1 s and a
 *      small send completes in seconds), PLAYGROUND_CLOCK_SPEED (default 1: the emulator's clock follows real time),
 *      OPENAI_API_KEY / OPENAI_BASE_URL (a real chat model for the AI assistant example; without them a scripted demo
 *      model runs on 127.0.0.1), INBOX_PORT (default 1080, else a free port) and INBOX_SMTP_PORT (default: last run's
 *      if free, else a free one): the mail inbox of the SMTP examples (scripts/playground-mailbox.js).
 * Ctrl-C stops n8n, the emulator, the demo model and the mail inbox.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const env = require('./n8n-env');
const { playgroundModel, MODEL_CREDENTIAL } = require('./playgroundModel');
const { CREDENTIAL_NAME, SMTP_CREDENTIAL, setUpCredential, setUpModelCredential, setUpSmtpCredential, setUpMcpToken, importMissingExamples } = require('./playground-setup');
const { startMailbox } = require('./playground-mailbox');
const { emulatorOptions, n8nSettings, n8nLogFilter } = require('./playground-settings');

const ROOT = path.resolve(__dirname, '..');

function say(msg) {
	process.stderr.write(`[playground] ${msg}\n`);
}

function buildAndPack(dest) {
	say('building the pack (npm run build)…');
	const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
	if (b.status !== 0) throw new Error('npm run build failed');
	fs.mkdirSync(dest, { recursive: true });
	const p = spawnSync('npm', ['pack', '--json', '--pack-destination', dest, '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
	if (p.status !== 0) throw new Error(`npm pack failed: ${p.stderr}`);
	return path.join(dest, JSON.parse(p.stdout.slice(p.stdout.indexOf('[')))[0].filename);
}

function latestTarball(dir) {
	if (!fs.existsSync(dir)) return null;
	const t = fs.readdirSync(dir).filter((f) => f.endsWith('.tgz')).map((f) => path.join(dir, f));
	t.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
	return t[0] || null;
}

async function portFree(port) {
	const net = require('net');
	return new Promise((resolve) => {
		const s = net.createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

// Ctrl-C at any point stops what has been started so far (n8n runs in its own process group, so it does not get the
// terminal's SIGINT: it is stopped from here, even while it is still starting)
const started = { emulator: null, n8n: null, model: null, mailbox: null };
let stopping = false;
async function shutdown(code = 0) {
	if (stopping) return;
	stopping = true;
	say('stopping…');
	const n8nProc = await (started.n8n || Promise.resolve(null)).catch(() => null);
	if (n8nProc) await n8nProc.stop();
	if (started.emulator) await started.emulator.stop();
	if (started.model) await started.model.stop();
	if (started.mailbox) await started.mailbox.stop();
	process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function main(argv) {
	const t0 = Date.now();
	const reset = argv.includes('--reset') || argv.includes('--fresh');
	const noBuild = argv.includes('--no-build');
	const dir = path.resolve(process.env.PLAYGROUND_DIR || path.join(ROOT, '.n8n-e2e', 'playground'));
	const userFolder = path.join(dir, 'user');
	const email = process.env.PLAYGROUND_EMAIL || 'owner@example.com';
	const password = process.env.PLAYGROUND_PASSWORD || 'Playground-Passw0rd';


	const n8n = await env.ensureN8n();
	say(`n8n ${n8n.version} on Node ${n8n.nodeVersion}`);

	const hasState = () => fs.existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	if (reset && hasState()) {
		fs.rmSync(userFolder, { recursive: true, force: true });
		fs.rmSync(path.join(dir, 'inbox', 'mail'), { recursive: true, force: true });
		say(`--reset: deleted the playground's n8n state (${path.relative(ROOT, userFolder) || userFolder}) and its inbox`);
	} else if (hasState()) {
		say(`keeping your playground state in ${path.relative(ROOT, userFolder) || userFolder} (npm start -- --reset starts over)`);
	}
	const fresh = !hasState();
	fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });

	const tarball = noBuild ? latestTarball(path.join(dir, 'packs')) || buildAndPack(path.join(dir, 'packs')) : buildAndPack(path.join(dir, 'packs'));
	const pack = await env.installPack(userFolder, tarball);
	say(`installed ${pack.name}@${pack.version} from ${path.relative(ROOT, tarball)}`);

	// the emulator (plain JS, in-process)
	// the same port as last time when it is free, so the credential's URL stays right
	const portFile = path.join(dir, 'emulator-port');
	const lastPort = fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, 'utf8')) : 0;
	const emulatorPort = Number(process.env.EMULATOR_PORT) || (lastPort && (await portFree(lastPort)) ? lastPort : await env.freePort());
	fs.writeFileSync(portFile, String(emulatorPort));
	// real-time clock, fast work (scripts/playground-settings.js)
	const timing = emulatorOptions();
	const emulator = await require(path.join(ROOT, 'test', 'emulator')).start({ port: emulatorPort, demoData: true, ...timing });
	started.emulator = emulator;
	say(`U-Mail emulator at ${emulator.url} (user demo / demo-pass), clock ${timing.clockSpeed}× real time, sends and checks ${timing.workSpeed}× faster`);

	const inputs = path.join(dir, 'inputs');
	fs.mkdirSync(inputs, { recursive: true });
	// the chat model of the AI assistant example (workflows/05)
	started.model = await playgroundModel({ logFile: path.join(dir, 'model-requests.jsonl') });
	say(`chat model: ${started.model.about}`);
	// the SMTP examples' inbox; its SMTP port stays the same between runs when free, like the emulator's
	const smtpPortFile = path.join(dir, 'inbox-smtp-port');
	const lastSmtpPort = fs.existsSync(smtpPortFile) ? Number(fs.readFileSync(smtpPortFile, 'utf8')) : 0;
	const smtpPort = Number(process.env.INBOX_SMTP_PORT) || (lastSmtpPort && (await portFree(lastSmtpPort)) ? lastSmtpPort : 0);
	const inboxPort = Number(process.env.INBOX_PORT) || 1080;
	started.mailbox = await startMailbox({ dir: path.join(dir, 'inbox'), smtpPort, webPort: (await portFree(inboxPort)) ? inboxPort : 0 });
	fs.writeFileSync(smtpPortFile, String(started.mailbox.smtpPort));
	say(`mail inbox at ${started.mailbox.url}, SMTP with TLS and AUTH LOGIN on 127.0.0.1:${started.mailbox.smtpPort}`);
	const cli = async (args, { allowFailure = false } = {}) => {
		const r = await env.n8nCli(userFolder, args);
		if (r.code !== 0 || /An error occurred/.test(r.stdout + r.stderr)) {
			if (allowFailure) return null;
			throw new Error(`n8n ${args[0]} failed:\n${(r.stdout + r.stderr).trim().split('\n').slice(-20).join('\n')}`);
		}
		return r.stdout;
	};
	say(await setUpCredential(cli, inputs, emulator.url, fresh));
	say(await setUpModelCredential(cli, inputs, started.model.credential, fresh));
	say(await setUpSmtpCredential(cli, inputs, started.mailbox, fresh));
	// the MCP Server Trigger's credential of workflows/08, before the examples refer to it
	const mcpToken = await setUpMcpToken(cli, inputs, path.join(dir, 'mcp-token'), fresh);
	say(await importMissingExamples(cli, inputs, path.join(ROOT, 'workflows'), fresh, { openAiApi: MODEL_CREDENTIAL, smtp: SMTP_CREDENTIAL }));

	const wanted = Number(process.env.N8N_PORT) || 5678;
	let port = wanted;
	if (!(await portFree(port))) {
		port = await env.freePort();
		say(`port ${wanted} is taken: n8n uses ${port} instead (N8N_PORT chooses another)`);
	}
	say('starting n8n…');
	if (stopping) return;
	// n8n trusts the inbox's self-signed certificate, so Send Email verifies TLS as it would with U-Mail's relay
	started.n8n = env.startN8n(userFolder, {
		port,
		logFile: path.join(dir, 'n8n.log'),
		logFilter: n8nLogFilter(),
		env: { ...n8nSettings(n8n.version), NODE_EXTRA_CA_CERTS: started.mailbox.certFile },
	});
	const running = await started.n8n;
	if (stopping) return;
	await env.setupOwner(running.url, { email, password });
	const whole = Math.round((Date.now() - t0) / 1000);
	say(`ready ${whole}s after npm start (n8n itself took ${Math.round(running.readyMs / 1000)}s to start; log: ${path.relative(ROOT, path.join(dir, 'n8n.log'))})`);
	process.stdout.write(
		`\n  n8n editor:  ${running.url}\n  login:       ${email} / ${password}\n  credential:  "${CREDENTIAL_NAME}" → ${emulator.url}\n` +
			`  mail inbox:  ${started.mailbox.url}  (what examples 06 and 07 send)\n` +
			`  MCP server:  ${running.url}/mcp/umail once workflow 08 is published, Authorization: Bearer ${mcpToken}\n\n  Ctrl-C to stop.\n`,
	);
}

main(process.argv.slice(2)).catch((e) => {
	process.stderr.write(`[playground] ERROR: ${e && e.stack ? e.stack : e}\n`);
	shutdown(1);
});
