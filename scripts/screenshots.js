#!/usr/bin/env node
/*
 * README screenshots: starts the playground (a fresh one in a temp folder, on free ports), drives its editor in headless
 * Chromium and saves PNGs under docs/images/.
 *
 *   npm run screenshots [-- --only=<name>,<name>] [-- --url=<a running playground's editor URL> --inbox=<its inbox URL>]
 *
 * needs: Chromium (env CHROMIUM, default /usr/bin/chromium) and a CJK font for the Chinese demo data (fontconfig's
 * fc-list must list one): Debian: apt-get install -y chromium fonts-noto-cjk. The browser only reaches 127.0.0.1:
 * every other request is aborted.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const env = require('./n8n-env');
const { startPlayground, runFromEditor } = require('./playground-run');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'images');
const EMAIL = 'owner@example.com';
const PASSWORD = 'Playground-Passw0rd';
const VIEWPORT = { width: 1440, height: 900 };
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const say = (msg) => process.stderr.write(`[screenshots] ${msg}\n`);
const workflowId = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8')).id;

/** Stops before the slow part when the browser or a CJK font is missing (without one, Chinese shows as boxes). */
function checkPrerequisites() {
	const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
	const missing = [];
	if (!fs.existsSync(chromium)) missing.push(`Chromium at ${chromium} (Debian: apt-get install -y chromium; or set CHROMIUM)`);
	const cjk = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
	if (cjk.status !== 0 || !cjk.stdout.trim()) missing.push('a CJK font, or the Chinese demo data shows as boxes (Debian: apt-get install -y fonts-noto-cjk)');
	if (missing.length) throw new Error(`missing: ${missing.join('; ')}`);
}

/** Throws when the editor's chat button covers a node's label (its default view, at the viewport the shot uses). */
async function assertChatButtonClear(page, file) {
	const button = await page.locator('[data-test-id="workflow-chat-button"]').first().boundingBox();
	if (!button) return;
	const nodes = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', file), 'utf8')).nodes.filter((n) => !n.type.endsWith('stickyNote'));
	for (const { name } of nodes) {
		const label = await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).getByText(name, { exact: true }).first().boundingBox();
		const apart = !label || label.x + label.width <= button.x || button.x + button.width <= label.x || label.y + label.height <= button.y || button.y + button.height <= label.y;
		if (!apart) throw new Error(`${file}: the chat button covers the label of "${name}"; move the nodes`);
	}
}

async function openBrowser(url) {
	const { chromium } = require('playwright-core');
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1.5, colorScheme: 'light' });
	await context.route('**/*', (route) => (/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort()));
	const { cookie } = await env.login(url, { email: EMAIL, password: PASSWORD });
	const [name, value] = cookie.split('=');
	await context.addCookies([{ name, value, url }]);
	const page = await context.newPage();
	return { browser, page };
}

async function openWorkflow(page, url, file) {
	await page.goto(`${url}/workflow/${workflowId(file)}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
	// first-visit hints ("Press N to browse nodes")
	for (const hint of await page.getByRole('button', { name: 'Got it' }).all()) await hint.click().catch(() => {});
}

async function openNode(page, name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.locator('[data-test-id="ndv"]').first().waitFor();
	await page.waitForTimeout(1000);
}

/** The output panel as JSON (every field visible), with no toast or tooltip over it. */
async function outputAsJson(page) {
	await page.locator('[data-test-id="output-panel"] [data-test-id="radio-button-json"]').first().click();
	for (const close of await page.locator('.el-notification__closeBtn').all()) await close.click().catch(() => {});
	await page.mouse.move(2, 450);
	await page.waitForTimeout(1200);
}

const SHOTS = {
	/** the campaign pipeline on the canvas */
	async 'canvas-campaign-pipeline'(page, url) {
		// a wide, low window: n8n fits the long pipeline into it on opening
		await page.setViewportSize({ width: 1600, height: 640 });
		await openWorkflow(page, url, '01-campaign-pipeline.json');
	},
	/** the AI assistant (05) as the editor first shows it: no label under the chat button */
	async 'canvas-ai-assistant'(page, url) {
		await openWorkflow(page, url, '05-ai-campaign-assistant.json');
		await assertChatButtonClear(page, '05-ai-campaign-assistant.json');
	},
	/** the node panel: search U-Mail, open its entry (description, actions, triggers) */
	async 'node-panel-actions'(page, url) {
		await openWorkflow(page, url, '02-crm-to-list-sync.json');
		await page.keyboard.press('n');
		await page.locator('[data-test-id="node-creator-search-bar"]').first().fill('U-Mail');
		await page.waitForTimeout(800);
		await page.locator('[data-test-id="item-iterator-item"]').filter({ hasText: 'U-Mail' }).first().click();
		await page.waitForTimeout(1000);
	},
	/** a resource locator open: the contact lists, searched in U-Mail */
	async 'resource-locator'(page, url) {
		await openWorkflow(page, url, '02-crm-to-list-sync.json');
		await openNode(page, 'Sync list (mirror)');
		await page.locator('[data-test-id="rlc-input"]').first().click();
		await page.locator('[data-test-id="rlc-item"]').first().waitFor();
		await page.waitForTimeout(1500);
	},
	/** the trigger's Fetch Test Event */
	async 'trigger-fetch-test-event'(page, url) {
		await openWorkflow(page, url, '04-hygiene-unsubscribe-bounces.json');
		await openNode(page, 'U-Mail Trigger');
		await page.getByRole('button', { name: 'Fetch Test Event' }).first().click();
		await page.locator('[data-test-id="output-panel"]').getByText('send_status_label').first().waitFor({ timeout: 60_000 });
		await outputAsJson(page);
	},
	/** the mail inbox: the order receipt example 06 sent (Execute workflow, then its test URL), with its PDF */
	async 'inbox-receipt'(page, url, playground) {
		const { cookie } = await env.login(url, { email: EMAIL, password: PASSWORD });
		const order = { orderId: 'SO-10086', currency: 'CNY', total: 398, customer: { name: 'Li Na', email: 'li.na@example.com' }, cc: 'accounts@example.com',
			items: [{ name: 'Tea set', qty: 2, price: 149 }, { name: 'Gift box (red)', qty: 1, price: 100 }] };
		const answer = await runFromEditor(url, cookie, workflowId('06-transactional-email.json'), 'Order paid', { path: 'umail-order-paid', body: order });
		if (answer.status !== 200) throw new Error(`example 06 answered ${answer.status}: ${answer.body.slice(0, 300)}`);
		const mails = await (await fetch(`${playground.inbox}/api/email`)).json();
		const receipt = mails.find((m) => m.subject === 'Order SO-10086 is paid: thank you');
		await page.goto(`${playground.inbox}/#/email/${receipt.id}`);
		await page.getByText('receipt-SO-10086.pdf').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(1500);
	},
	/** an execution's output: the campaign pipeline run to its end, the task report */
	async 'execution-output'(page, url) {
		await openWorkflow(page, url, '01-campaign-pipeline.json');
		await page.locator('[data-test-id="execute-workflow-button"]').first().click();
		const report = page.locator('[data-test-id="canvas-node"][data-node-name="Get task report"]');
		await report.locator('[data-test-id="canvas-node-status-success"]').waitFor({ timeout: 240_000 });
		await page.waitForTimeout(1000);
		await openNode(page, 'Get task report');
		await outputAsJson(page);
	},
};

async function main(argv) {
	const only = (argv.find((a) => a.startsWith('--only=')) || '').slice('--only='.length).split(',').filter(Boolean);
	const names = only.length ? only : Object.keys(SHOTS);
	for (const name of names) if (!SHOTS[name]) throw new Error(`no screenshot called ${name} (${Object.keys(SHOTS).join(', ')})`);
	checkPrerequisites();
	const given = (argv.find((a) => a.startsWith('--url=')) || '').slice('--url='.length);
	const dir = given ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'umail-screenshots-'));
	const inbox = (argv.find((a) => a.startsWith('--inbox=')) || '').slice('--inbox='.length);
	const playground = given ? { url: given, inbox, stop: async () => {} } : await startPlayground(dir, { email: EMAIL, password: PASSWORD });
	let browser;
	try {
		const opened = await openBrowser(playground.url);
		browser = opened.browser;
		fs.mkdirSync(OUT, { recursive: true });
		for (const name of names) {
			say(`${name}…`);
			await opened.page.setViewportSize(VIEWPORT);
			try {
				await SHOTS[name](opened.page, playground.url, playground);
			} catch (error) {
				const failed = path.join(os.tmpdir(), `umail-screenshot-failed-${name}.png`);
				await opened.page.screenshot({ path: failed });
				const ids = await opened.page.evaluate(() => [...new Set([...document.querySelectorAll('[data-test-id]')].map((e) => e.getAttribute('data-test-id')))]);
				say(`test ids on the page: ${ids.join(' ')}`);
				throw new Error(`${name}: ${error.message} (the page then: ${failed})`);
			}
			const file = path.join(OUT, `${name}.png`);
			await opened.page.screenshot({ path: file });
			say(`saved ${path.relative(ROOT, file)}`);
		}
	} finally {
		if (browser) await browser.close();
		await playground.stop();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	}
}

main(process.argv.slice(2)).catch((e) => {
	process.stderr.write(`[screenshots] ERROR: ${e && e.stack ? e.stack : e}\n`);
	process.exit(1);
});
