#!/usr/bin/env node
'use strict';
/*
 * Starts the U-Mail EDM API emulator from the shell.
 *   npm run emulator -- [--port 8025] [--seed 1] [--demo] [--clock-speed N] [--work-speed N] [--auth-failure http401|xml] [--typo-tags] [--verbose]
 * Environment: UMAIL_EMULATOR_PORT, UMAIL_EMULATOR_SEED.
 */
const { start } = require('./index');

function parseArgs(argv) {
	const a = {};
	for (let i = 0; i < argv.length; i++) {
		const k = argv[i];
		const val = () => {
			const v = k.includes('=') ? k.split('=').slice(1).join('=') : argv[++i];
			return v;
		};
		const name = k.split('=')[0];
		if (name === '--port' || name === '-p') a.port = Number(val());
		else if (name === '--seed') a.seed = Number(val());
		else if (name === '--demo') a.demoData = true;
		else if (name === '--clock-speed') a.clockSpeed = Number(val());
		else if (name === '--work-speed') a.workSpeed = Number(val());
		else if (name === '--auth-failure') a.authFailure = val();
		else if (name === '--typo-tags') a.typoTags = true;
		else if (name === '--refuse-unsubscribed') a.refuseUnsubscribed = true;
		else if (name === '--verbose') a.quiet = false;
		else if (name === '--help' || name === '-h') a.help = true;
	}
	return a;
}

(async () => {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log('usage: node test/emulator/cli.js [--port N] [--seed N] [--demo] [--clock-speed N] [--work-speed N] [--auth-failure http401|xml] [--typo-tags] [--verbose]');
		return;
	}
	const port = args.port != null ? args.port : Number(process.env.UMAIL_EMULATOR_PORT || 0);
	const seed = args.seed != null ? args.seed : Number(process.env.UMAIL_EMULATOR_SEED || 1);
	const emu = await start({ ...args, port, seed, quiet: args.quiet !== false });
	console.log(`U-Mail EDM API V28 emulator`);
	console.log(`  URL:        ${emu.url}`);
	console.log(`  legacy URL: ${emu.legacyUrl}`);
	for (const u of emu.users) console.log(`  user:       ${u.username} / ${u.password}  (customer ${u.customerId}${u.admin ? ', administrator' : ''})`);
	console.log(`  seed ${seed}${args.demoData ? ', demo data loaded' : ''}; simulated clock ${emu.control.clock.format()} (+08:00)`);
	console.log('Press Ctrl+C to stop.');
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		await emu.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
})().catch((e) => {
	console.error(e);
	process.exit(1);
});
