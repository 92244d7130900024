/*
 * What the playground puts into its n8n, without undoing what the user did there: the emulator credential and the
 * example workflows are added only when missing, so a published workflow stays published and edits stay.
 * `--reset` (scripts/playground.js) deletes the whole user folder to start over.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const CREDENTIAL_ID = 'umailEmulator001';
const CREDENTIAL_NAME = 'U-Mail API (emulator)';
/** what earlier playgrounds called it: renamed, since the README names CREDENTIAL_NAME */
const OLD_NAME = 'U-Mail (emulator)';
const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

/** The credential the examples use, pointed at this run's emulator unless the user pointed it elsewhere. */
async function setUpCredential(cli, inputs, emulatorUrl, fresh) {
	// each n8n CLI call starts n8n (seconds): a new playground has nothing to look up
	const current = await storedCredential(cli, inputs, CREDENTIAL_ID, fresh);
	const data = current ? current.data : { username: 'demo', password: 'demo-pass', allowUnauthorizedCerts: false };
	if (current && !LOOPBACK.test(`${data.baseUrl}/`)) return `credential "${current.name}" kept as you set it (${data.baseUrl})`;
	const name = current && current.name !== OLD_NAME ? current.name : CREDENTIAL_NAME;
	if (current && data.baseUrl === emulatorUrl && name === current.name) return `credential "${current.name}" kept`;
	const file = path.join(inputs, 'credentials.json');
	fs.writeFileSync(file, JSON.stringify([{ id: CREDENTIAL_ID, name, type: 'umailApi', data: { ...data, baseUrl: emulatorUrl } }], null, 2));
	await cli(['import:credentials', `--input=${file}`]);
	return current ? `credential "${name}" pointed at this run's emulator (its other fields kept)` : `credential "${name}" created`;
}

/** The stored credential with this id (decrypted), or undefined; a fresh playground has none to look up. */
async function storedCredential(cli, inputs, id, fresh) {
	if (fresh) return undefined;
	const exported = path.join(inputs, 'credential-now.json');
	fs.rmSync(exported, { force: true });
	const found = await cli(['export:credentials', `--id=${id}`, '--decrypted', `--output=${exported}`], { allowFailure: true });
	const current = found && fs.existsSync(exported) ? JSON.parse(fs.readFileSync(exported, 'utf8'))[0] : undefined;
	fs.rmSync(exported, { force: true });
	return current;
}

/**
 * The AI example's chat-model credential: pointed at this run's demo model (its port changes) or at OPENAI_API_KEY's
 * model, unless the user gave it a real model in the editor. The plain file is removed at once: it may hold a key.
 */
async function setUpModelCredential(cli, inputs, credential, fresh) {
	const current = await storedCredential(cli, inputs, credential.id, fresh);
	const userSet = current && current.data && !LOOPBACK.test(`${current.data.url}/`);
	if (userSet && !process.env.OPENAI_API_KEY) return `credential "${current.name}" kept as you set it (${current.data.url})`;
	const file = path.join(inputs, 'model-credentials.json');
	fs.writeFileSync(file, JSON.stringify([credential], null, 2));
	try {
		await cli(['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true });
	}
	return `credential "${credential.name}" → ${credential.data.url}`;
}

const SMTP_CREDENTIAL = { id: 'umailSmtp0000001', name: 'U-Mail SMTP (playground inbox)' };

/**
 * The SMTP credential of examples 06 and 07, pointed at this run's inbox (scripts/playground-mailbox.js) unless the
 * user pointed it at another host (e.g. smtp.bestedm.net); its other fields (Client Host Name, …) stay.
 */
async function setUpSmtpCredential(cli, inputs, mailbox, fresh) {
	const current = await storedCredential(cli, inputs, SMTP_CREDENTIAL.id, fresh);
	const data = current ? current.data || {} : { hostName: '' };
	if (current && !LOOPBACK.test(`http://${data.host}/`)) return `credential "${current.name}" kept as you set it (${data.host}:${data.port})`;
	const inbox = { host: '127.0.0.1', port: mailbox.smtpPort, secure: true, user: mailbox.user, password: mailbox.password };
	const name = current ? current.name : SMTP_CREDENTIAL.name;
	if (current && Object.entries(inbox).every(([key, value]) => data[key] === value)) return `credential "${name}" kept`;
	const file = path.join(inputs, 'smtp-credentials.json');
	fs.writeFileSync(file, JSON.stringify([{ id: SMTP_CREDENTIAL.id, name, type: 'smtp', data: { ...data, ...inbox } }], null, 2));
	try {
		await cli(['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true });
	}
	return current ? `credential "${name}" pointed at this run's inbox` : `credential "${name}" created`;
}

/**
 * Imports the example workflows that are not in n8n yet; the ones there are left as they are. `others` points
 * credential references of other types (e.g. openAiApi) at the playground's credential of that type.
 */
async function importMissingExamples(cli, inputs, wfDir, fresh, others = {}) {
	const files = fs.existsSync(wfDir) ? fs.readdirSync(wfDir).filter((f) => f.endsWith('.json')).sort() : [];
	if (!files.length) return 'no example workflows';
	const listed = fresh ? '' : await cli(['list:workflow', '--onlyId']);
	const existing = new Set(listed.split('\n').map((line) => line.trim()));
	const missing = [];
	for (const file of files) {
		const workflow = JSON.parse(fs.readFileSync(path.join(wfDir, file), 'utf8'));
		if (existing.has(workflow.id)) continue;
		// every U-Mail credential reference → the emulator credential
		for (const node of workflow.nodes || []) {
			if (node.credentials && node.credentials.umailApi) node.credentials.umailApi = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };
			for (const [type, credential] of Object.entries(others)) {
				if (node.credentials && node.credentials[type]) node.credentials[type] = { id: credential.id, name: credential.name };
			}
		}
		workflow.active = false;
		missing.push(workflow);
	}
	const kept = files.length - missing.length;
	const keptNote = kept ? `${kept} already there, kept as they are (npm start -- --reset starts over)` : '';
	if (!missing.length) return `example workflows: ${keptNote}`;
	const file = path.join(inputs, 'workflows.json');
	fs.writeFileSync(file, JSON.stringify(missing, null, 2));
	await cli(['import:workflow', `--input=${file}`]);
	const names = missing.map((w) => `"${w.name}"`).join(', ');
	return `example workflows: imported ${names}${keptNote ? `; ${keptNote}` : ''}`;
}

/**
 * The Bearer token of example 08's MCP Server Trigger (credential "U-Mail MCP token"): a random one made with the
 * playground, remembered in `tokenFile` so later runs print it without a CLI call.
 */
async function setUpMcpToken(cli, inputs, tokenFile, fresh) {
	if (!fresh && fs.existsSync(tokenFile)) return fs.readFileSync(tokenFile, 'utf8').trim();
	const token = crypto.randomBytes(24).toString('hex');
	const file = path.join(inputs, 'mcp-credential.json');
	fs.writeFileSync(file, JSON.stringify([{ id: 'umailMcpBearer01', name: 'U-Mail MCP token', type: 'httpBearerAuth', data: { token } }]));
	try {
		await cli(['import:credentials', `--input=${file}`]);
	} finally {
		fs.rmSync(file, { force: true });
	}
	fs.writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
	return token;
}

module.exports = { CREDENTIAL_ID, CREDENTIAL_NAME, SMTP_CREDENTIAL, setUpCredential, setUpModelCredential, setUpSmtpCredential, setUpMcpToken, importMissingExamples };
