'use strict';
/*
 * What the playground runs its emulator and n8n with (test/playground/settings.test.ts checks both).
 *
 * Clock: the emulator's clock follows real time, so every time a user sees (send times, task starts, opens) is a time
 * that has already happened; what runs faster is the work: template checks, imports, sends, opens and clicks take
 * 1/PLAYGROUND_WORK_SPEED of their simulated durations. (Until 0.1 the clock itself ran 60× real time, and outputs
 * showed times hours ahead.)
 */

const WORK_SPEED = 60;

const number = (value, fallback) => (value === undefined || value === '' ? fallback : Number(value));

/** Emulator start options: real-time clock (PLAYGROUND_CLOCK_SPEED, default 1), fast work (PLAYGROUND_WORK_SPEED). */
function emulatorOptions(env = process.env) {
	return { now: Date.now(), clockSpeed: number(env.PLAYGROUND_CLOCK_SPEED, 1), workSpeed: number(env.PLAYGROUND_WORK_SPEED, WORK_SPEED) };
}

/**
 * n8n env on top of scripts/n8n-env.js's offline set (telemetry, version checks, templates, banners, license renewal,
 * verified packages are already off there). n8n 2.x adds backend modules that call api.n8n.io on a timer: the MCP
 * registry refresh (modules/mcp-registry) logs a getaddrinfo stack trace offline. n8n 1.x refuses module names it does
 * not know, so the list is given to 2.x only.
 */
function n8nSettings(n8nVersion) {
	const major = Number(String(n8nVersion).split('.')[0]);
	return major >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {};
}

const FRAME = /^\s+at \S/;

/**
 * For the playground's n8n.log: folds each stack trace into one line. n8n 2.41 prints one for its own errors even when
 * the cause is a plain input mistake (a manual run refused for a missing required field also logs "No active execution
 * found" with 7 frames of n8n's source), burying the one line that matters. PLAYGROUND_FULL_LOG=1 keeps them.
 */
function n8nLogFilter(env = process.env) {
	if (env.PLAYGROUND_FULL_LOG === '1') return undefined;
	let partial = '';
	let frames = 0;
	return (chunk) => {
		const lines = (partial + chunk).split('\n');
		partial = lines.pop();
		let out = '';
		for (const line of lines) {
			if (FRAME.test(line)) {
				frames++;
				continue;
			}
			if (frames) out += `    (${frames} stack frames left out; PLAYGROUND_FULL_LOG=1 keeps them)\n`;
			frames = 0;
			out += `${line}\n`;
		}
		return out;
	};
}

module.exports = { WORK_SPEED, emulatorOptions, n8nSettings, n8nLogFilter };
