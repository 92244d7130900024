'use strict';
/*
 * The emulator in its own process, so its memory and CPU never count against the measured node process.
 * Driven over IPC by bench/run.js: { id, cmd, ...args } → { id, ok, value | error }.
 */
const http = require('node:http');

// Large answers are written in ~64 KB pieces, each awaiting 'drain'; with Nagle's algorithm on, loopback delayed ACKs
// stall every piece (100,000 open rows: 9 s instead of 3 s). A real server's kernel and proxies would not behave so.
const createServer = http.createServer;
http.createServer = function (...args) {
	const server = createServer.apply(this, args);
	server.on('connection', (socket) => socket.setNoDelay(true));
	return server;
};

const { start } = require('../test/emulator');

let emu;
let cpuMark = process.cpuUsage();

/** The simulated clock follows real time from here on (imports finish 5 s after upload, as on a real server). */
function realTimeClock(st) {
	let base = st.now;
	let real0 = Date.now();
	Object.defineProperty(st, 'now', {
		configurable: true,
		get: () => base + (Date.now() - real0),
		set: (value) => {
			base = value;
			real0 = Date.now();
		},
	});
}

/** A list of n addresses whose local part contains `open`: the emulator lets every one of them open (and click). */
function seedOpeners(c, n) {
	const listId = c.createList(`openers-${n}`);
	c.seedAddresses(listId, n, { domain: 'bench.example.com' });
	const customer = c.customerOf();
	const list = c.state.getList(customer, listId);
	const renamed = new Map();
	for (const address of list.addrs.values()) {
		address.email = `open${address.email}`;
		renamed.set(address.email, address);
	}
	list.addrs = renamed;
	return listId;
}

/** A completed, tracked task sent to a list; answers its send id. */
function sentTask(c, listId) {
	const st = c.state;
	const customer = c.customerOf();
	const tpl = st.createTemplate(customer, { name: 'bench', subject: 'Bench', content: '<a href="https://a.example.com/">a</a> <a href="https://b.example.com/">b</a>' });
	c.clock.advance(61_000);
	const task = st.createTask(customer, {
		tplIds: [tpl.id],
		listIds: [Number(listId)],
		sendAccount: 'news@example.com',
		sendFullname: 'Bench',
		time: c.clock.now(),
		status: 2,
		trackStatus: 2,
		hourSpeed: 75000,
		subsLink: 1,
	});
	c.completeTask(task.id);
	return { id: task.id, ident: task.sn };
}

const commands = {
	async start({ seed = 1, latencyMs = 20 }) {
		emu = await start({ seed, quiet: true });
		realTimeClock(emu.control.state);
		emu.control.faults.set({ latencyMs });
		return { url: emu.url };
	},
	createList: ({ subject }) => emu.control.createList(subject),
	seedAddresses: ({ listId, n }) => emu.control.seedAddresses(listId, n),
	/** contacts from..from+n as bench/members.ts makes them (name and phone equal: a sync finds nothing changed) */
	seedContacts({ listId, from = 0, n }) {
		const st = emu.control.state;
		const list = st.getList(emu.control.customerOf(), listId);
		const rows = new Array(n);
		for (let k = 0; k < n; k++) {
			const i = from + k;
			rows[k] = { address: `contact${i}@crm.example.com`, fullname: `Contact ${i}`, phone: `+86 10 5555 ${String(i).padStart(6, '0')}` };
		}
		return st.addRows(list, rows).added;
	},
	seedOpeners: ({ n }) => sentTask(emu.control, seedOpeners(emu.control, n)),
	seedFailedAddresses: ({ target, n, type }) => emu.control.seedFailedAddresses(target ?? emu.control.clock.today(), n, { type }),
	today: () => emu.control.clock.today(),
	listCount: ({ listId }) => emu.control.state.getList(emu.control.customerOf(), listId).addrs.size,
	/** Starts a measured window: clears the log and the CPU counter. */
	mark() {
		emu.control.clearLog();
		cpuMark = process.cpuUsage();
		return true;
	},
	/** Ends it: the calls the emulator saw and the CPU time it spent (its "own work"). */
	report() {
		const cpu = process.cpuUsage(cpuMark);
		const log = emu.control.log;
		const byOperation = {};
		for (const entry of log) {
			const key = `${entry.file}${entry.do ? `?do=${entry.do}` : ''}`;
			byOperation[key] = (byOperation[key] ?? 0) + 1;
		}
		return { calls: log.length, byOperation, cpuMs: (cpu.user + cpu.system) / 1000, failed: log.filter((e) => e.status !== 200).length };
	},
	async stop() {
		await emu?.stop();
		setImmediate(() => process.exit(0));
		return true;
	},
};

process.on('message', async (message) => {
	try {
		const value = await commands[message.cmd](message);
		process.send({ id: message.id, ok: true, value });
	} catch (error) {
		process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) });
	}
});
process.send({ ready: true });
