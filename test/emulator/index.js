'use strict';
/*
 * U-Mail EDM HTTP API (V28) emulator — see README.md beside this file.
 *
 *   const { start } = require('./test/emulator');
 *   const emu = await start({ port: 0, seed: 1 });
 *   // emu.url === 'http://127.0.0.1:<port>/mm-ms/apinew'
 *   await emu.stop();
 */
const http = require('node:http');
const S = require('./state');
const { ROUTES, result } = require('./handlers');
const answerFaults = require('./answerFaults');

const PATH_RE = /^\/mm-ms\/(apinew|api)\/([A-Za-z0-9_-]+)\.php$/;
const FAULT_KINDS = ['reset', 'hang', '5xx', 'html', 'truncate', 'cut', 'trickle', 'refuse'];

function htmlPage(title, body) {
	return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body><center><h1>${title}</h1></center>${body ? `<p>${body}</p>` : ''}<hr><center>nginx</center></body></html>\n`;
}

async function readBody(req) {
	const chunks = [];
	for await (const ch of req) chunks.push(ch);
	return Buffer.concat(chunks);
}

/** Parses a request body into {fields, files}. Multipart uses the web platform's FormData parser. */
async function parseBody(req, buf) {
	const ct = String(req.headers['content-type'] || '');
	const fields = {};
	const files = [];
	if (!buf.length) return { fields, files };
	if (/^application\/x-www-form-urlencoded/i.test(ct)) {
		for (const [k, v] of new URLSearchParams(buf.toString('utf8'))) fields[k] = v;
	} else if (/^multipart\/form-data/i.test(ct)) {
		const fd = await new Response(buf, { headers: { 'content-type': ct } }).formData();
		for (const [k, v] of fd.entries()) {
			if (typeof v === 'string') fields[k] = v;
			else {
				const b = Buffer.from(await v.arrayBuffer());
				files.push({ field: k, filename: v.name || 'blob', size: b.length, type: v.type, buffer: b });
			}
		}
	}
	return { fields, files };
}

function seedDemo(st) {
	const save = st.now;
	const u = st.users.find((x) => !x.admin) || st.users[0];
	const c = st.customer(u.customerId);
	st.now = save - 2 * 24 * S.HOUR;
	const news = st.createList(c, 'Newsletter 订阅用户', '网站订阅用户', 'enabled');
	const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', 'Maria García', 'Kim Min-jun', 'John Smith'];
	const rows = [];
	for (let i = 1; i <= 24; i++) {
		rows.push({
			address: `${i % 6 === 0 ? 'open' : 'reader'}${i}@example.com`,
			fullname: names[i % names.length],
			sex: i % 2 ? 'M' : 'F',
			birthday: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
			phone: `1352877${String(5700 + i)}`,
			area: i % 3 ? '深圳' : '北京',
			var1: `VIP${i % 3}`,
			var2: `coupon-${1000 + i}`,
		});
	}
	rows.push({ address: 'nobody.bounce@example.com', fullname: 'Bounce' });
	st.addRows(news, rows);
	const vip = st.createList(c, 'VIP 客户', '重要客户', 'enabled');
	st.addRows(vip, [
		{ address: 'ceo@example.org', fullname: 'CEO' },
		{ address: 'cto@example.org', fullname: 'CTO' },
		{ address: 'buyer@example.net', fullname: '采购' },
	]);
	st.unsubscribe(news, 'reader5@example.com');
	const imp = st.createImport(c, vip, 'vip-2026.csv', 'vip1@example.org;VIP One\nvip2@example.org;VIP Two\nnot-an-address;x\n');
	const tpl = st.createTemplate(c, {
		name: '十一月新闻通讯',
		subject: '十一月新闻 | November news',
		content: '<html><body><h1>你好 {$fullname}</h1><p><a href="https://www.example.com/promo">优惠</a> <a href="https://www.example.com/blog">博客</a></p></body></html>',
		text_content: '你好',
	});
	tpl.attachments.push({ id: st.nextId('atta'), name: '价格表.pdf', size: 24576 });
	st.createTemplate(c, { name: 'Welcome', subject: 'Welcome to Example', content: '<p>Welcome! <a href="https://www.example.com/start">Start</a></p>' });
	st.now += 10 * 60 * 1000;
	st.tick();
	void imp;
	st.createTask(c, {
		tplIds: [tpl.id],
		listIds: [news.id],
		sendAccount: 'news@mail.verified-demo.example.com',
		sendDomain: 'mail.verified-demo.example.com',
		sendFullname: 'Example 新闻',
		replyto: 'reply@example.com',
		sendQty: 0,
		sendQtyStart: 1,
		time: st.now + 5 * 60 * 1000,
		status: 1,
		subsLink: 1,
		trackStatus: 2,
		trackDomain: 'count.demo.example.com',
		hourSpeed: 5000,
	});
	st.addDomain(c, 'mail.verified-demo.example.com');
	st.addDomain(c, 'news.demo.example.com');
	for (const m of ['news', 'service']) {
		const mb = `${m}@mail.verified-demo.example.com`;
		c.mailboxes.set(mb, { id: st.nextId('mailbox'), mailbox: mb, name: m, domain: 'mail.verified-demo.example.com', pwd: 'secret123', status: 1 });
	}
	c.trackDomains.set('count.demo.example.com', { id: st.nextId('trackDomain'), domain: 'count.demo.example.com', isdefault: 1, isCname: 1 });
	st.now = save;
	st.tick();
}

/**
 * Starts the emulator.
 * @param {import('./index').EmulatorOptions} [options]
 * @returns {Promise<import('./index').Emulator>}
 */
async function start(options = {}) {
	const opts = { port: 0, seed: 1, authFailure: 'http401', demoData: false, quiet: true, ...options };
	const st = new S.State(opts);
	let authFailure = opts.authFailure === 'xml' ? 'xml' : 'http401';
	const log = [];
	const sockets = new Set();
	const hung = new Set();
	let faultCfg = null;
	let faultRng = S.mulberry32(st.seed ^ 0x5eed);
	const faultQueue = [];
	let answerCharset = null;
	let answerGzip = false;
	if (opts.demoData) seedDemo(st);

	// With clockSpeed > 0 simulated time also runs by itself (N simulated ms per real ms), so a real n8n (playground,
	// end-to-end tests) sees template checks pass and tasks complete without a test advancing the clock.
	let clockSpeed = Number(opts.clockSpeed) || 0;
	st.clockSpeed = clockSpeed;
	let realMark = Date.now();
	function syncClock() {
		const real = Date.now();
		if (clockSpeed > 0 && real > realMark) {
			st.now += (real - realMark) * clockSpeed;
			st.tick();
		}
		realMark = real;
	}

	function authenticate(req, query) {
		let username = null;
		let password = null;
		const h = req.headers.authorization;
		if (h && /^Basic\s+/i.test(h)) {
			const dec = Buffer.from(h.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
			const i = dec.indexOf(':');
			if (i >= 0) {
				username = dec.slice(0, i);
				password = dec.slice(i + 1);
			}
		} else if (query.username != null) {
			username = query.username;
			password = query.password || '';
		}
		const user = st.users.find((u) => u.username === username && u.password === password);
		return { user: user || null, username };
	}

	function chooseFault(info) {
		for (let k = 0; k < faultQueue.length; k++) {
			const f = faultQueue[k];
			if (f.only && !f.only(info)) continue;
			f.remaining--;
			if (f.remaining <= 0) faultQueue.splice(k, 1);
			return { kind: f.kind, latencyMs: f.latencyMs || 0, cfg: f };
		}
		const cfg = faultCfg;
		if (!cfg) return null;
		if (cfg.only && !cfg.only(info)) return null;
		if (cfg.count != null && cfg.count <= 0) return null;
		const r = faultRng();
		let acc = 0;
		let kind = null;
		for (const [k, rate] of [
			['reset', cfg.resetRate],
			['hang', cfg.hangRate],
			['5xx', cfg.error5xxRate],
			['html', cfg.htmlErrorRate],
			['truncate', cfg.truncateRate],
		]) {
			acc += Number(rate) || 0;
			if (!kind && r < acc) kind = k;
		}
		if (!kind && !cfg.latencyMs) return null;
		if (cfg.count != null) cfg.count--;
		return { kind, latencyMs: cfg.latencyMs || 0, cfg };
	}

	/** Answers in another charset, gzip-compressed or trickling (answerFaults.js): the whole body is built first. */
	function writeAltered(res, reply, fault) {
		const status = reply.status || 200;
		const text = typeof reply.chunks === 'string' ? reply.chunks : [...reply.chunks].join('');
		const { headers, body } = answerFaults.inCharset(reply, text, answerCharset);
		if (fault && fault.kind === 'trickle') return answerFaults.trickle(res, status, headers, body, fault.cfg || {});
		if (answerGzip) return answerFaults.gzipped(res, status, headers, body);
		res.writeHead(status, { ...headers, 'content-length': body.length });
		res.end(body);
	}

	async function writeReply(res, reply, truncate, fault) {
		if (!truncate && (answerCharset || answerGzip || (fault && fault.kind === 'trickle'))) return writeAltered(res, reply, fault);
		const status = reply.status || 200;
		const headers = { ...(reply.headers || {}) };
		if (typeof reply.chunks === 'string' || truncate) {
			let body = typeof reply.chunks === 'string' ? reply.chunks : [...reply.chunks].join('');
			if (truncate) {
				const buf = Buffer.from(body);
				body = buf.subarray(0, Math.max(1, Math.floor(buf.length * (truncate.ratio || 0.5)))).toString('utf8');
			}
			headers['content-length'] = Buffer.byteLength(body);
			res.writeHead(status, headers);
			res.end(body);
			return;
		}
		res.writeHead(status, headers);
		for (const ch of reply.chunks) {
			if (res.destroyed) return;
			if (!res.write(ch)) await new Promise((r) => res.once('drain', r));
		}
		res.end();
	}

	async function handle(req, res) {
		syncClock();
		const url = new URL(req.url, 'http://127.0.0.1');
		const query = Object.fromEntries(url.searchParams);
		const m = PATH_RE.exec(url.pathname);
		const file = m ? m[2] : null;
		const entry = {
			method: req.method,
			path: url.pathname,
			file,
			do: query.do || null,
			query,
			body: {},
			user: null,
			status: 0,
			resultStatus: null,
			fault: null,
			at: st.now,
		};
		log.push(entry);
		const buf = await readBody(req);
		let parsed = { fields: {}, files: [] };
		try {
			parsed = await parseBody(req, buf);
		} catch {
			/* malformed body: treat as empty */
		}
		entry.body = { ...parsed.fields };
		for (const f of parsed.files) entry.body[f.field] = { filename: f.filename, size: f.size };
		const auth = authenticate(req, query);
		entry.user = auth.user ? auth.user.username : auth.username;

		const fault = chooseFault(entry);
		if (fault) entry.fault = fault.kind || 'latency';
		if (fault && fault.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
		// `after: true`: the call is carried out, then the connection drops before the answer (a write that landed)
		const after = Boolean(fault && fault.cfg && fault.cfg.after && (fault.kind === 'reset' || fault.kind === '5xx'));
		if (fault && fault.kind === 'reset' && !after) {
			entry.status = -1;
			req.socket.destroy();
			return;
		}
		if (fault && fault.kind === 'hang') {
			entry.status = -2;
			hung.add(res);
			const ms = fault.cfg && fault.cfg.hangMs;
			if (ms != null && Number.isFinite(ms)) setTimeout(() => hung.has(res) && (hung.delete(res), res.destroy()), ms).unref();
			return;
		}
		function fail5xx() {
			const code = (fault.cfg && fault.cfg.status) || 500;
			entry.status = code;
			const body = htmlPage(`${code} ${http.STATUS_CODES[code] || 'Error'}`);
			const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) };
			if (fault.cfg && fault.cfg.retryAfter != null) headers['retry-after'] = String(fault.cfg.retryAfter);
			res.writeHead(code, headers);
			res.end(body);
		}
		if (fault && fault.kind === '5xx' && !after) {
			fail5xx();
			return;
		}
		if (fault && fault.kind === 'html') {
			const code = (fault.cfg && fault.cfg.status) || 200;
			entry.status = code;
			const body = htmlPage('系统繁忙, 请稍后再试', 'Fatal error: Allowed memory size exhausted in /usr/local/umail/data/web/mm-ms/apinew/index.php on line 88');
			res.writeHead(code, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
			res.end(body);
			return;
		}

		if (!m || !ROUTES[file.toLowerCase()]) {
			entry.status = 404;
			const body = htmlPage('404 Not Found');
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
			res.end(body);
			return;
		}
		const ctxBase = { st, typo: st.typoTags, q: query, files: parsed.files, method: req.method };
		if (!auth.user) {
			if (authFailure === 'http401') {
				entry.status = 401;
				const body = htmlPage('401 Authorization Required');
				res.writeHead(401, { 'www-authenticate': 'Basic realm="U-Mail EDM API"', 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
				res.end(body);
				return;
			}
			const reply = result(ctxBase, 'auth_error', '用户名或密码错误');
			entry.status = 200;
			entry.resultStatus = 'auth_error';
			await writeReply(res, reply, fault && fault.kind === 'truncate' ? fault.cfg || {} : null, fault);
			return;
		}
		st.tick();
		// GET and POST parameters are merged (POST wins), except username, password and do, which stay in the query.
		const p = { ...query, ...parsed.fields };
		for (const k of ['username', 'password', 'do']) {
			if (k in query) p[k] = query[k];
			else delete p[k];
		}
		const routes = ROUTES[file.toLowerCase()];
		const doName = query.do || '';
		let handler = routes[doName];
		if (!handler && routes[''] && !doName) handler = routes[''];
		if (!handler && routes['']) handler = routes['']; // files without `do` ignore it
		let reply;
		const ctx = { ...ctxBase, p, user: auth.user, c: st.customer(auth.user.customerId) };
		if (!handler) reply = result(ctx, 'do_error', `do 参数 ${doName} 错误, 不支持的操作`);
		// 'refuse': U-Mail answers a refusal (default tpl_checking) and does nothing
		else if (fault && fault.kind === 'refuse') reply = result(ctx, (fault.cfg && fault.cfg.refusal) || 'tpl_checking', (fault.cfg && fault.cfg.message) || '模板正在检测中, 请稍后再试');
		else {
			try {
				reply = handler(ctx);
			} catch (e) {
				if (!opts.quiet) console.error(e);
				entry.status = 500;
				const body = `<br />\n<b>Fatal error</b>:  ${String(e && e.message).replace(/</g, '&lt;')} in <b>/usr/local/umail/data/web/mm-ms/apinew/${file}.php</b><br />\n`;
				res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
				res.end(body);
				return;
			}
		}
		entry.status = reply.status || 200;
		entry.resultStatus = reply.resultStatus || null;
		if (after && fault.kind === '5xx') return fail5xx();
		if (after) {
			entry.status = -1;
			req.socket.destroy();
			return;
		}
		if (fault && fault.kind === 'cut') return cutReply(res, reply, fault.cfg || {});
		await writeReply(res, reply, fault && fault.kind === 'truncate' ? fault.cfg || {} : null, fault);
	}

	/** 'cut': the headers promise the whole answer, part of it is sent, then the connection is reset mid-answer. */
	function cutReply(res, reply, cfg) {
		const body = Buffer.from(typeof reply.chunks === 'string' ? reply.chunks : [...reply.chunks].join(''));
		res.writeHead(reply.status || 200, { ...(reply.headers || {}), 'content-length': body.length });
		res.write(body.subarray(0, Math.max(1, Math.floor(body.length * (cfg.ratio || 0.5)))));
		setTimeout(() => res.socket && res.socket.destroy(), 20);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((e) => {
			if (!opts.quiet) console.error(e);
			if (!res.headersSent) {
				res.writeHead(500, { 'content-type': 'text/plain' });
				res.end('500 Internal Server Error');
			} else res.destroy();
		});
	});
	server.keepAliveTimeout = 5000;
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port || 0, '127.0.0.1', resolve);
	});
	const port = server.address().port;
	const baseUrl = `http://127.0.0.1:${port}`;

	const control = {
		clock: {
			now: () => {
				syncClock();
				return st.now;
			},
			/** simulated ms per real ms; 0 = the clock moves only when told */
			setSpeed: (speed) => {
				syncClock();
				clockSpeed = Number(speed) || 0;
				st.clockSpeed = clockSpeed;
			},
			advance: (ms) => {
				st.now += Number(ms) || 0;
				st.tick();
				return st.now;
			},
			set: (ms) => {
				st.now = typeof ms === 'string' ? Date.parse(ms) : Number(ms);
				st.tick();
				return st.now;
			},
			format: (ms) => S.fmtDateTime(ms == null ? st.now : ms),
			today: () => S.fmtDate(st.now),
		},
		setSeed(n) {
			st.seed = Number(n) | 0;
			st._aggCache.clear();
			faultRng = S.mulberry32(st.seed ^ 0x5eed);
		},
		get seed() {
			return st.seed;
		},
		faults: {
			set(cfg) {
				faultCfg = { ...(cfg || {}) };
				faultRng = S.mulberry32(st.seed ^ 0x5eed);
			},
			clear() {
				faultCfg = null;
				faultQueue.length = 0;
			},
			next(kind, n = 1, extra = {}) {
				if (!FAULT_KINDS.includes(kind) && kind !== 'latency') throw new Error(`unknown fault kind ${kind}`);
				faultQueue.push({ kind: kind === 'latency' ? null : kind, remaining: n, ...extra });
			},
			get config() {
				return faultCfg;
			},
			get pending() {
				return faultQueue.reduce((s, f) => s + f.remaining, 0);
			},
		},
		log,
		clearLog() {
			log.length = 0;
		},
		reset() {
			st.reset();
			log.length = 0;
			faultCfg = null;
			faultQueue.length = 0;
			faultRng = S.mulberry32(st.seed ^ 0x5eed);
			answerCharset = null;
			answerGzip = false;
			authFailure = opts.authFailure === 'xml' ? 'xml' : 'http401';
			if (opts.demoData) seedDemo(st);
		},
		state: st,
		timing: S.TIMING,
		setAuthFailure(mode) {
			if (mode !== 'http401' && mode !== 'xml') throw new Error(`authFailure must be 'http401' or 'xml'`);
			authFailure = mode;
		},
		get authFailure() {
			return authFailure;
		},
		/** §6.3: 'apply' the reference's defaults to fields an edit does not send, or 'keep' them (default) */
		setEditDefaults(mode) {
			st.editDefaults = mode === 'apply' ? 'apply' : 'keep';
		},
		/** Text answers in this charset ('GBK', 'Big5', …; null: UTF-8, as the reference says), declared in both places. */
		setCharset(charset) {
			answerCharset = charset || null;
		},
		/** Answers gzip-compressed (Content-Encoding: gzip). */
		setGzip(on) {
			answerGzip = !!on;
		},
		setRefuseUnsubscribed(on) {
			st.refuseUnsubscribed = !!on;
		},
		setTypoTags(on) {
			st.typoTags = !!on;
		},
		customerOf(username) {
			const u = st.users.find((x) => x.username === (username || st.users[0].username));
			if (!u) throw new Error(`no user ${username}`);
			return st.customer(u.customerId);
		},
		createList(subject = 'Seeded list', { username, status = 'enabled', description = '' } = {}) {
			return st.createList(control.customerOf(username), subject, description, status).id;
		},
		seedAddresses(listId, n, { domain } = {}) {
			for (const c of st.customers.values()) {
				const l = c.lists.get(Number(listId));
				if (l) return st.seedAddresses(l, n, { domain });
			}
			throw new Error(`no list ${listId}`);
		},
		seedFailedAddresses(target, n, { type, username } = {}) {
			const types = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
			const mk = (k) => ({ email: `failed${k}@bounce-seed.example.com`, type: type || types[k % types.length], id: 0 });
			if (typeof target === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(target)) {
				const c = control.customerOf(username);
				const key = `${c.id}|${target}`;
				const arr = st.smtpFailures.get(key) || [];
				for (let k = 0; k < n; k++) arr.push(mk(arr.length));
				st.smtpFailures.set(key, arr);
				return arr.length;
			}
			const t = st.tasks.get(Number(target));
			if (!t) throw new Error(`no task ${target}`);
			const base = t.extraFailed.length;
			for (let k = 0; k < n; k++) t.extraFailed.push({ ...mk(base + k), email: `failed${base + k}.t${t.id}@bounce-seed.example.com` });
			st._aggCache.delete(t.id);
			return t.extraFailed.length;
		},
		markTemplateSpam(tplId, spam = true) {
			const t = st.templates.get(Number(tplId));
			if (!t) throw new Error(`no template ${tplId}`);
			t.forceSpam = !!spam;
		},
		setSpamMarker(marker) {
			st.spamMarker = marker;
		},
		setDomainDns(domain, okFlag) {
			st.dnsOverrides.set(String(domain).toLowerCase(), !!okFlag);
		},
		setTrackDomainCname(domain, okFlag) {
			st.cnameOverrides.set(String(domain).toLowerCase(), !!okFlag);
		},
		resetRateLimit() {
			st.addTaskCalls.clear();
		},
		/** Moves the clock past the end of a task and its tracking window. */
		completeTask(taskId) {
			const t = st.tasks.get(Number(taskId));
			if (!t) throw new Error(`no task ${taskId}`);
			const n = t.recipients.length;
			const last = t.phases[t.phases.length - 1];
			if (!last || t.staticStatus != null) return st.now;
			const end = n ? last.start + Math.floor(((n - 1 - last.base) * S.HOUR) / last.speed) : last.start;
			const target = end + S.TIMING.openDelayMaxMs + S.TIMING.openSpreadMaxMs + S.TIMING.clickDelayMaxMs + 60000;
			if (target > st.now) st.now = target;
			st.tick();
			return st.now;
		},
	};

	if (!opts.quiet) console.log(`U-Mail emulator listening on ${baseUrl}/mm-ms/apinew`);

	return {
		url: `${baseUrl}/mm-ms/apinew`,
		legacyUrl: `${baseUrl}/mm-ms/api`,
		baseUrl,
		port,
		control,
		users: st.users.map((u) => ({ ...u })),
		async stop() {
			for (const res of hung) res.destroy();
			hung.clear();
			await new Promise((resolve) => {
				server.close(() => resolve());
				if (server.closeAllConnections) server.closeAllConnections();
				for (const s of sockets) s.destroy();
			});
		},
	};
}

module.exports = { start, seedDemo, TIMING: S.TIMING };
