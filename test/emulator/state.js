'use strict';
/*
 * In-memory state of the U-Mail EDM emulator: accounts, contact lists, addresses, templates, tasks, domains…
 * Everything time-dependent is computed lazily from the simulated clock (no timers).
 */

const HOUR = 3600 * 1000;
const BJ_OFFSET = 8 * HOUR; // the service answers in Beijing time (UTC+8)
const DEFAULT_NOW = Date.parse('2026-11-02T09:00:00+08:00');

/** Durations of the simulated processes (ms). Documented in README.md. */
const TIMING = {
	templateCheckMs: 60 * 1000, // get-tpl-status: status -1 → 1 (or 0) after 60 s
	templateSizeMs: 10 * 1000, // size_status -1 → 1 after 10 s
	importParseMs: 5 * 1000, // ml-addr-add-file: no_complete → success after 5 s
	defaultHourSpeed: 10000, // hour_speed when none given
	openDelayMaxMs: 2 * HOUR, // first open within 2 h of delivery
	openSpreadMaxMs: 1 * HOUR, // last open within 1 h of first open
	clickDelayMaxMs: 30 * 60 * 1000, // click within 30 min of first open
	addTaskLimit: 100, // add-task calls per rolling hour and user
};

// ---------------------------------------------------------------- time helpers
function pad(n, w = 2) {
	return String(n).padStart(w, '0');
}
function fmtDateTime(ms) {
	if (ms == null || !Number.isFinite(ms)) return '';
	return new Date(ms + BJ_OFFSET).toISOString().slice(0, 19).replace('T', ' ');
}
function fmtDate(ms) {
	if (ms == null || !Number.isFinite(ms)) return '';
	return new Date(ms + BJ_OFFSET).toISOString().slice(0, 10);
}
/** Strict YYYY-MM-DD → ms of 00:00 Beijing, or null. */
function parseDate(s) {
	if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
	const ms = Date.parse(`${s}T00:00:00+08:00`);
	if (!Number.isFinite(ms) || fmtDate(ms) !== s) return null;
	return ms;
}
/** Strict `YYYY-MM-DD HH:mm` (optionally :ss) → ms, or null (add-task `time`). */
function parseDateTimeStrict(s) {
	if (typeof s !== 'string') return null;
	const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s.trim());
	if (!m) return null;
	const day = parseDate(m[1]);
	if (day == null) return null;
	const h = +m[2],
		mi = +m[3],
		se = m[4] ? +m[4] : 0;
	if (h > 23 || mi > 59 || se > 59) return null;
	return day + h * HOUR + mi * 60000 + se * 1000;
}
/** Lenient `YYYY-M-D[ H:mm[:ss]]` (edit-task `send_time`) → ms, or null. */
function parseDateTimeLenient(s) {
	if (typeof s !== 'string') return null;
	const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
	if (!m) return null;
	const d = `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`;
	const day = parseDate(d);
	if (day == null) return null;
	const h = m[4] ? +m[4] : 0,
		mi = m[5] ? +m[5] : 0,
		se = m[6] ? +m[6] : 0;
	if (h > 23 || mi > 59 || se > 59) return null;
	return day + h * HOUR + mi * 60000 + se * 1000;
}

// ---------------------------------------------------------------- deterministic randomness
function hash32(a, b, c, d) {
	let h = 0x9e3779b9 ^ Math.imul(a | 0, 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ Math.imul(b | 0, 0x27d4eb2f);
	h = Math.imul(h ^ (h >>> 13), 0x165667b1) ^ Math.imul(c | 0, 0x9e3779b1);
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ Math.imul(d | 0, 0xc2b2ae35);
	h ^= h >>> 15;
	h = Math.imul(h, 0x2c1b3c6d);
	h ^= h >>> 12;
	h = Math.imul(h, 0x297a2d39);
	h ^= h >>> 15;
	return h >>> 0;
}
function rnd(seed, a, b, c) {
	return hash32(seed, a, b, c) / 4294967296;
}
function mulberry32(a) {
	return function () {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// ---------------------------------------------------------------- code tables
const FAIL_TYPES = {
	1: '邮箱不存在',
	2: '邮箱空间满',
	3: '用户拒收',
	4: '垃圾内容邮件',
	5: '拒绝投递',
	6: '地址是黑名单',
	7: '投诉地址',
	8: '无效地址',
	9: '格式错误',
	10: '连接异常',
};
const FAIL_TYPE_NAMES = { not_exist: 1, over_quota: 2, user_reject: 3, invalid_addr: 8, format_error: 9, all: -1 };
/** Failure types that are never sent (counted as `invalid`), the rest are delivery failures. */
const UNSENT_TYPES = new Set([6, 7, 8, 9]);
// weights of failure types among failed recipients
const FAIL_WEIGHTS = [
	[1, 30],
	[2, 10],
	[3, 10],
	[4, 5],
	[5, 10],
	[6, 5],
	[7, 5],
	[8, 15],
	[9, 5],
	[10, 5],
];
const FAIL_RATE = 0.08;
const OPEN_RATE = 0.35;
const CLICK_RATE = 0.4;
const BROWSERS = ['Chrome', 'Safari', 'Firefox', 'Edge', 'WeChat', 'QQBrowser', 'Outlook'];
const OSES = ['Windows 10', 'Windows 11', 'macOS', 'iOS', 'Android', 'Linux'];
const PLACES = ['广东省深圳市', '北京市', '上海市', '浙江省杭州市', '江苏省南京市', '四川省成都市', '湖北省武汉市', '香港'];

const EMAIL_RE = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const DOMAIN_RE = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;
function isEmail(s) {
	return typeof s === 'string' && s.length <= 254 && EMAIL_RE.test(s);
}
function isDomain(s) {
	return typeof s === 'string' && DOMAIN_RE.test(s);
}

// ---------------------------------------------------------------- records
class Addr {
	constructor(id, listId, email, time) {
		this.id = id;
		this.listId = listId;
		this.email = email;
		this.fullname = '';
		this.sex = '';
		this.birthday = '0000-00-00';
		this.phone = '';
		this.area = '';
		this.vars = null; // array of 10 strings or null
		this.time = time;
	}
}

class State {
	constructor(opts = {}) {
		this.opts = opts;
		this.seed = opts.seed == null ? 1 : Number(opts.seed) | 0;
		this.startNow = opts.now == null ? DEFAULT_NOW : typeof opts.now === 'string' ? Date.parse(opts.now) : Number(opts.now);
		// the simulated processes (checks, imports, sends, opens and clicks) run this many times faster; the clock does not
		this.workSpeed = Number(opts.workSpeed) > 0 ? Number(opts.workSpeed) : 1;
		this.users = (opts.users || [
			{ username: 'demo', password: 'demo-pass', customerId: '1001' },
			{ username: 'admin', password: 'admin-pass', customerId: '1', admin: true },
		]).map((u) => ({ ...u, customerId: String(u.customerId) }));
		this.reset();
	}

	reset() {
		this.now = this.startNow;
		this.ids = {
			list: 418800,
			addr: 1,
			tpl: 163260,
			subject: 5000,
			atta: 1,
			task: 19120,
			track: 38280,
			stat: 1036770,
			import: 210580,
			domain: 3210,
			mailbox: 700,
			trackDomain: 1,
			link: 9000,
		};
		this.customers = new Map();
		this.addrById = new Map();
		this.templates = new Map(); // id → template (owner: customerId)
		this.tasks = new Map(); // send id → task
		this.imports = new Map(); // import id → import
		this.pendingImports = [];
		this.smtpFailures = new Map(); // date → [{email,type,time}]
		this.addTaskCalls = new Map(); // username → [ms]
		this.systemDomains = ['bestedm.net', 'edm-system.example.com'];
		this.dnsOverrides = new Map(); // domain → bool
		this.cnameOverrides = new Map(); // domain → bool
		this.spamMarker = 'SPAM-TEST';
		this.typoTags = !!this.opts.typoTags;
		/** §6.3 edit-task: 'keep' the fields not sent, or 'apply' the reference's defaults to them */
		this.editDefaults = this.opts.editDefaults === 'apply' ? 'apply' : 'keep';
		/** the reference is silent on re-adding an unsubscribed address: true refuses it (counted as invalid in §4.8.2) */
		this.refuseUnsubscribed = !!this.opts.refuseUnsubscribed;
		this._aggCache = new Map();
		for (const u of this.users) this.customer(u.customerId, u);
	}

	nextId(kind) {
		return this.ids[kind]++;
	}

	customer(customerId, user) {
		customerId = String(customerId);
		let c = this.customers.get(customerId);
		if (!c) {
			const u = user || this.users.find((x) => x.customerId === customerId) || {};
			c = {
				id: customerId,
				username: u.username || `customer${customerId}`,
				company: u.company || `${u.username || 'customer'} 科技有限公司`,
				contact: u.contact || '张三',
				phone: u.phone || '0755-83276666',
				mobile: u.mobile || '13528775736',
				email: u.email || `${u.username || 'customer'}@example.com`,
				im: u.im || 'QQ:10001',
				address: u.address || '深圳市福田区科技园中路3号',
				qtyBuyTotal: u.qtyBuyTotal == null ? 10000000 : u.qtyBuyTotal,
				beginning: fmtDate(this.startNow - 365 * 24 * HOUR),
				expiration: fmtDate(this.startNow + 365 * 24 * HOUR),
				serviceStatus: 'enabled',
				lists: new Map(),
				unfiled: null,
				domains: new Map(), // domain → {id, domain, customerId}
				mailboxes: new Map(), // mailbox → {...}
				trackDomains: new Map(),
				importLog: [],
			};
			c.unfiled = this._newList(c, 0, '未分类', '', 'enabled');
			this.customers.set(customerId, c);
		}
		return c;
	}

	_newList(c, id, subject, description, status) {
		return {
			id,
			customerId: c.id,
			subject,
			description,
			status,
			created: this.now,
			addrs: new Map(), // lower-case email → Addr (insertion order = list order)
			unsub: [], // {time, email}
		};
	}

	// ------------------------------------------------------------ lists and addresses
	createList(c, subject, description = '', status = 'enabled') {
		const l = this._newList(c, this.nextId('list'), subject, description, status);
		c.lists.set(l.id, l);
		return l;
	}
	getList(c, id) {
		if (id === 0 || id === '0') return c.unfiled;
		return c.lists.get(Number(id)) || null;
	}
	deleteList(c, l) {
		for (const a of l.addrs.values()) this.addrById.delete(a.id);
		c.lists.delete(l.id);
	}
	emptyList(l) {
		for (const a of l.addrs.values()) this.addrById.delete(a.id);
		l.addrs = new Map();
	}
	/** Adds one address; returns {addr} | {error:'invalid'|'duplicate'}. */
	addAddress(l, fields) {
		const email = String(fields.address || '').trim();
		if (!isEmail(email)) return { error: 'invalid' };
		const key = email.toLowerCase();
		if (l.addrs.has(key)) return { error: 'duplicate', addr: l.addrs.get(key) };
		if (this.refuseUnsubscribed && this.isUnsubscribed(l, key)) return { error: 'unsubscribed' };
		const a = new Addr(this.nextId('addr'), l.id, email, this.now);
		if (fields.fullname != null) a.fullname = String(fields.fullname);
		if (fields.sex === 'M' || fields.sex === 'F') a.sex = fields.sex;
		if (fields.birthday && /^\d{4}-\d{2}-\d{2}$/.test(fields.birthday)) a.birthday = fields.birthday;
		if (fields.phone != null) a.phone = String(fields.phone);
		if (fields.area != null) a.area = String(fields.area);
		let vars = null;
		for (let k = 1; k <= 10; k++) {
			const v = fields[`var${k}`];
			if (v != null && v !== '') {
				if (!vars) vars = new Array(10).fill('');
				vars[k - 1] = String(v);
			}
		}
		a.vars = vars;
		l.addrs.set(key, a);
		this.addrById.set(a.id, a);
		return { addr: a };
	}
	/** Parses rows `email;name;sex;birthday;phone;area;var1..var10`. */
	parseAddressRows(text, separator = '\n') {
		const rows = [];
		const parts = String(text).split(separator);
		for (let raw of parts) {
			raw = raw.replace(/\r$/, '').trim();
			if (!raw) continue;
			const f = raw.split(/[;\t]/).map((s) => s.trim());
			const row = { address: f[0], fullname: f[1] || '', sex: f[2] || '', birthday: f[3] || '', phone: f[4] || '', area: f[5] || '' };
			for (let k = 1; k <= 10; k++) row[`var${k}`] = f[5 + k] || '';
			rows.push(row);
		}
		return rows;
	}
	addRows(l, rows) {
		let added = 0,
			invalid = 0,
			duplicate = 0;
		for (const r of rows) {
			const res = this.addAddress(l, r);
			if (res.addr && !res.error) added++;
			else if (res.error === 'invalid' || res.error === 'unsubscribed') invalid++;
			else duplicate++;
		}
		return { added, invalid, duplicate, total: rows.length };
	}
	deleteAddress(a) {
		this.addrById.delete(a.id);
		for (const c of this.customers.values()) {
			const l = a.listId === 0 ? null : c.lists.get(a.listId);
			if (l && l.addrs.get(a.email.toLowerCase()) === a) {
				l.addrs.delete(a.email.toLowerCase());
				return;
			}
			if (a.listId === 0 && c.unfiled.addrs.get(a.email.toLowerCase()) === a) {
				c.unfiled.addrs.delete(a.email.toLowerCase());
				return;
			}
		}
	}
	isUnsubscribed(l, key) {
		return l.unsub.some((u) => u.email.toLowerCase() === key);
	}
	unsubscribe(l, email) {
		const key = email.toLowerCase();
		const a = l.addrs.get(key);
		if (a) {
			this.addrById.delete(a.id);
			l.addrs.delete(key);
		}
		l.unsub.push({ time: this.now, email });
		return !!a;
	}
	/** Fast bulk seeding for benchmarks: n addresses user<i>@… with var1. */
	seedAddresses(l, n, opts = {}) {
		const domain = opts.domain || `list${l.id}.example.com`;
		const start = l.addrs.size;
		const t = this.now;
		for (let i = 0; i < n; i++) {
			const email = `user${start + i}@${domain}`;
			const a = new Addr(this.ids.addr++, l.id, email, t);
			a.fullname = `User ${start + i}`;
			l.addrs.set(email, a);
			this.addrById.set(a.id, a);
		}
		return n;
	}

	// ------------------------------------------------------------ imports (§4.8.3, §4.13)
	createImport(c, l, filename, text) {
		const rows = this.parseAddressRows(text);
		const imp = {
			id: this.nextId('import'),
			customerId: c.id,
			listId: l.id,
			subject: l.subject,
			filename: filename || 'upload.txt',
			filepath: `/usr/local/umail/data/web/mm-ms/cache/${Math.floor(this.now / 1000)}_${10000 + (hash32(this.seed, this.ids.import, 7, 7) % 90000)}.csv`,
			time: this.now,
			doneAt: this.now + TIMING.importParseMs / this.workSpeed,
			rows,
			done: false,
			status: 0,
			countAll: rows.length,
			countErr1: 0,
			countErr2: 0,
		};
		this.imports.set(imp.id, imp);
		this.pendingImports.push(imp);
		c.importLog.push(imp);
		return imp;
	}
	/** Applies due imports; called on every request and on control reads. */
	tick() {
		if (!this.pendingImports.length) return;
		const keep = [];
		for (const imp of this.pendingImports) {
			if (this.now < imp.doneAt) {
				keep.push(imp);
				continue;
			}
			const c = this.customer(imp.customerId);
			const l = this.getList(c, imp.listId);
			const saveNow = this.now;
			this.now = imp.doneAt;
			if (!l) {
				imp.status = -3;
			} else {
				const r = this.addRows(l, imp.rows);
				imp.countErr1 = r.invalid;
				imp.countErr2 = r.duplicate;
				imp.status = r.total === 0 ? -1 : 1;
			}
			this.now = saveNow;
			imp.rows = null;
			imp.done = true;
		}
		this.pendingImports = keep;
	}
	listImporting(l) {
		return this.pendingImports.some((p) => p.listId === l.id && p.customerId === l.customerId) ? 1 : 0;
	}

	// ------------------------------------------------------------ templates (§5)
	createTemplate(c, f) {
		const t = {
			id: this.nextId('tpl'),
			customerId: c.id,
			name: f.name,
			subjects: [],
			content: f.content,
			textContent: f.text_content || '',
			encoding: f.encoding || 'base64',
			attachments: [],
			created: this.now,
			updated: this.now,
			checkStart: this.now,
		};
		this.setTemplateSubjects(t, f.subject);
		this.templates.set(t.id, t);
		return t;
	}
	setTemplateSubjects(t, subject) {
		t.subjects = String(subject)
			.split('|')
			.map((s) => s.trim())
			.filter(Boolean)
			.map((name) => ({ id: this.nextId('subject'), name }));
	}
	templateStatus(t) {
		const elapsed = (this.now - t.checkStart) * this.workSpeed;
		let status, colour;
		if (elapsed < TIMING.templateCheckMs) {
			status = -1;
			colour = '';
		} else if (String(t.content).includes(this.spamMarker) || t.forceSpam) {
			status = 0;
			colour = 'red';
		} else if (String(t.content).includes('YELLOW-TEST')) {
			status = 1;
			colour = 'yellow';
		} else {
			status = 1;
			colour = 'green';
		}
		const measured = elapsed >= TIMING.templateSizeMs;
		let bytes = Buffer.byteLength(String(t.content)) + Buffer.byteLength(String(t.textContent || ''));
		for (const a of t.attachments) bytes += Math.ceil((a.size * 4) / 3); // base64 inflation
		return { status, colour, sizeStatus: measured ? 1 : -1, size: measured ? Math.max(1, Math.ceil(bytes / 1024)) : 0 };
	}
	templateLinks(t) {
		const links = [];
		const re = /href\s*=\s*["']([^"'#][^"']*)["']/gi;
		let m;
		while ((m = re.exec(String(t.content)))) {
			const u = m[1].trim();
			if (/^https?:\/\//i.test(u) && !links.includes(u)) links.push(u);
		}
		return links;
	}

	// ------------------------------------------------------------ tasks (§6)
	createTask(c, f) {
		const id = this.nextId('task');
		const tplIds = f.tplIds;
		const { listTotal, chosen } = this.snapshotRecipients(c, f.listIds, f.sendQtyStart, f.sendQty);
		const ident = `${fmtDate(this.now).replace(/-/g, '')}-${c.id}-${hash32(this.seed, id, 3, 5).toString(16).toUpperCase().padStart(8, '0').slice(0, 6)}`;
		const parts = tplIds.map((tplId) => {
			const t = this.templates.get(tplId);
			return {
				tplId,
				tplName: t ? t.name : '',
				subject: t && t.subjects[0] ? t.subjects[0].name : '',
				trackId: this.nextId('track'),
				statId: this.nextId('stat'),
				links: (t ? this.templateLinks(t) : []).map((url) => ({ id: this.nextId('link'), url })),
			};
		});
		const task = {
			id,
			customerId: c.id,
			sn: ident,
			tplIds,
			parts,
			listIds: f.listIds,
			sendDomain: f.sendDomain || '',
			sendAccount: f.sendAccount,
			sendFullname: f.sendFullname,
			replyto: f.replyto || '',
			sendQty: f.sendQty || 0,
			sendQtyStart: f.sendQtyStart || 1,
			listTotal,
			recipients: chosen,
			extraFailed: [],
			sendTime: f.time,
			created: this.now,
			subsLink: f.subsLink,
			trackStatus: f.trackStatus,
			trackDomain: f.trackDomain || '',
			hourSpeed: f.hourSpeed || TIMING.defaultHourSpeed,
			isNeedReceipt: f.isNeedReceipt || 0,
			isDelay: f.isDelay || 0,
			verifyStatus: 1,
			deleted: false,
			// sending model
			phases: [],
			staticStatus: null,
		};
		this.tasks.set(id, task);
		this._applyStatus(task, f.status == null ? 1 : f.status, true);
		return task;
	}
	/** Recipients of lists (deduplicated across lists), range send_qty_start..send_qty (1-based, inclusive). */
	snapshotRecipients(c, listIds, sendQtyStart, sendQty) {
		const recipients = [];
		const seen = listIds.length > 1 ? new Set() : null;
		for (const lid of listIds) {
			const l = this.getList(c, lid);
			if (!l) continue;
			for (const a of l.addrs.values()) {
				if (seen) {
					const k = a.email.toLowerCase();
					if (seen.has(k)) continue;
					seen.add(k);
				}
				recipients.push(a);
			}
		}
		const from = Math.max(1, sendQtyStart || 1) - 1;
		const to = sendQty > 0 ? Math.min(sendQty, recipients.length) : recipients.length;
		return { listTotal: recipients.length, chosen: recipients.slice(from, Math.max(from, to)) };
	}
	/** Sets a new requested status (add-task status / edit-task send_status). */
	_applyStatus(task, status, creating) {
		const sent = creating ? 0 : this.sentCount(task);
		const total = task.recipients.length;
		if (status === 1 || status === 0 || status === 2) {
			if (sent >= total && !creating && task.phases.length) {
				task.staticStatus = null; // already complete
				return;
			}
			const start = status === 2 ? this.now : Math.max(task.sendTime, this.now);
			task.phases.push({ start, base: sent, speed: task.hourSpeed * this.workSpeed, waiting: status !== 2 ? status : null });
			task.staticStatus = null;
		} else {
			// -1 hold, -2 pause, -3 cancel, 4 stop, -4, -5, 3: freeze where it is
			if (task.phases.length) {
				const last = task.phases[task.phases.length - 1];
				last.end = sent; // recipients sent in this phase end here
			}
			task.staticStatus = status === 3 && sent < total ? 4 : status;
		}
	}
	_phaseFor(task, i) {
		let p = null;
		for (const ph of task.phases) if (ph.base <= i && (ph.end == null || i < ph.end)) p = ph;
		return p;
	}
	sentCount(task) {
		const total = task.recipients.length;
		if (!task.phases.length) return 0;
		const last = task.phases[task.phases.length - 1];
		if (last.end != null) return last.end;
		if (this.now < last.start) return last.base;
		const n = last.base + Math.ceil(((this.now - last.start + 1) * last.speed) / HOUR);
		return Math.min(total, n);
	}
	/** Time recipient i was sent (ms) or null if not (yet) sent. */
	sendTimeOf(task, i) {
		const p = this._phaseFor(task, i);
		if (!p) return null;
		return p.start + Math.floor(((i - p.base) * HOUR) / p.speed);
	}
	startTime(task) {
		return task.phases.length ? task.phases[0].start : null;
	}
	endTime(task) {
		const total = task.recipients.length;
		const last = task.phases[task.phases.length - 1];
		if (!last || last.end != null) return null;
		const end = total === 0 ? last.start : this.sendTimeOf(task, total - 1);
		return this.now >= end ? end : null;
	}
	taskStatus(task) {
		if (task.staticStatus != null) return task.staticStatus;
		const last = task.phases[task.phases.length - 1];
		if (!last) return 1;
		if (this.now < last.start) return last.waiting == null ? 1 : last.waiting;
		if (this.endTime(task) != null) return 3;
		return 2;
	}

	// ------------------------------------------------------------ deterministic outcomes
	/** Outcome of recipient i of a task: failure type (0 = delivered). */
	failType(task, i) {
		const a = task.recipients[i];
		const local = a.email.slice(0, a.email.indexOf('@')).toLowerCase();
		if (local.includes('bounce') || local.includes('notexist')) return 1;
		if (local.includes('invalid')) return 8;
		if (local.includes('deliverok') || local.includes('open')) return 0;
		const r = rnd(this.seed, task.id, i, 1);
		if (r >= FAIL_RATE) return 0;
		let w = rnd(this.seed, task.id, i, 2) * 100;
		for (const [t, weight] of FAIL_WEIGHTS) {
			if (w < weight) return t;
			w -= weight;
		}
		return 1;
	}
	partOf(task, i) {
		return task.parts[i % task.parts.length];
	}
	/** Tracking of a delivered recipient (null if no open). Times are filtered by the clock by callers. */
	tracking(task, i, sentAt) {
		if (task.trackStatus < 1) return null;
		const a = task.recipients[i];
		const local = a.email.slice(0, a.email.indexOf('@')).toLowerCase();
		const forced = local.includes('open');
		if (!forced && rnd(this.seed, task.id, i, 3) >= OPEN_RATE) return null;
		const s = this.seed,
			id = task.id;
		const w = this.workSpeed;
		const openFirst = sentAt + Math.floor((1000 + rnd(s, id, i, 4) * TIMING.openDelayMaxMs) / w);
		const opens = 1 + Math.floor(rnd(s, id, i, 5) * 4);
		const openLast = opens > 1 ? openFirst + Math.floor((60000 + rnd(s, id, i, 6) * TIMING.openSpreadMaxMs) / w) : openFirst;
		const ipA = (ii, k) => `${1 + (hash32(s, id, ii, k) % 222)}.${hash32(s, id, ii, k + 1) % 256}.${hash32(s, id, ii, k + 2) % 256}.${1 + (hash32(s, id, ii, k + 3) % 254)}`;
		const pc = rnd(s, id, i, 7) < 0.55;
		const t = {
			device: pc ? 'pc' : 'mobile',
			browser: BROWSERS[hash32(s, id, i, 8) % BROWSERS.length],
			os: pc ? OSES[hash32(s, id, i, 9) % 3] : OSES[3 + (hash32(s, id, i, 9) % 2)],
			ipFirst: ipA(i, 20),
			ipLast: opens > 1 && rnd(s, id, i, 10) < 0.3 ? ipA(i, 30) : ipA(i, 20),
			addrFirst: PLACES[hash32(s, id, i, 11) % PLACES.length],
			addrLast: PLACES[hash32(s, id, i, 11) % PLACES.length],
			opens,
			openFirst,
			openLast,
			clicks: [],
		};
		const part = this.partOf(task, i);
		if (task.trackStatus >= 2 && part.links.length && (forced || rnd(s, id, i, 12) < CLICK_RATE)) {
			const nl = part.links.length;
			const k = 1 + Math.floor(rnd(s, id, i, 13) * Math.min(nl, 3));
			const off = Math.floor(rnd(s, id, i, 14) * nl);
			for (let j = 0; j < k; j++) {
				const link = part.links[(off + j) % nl];
				const total = 1 + Math.floor(rnd(s, id, i, 15 + j) * 2);
				const first = openFirst + Math.floor((5000 + rnd(s, id, i, 20 + j) * TIMING.clickDelayMaxMs) / w);
				const last = total > 1 ? first + Math.floor((30000 + rnd(s, id, i, 25 + j) * 600000) / w) : first;
				t.clicks.push({ link, total, first, last });
			}
		}
		return t;
	}
	/** Tracking as visible now: opens/clicks that happened after the clock are hidden. */
	visibleTracking(task, i, sentAt) {
		const t = this.tracking(task, i, sentAt);
		if (!t || t.openFirst > this.now) return null;
		if (t.openLast > this.now) {
			t.opens = 1;
			t.openLast = t.openFirst;
			t.ipLast = t.ipFirst;
		}
		t.clicks = t.clicks
			.filter((c) => c.first <= this.now)
			.map((c) => (c.last > this.now ? { ...c, total: 1, last: c.first } : c));
		return t;
	}
	/**
	 * Iterates sent recipients of a task: cb(i, addr, part, failType, sentAt).
	 * Extra seeded failures are reported with i = -1 (addr = {email, id:0}).
	 */
	forEachSent(task, cb) {
		const n = this.sentCount(task);
		for (let i = 0; i < n; i++) {
			const sentAt = this.sendTimeOf(task, i);
			cb(i, task.recipients[i], this.partOf(task, i), this.failType(task, i), sentAt);
		}
		if (n > 0 || this.taskStatus(task) === 3) {
			const at = this.startTime(task);
			for (const f of task.extraFailed) cb(-1, f, task.parts[0], f.type, at);
		}
	}
	/** Per-part aggregates of sent data, cached by (seed, sent count, extra failures). */
	aggregate(task) {
		const sent = this.sentCount(task);
		const key = `${this.seed}|${sent}|${task.extraFailed.length}|${this.taskStatus(task)}`;
		const cached = this._aggCache.get(task.id);
		if (cached && cached.key === key) return cached.value;
		const parts = new Map();
		for (const p of task.parts) parts.set(p.statId, { part: p, processed: 0, types: new Array(11).fill(0) });
		this.forEachSent(task, (i, a, part, type) => {
			const g = parts.get(part.statId);
			g.processed++;
			if (type) g.types[type]++;
		});
		const value = [...parts.values()].map((g) => billing(g));
		this._aggCache.set(task.id, { key, value });
		return value;
	}
	/** Tracking aggregates of a task as of now. */
	trackAggregate(task) {
		const links = new Map();
		for (const p of task.parts) for (const l of p.links) links.set(l.id, { link: l, unique: 0, total: 0, first: null, last: null });
		const r = { openUnique: 0, openTotal: 0, openFirst: null, openLast: null, clickUnique: 0, clickTotal: 0, clickFirst: null, clickLast: null, links };
		this.forEachSent(task, (i, a, part, type, sentAt) => {
			if (i < 0 || type) return;
			const t = this.visibleTracking(task, i, sentAt);
			if (!t) return;
			r.openUnique++;
			r.openTotal += t.opens;
			r.openFirst = minT(r.openFirst, t.openFirst);
			r.openLast = maxT(r.openLast, t.openLast);
			if (t.clicks.length) r.clickUnique++;
			for (const c of t.clicks) {
				r.clickTotal += c.total;
				r.clickFirst = minT(r.clickFirst, c.first);
				r.clickLast = maxT(r.clickLast, c.last);
				const L = links.get(c.link.id);
				L.unique++;
				L.total += c.total;
				L.first = minT(L.first, c.first);
				L.last = maxT(L.last, c.last);
			}
		});
		return r;
	}
	findTask(c, { id, ident }) {
		if (ident) {
			for (const t of this.tasks.values()) if (t.customerId === c.id && t.sn === ident) return t;
			return null;
		}
		const t = this.tasks.get(Number(id));
		return t && t.customerId === c.id ? t : null;
	}
	findPartByStatId(c, statId) {
		for (const t of this.tasks.values()) {
			if (t.customerId !== c.id) continue;
			for (const p of t.parts) if (String(p.statId) === String(statId)) return { task: t, part: p };
		}
		return null;
	}
	taskDate(task) {
		const s = this.startTime(task);
		return s == null ? fmtDate(task.sendTime) : fmtDate(s);
	}
	/** Tasks of a customer that have sent something (including deleted ones: billing stays). */
	sentTasks(c) {
		const out = [];
		for (const t of this.tasks.values()) if (t.customerId === c.id && (this.sentCount(t) > 0 || t.extraFailed.length && this.taskStatus(t) === 3)) out.push(t);
		return out;
	}
	/** Aggregated figures of a date (§2.2, §2.5). */
	dayStats(c, date) {
		const r = { tasks: 0, totalsum: 0, invalid: 0, total: 0, failed: 0, sendFailed: 0, success: 0, actual: 0, point: 0, rebate: 0, types: new Array(11).fill(0) };
		for (const t of this.sentTasks(c)) {
			if (this.taskDate(t) !== date) continue;
			r.tasks++;
			for (const b of this.aggregate(t)) {
				for (const k of ['totalsum', 'invalid', 'total', 'failed', 'sendFailed', 'success', 'actual', 'point', 'rebate']) r[k] += b[k];
				for (let k = 1; k <= 10; k++) r.types[k] += b.types[k];
			}
		}
		const smtp = (this.smtpFailures.get(`${c.id}|${date}`) || []);
		for (const f of smtp) r.types[f.type]++;
		return { ...r, smtp };
	}
	/** Add-task rate limit bookkeeping; returns true when allowed. */
	rateLimitAddTask(username) {
		const arr = (this.addTaskCalls.get(username) || []).filter((t) => t > this.now - HOUR);
		if (arr.length >= TIMING.addTaskLimit) {
			this.addTaskCalls.set(username, arr);
			return false;
		}
		arr.push(this.now);
		this.addTaskCalls.set(username, arr);
		return true;
	}

	// ------------------------------------------------------------ domains (§7)
	dnsOk(domain) {
		if (this.dnsOverrides.has(domain)) return this.dnsOverrides.get(domain);
		return /verified/i.test(domain) && !/unverified/i.test(domain);
	}
	cnameOk(domain) {
		if (this.cnameOverrides.has(domain)) return this.cnameOverrides.get(domain);
		return !/nocname|badcname/i.test(domain);
	}
	dkimOf(domain) {
		const h = hash32(this.seed, domain.length, [...domain].reduce((x, ch) => (x * 31 + ch.charCodeAt(0)) | 0, 7), 1).toString(36);
		return `k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ${h.toUpperCase()}${Buffer.from(domain).toString('base64').replace(/=/g, '')}IDAQAB`;
	}
	addDomain(c, domain) {
		const d = { id: this.nextId('domain'), domain, customerId: c.id, created: this.now };
		c.domains.set(domain, d);
		return d;
	}
	findDomainOwner(domain) {
		for (const c of this.customers.values()) if (c.domains.has(domain)) return c;
		return null;
	}
}

function billing(g) {
	const t = g.types;
	const invalid = t[6] + t[7] + t[8] + t[9];
	const total = g.processed - invalid;
	const sendFailed = t[1] + t[2] + t[3] + t[10];
	const failed = sendFailed + t[4] + t[5];
	return {
		statId: g.part.statId,
		part: g.part,
		totalsum: g.processed,
		total,
		invalid,
		failed,
		sendFailed,
		success: total - failed,
		emailNotExist: t[1],
		spamContent: t[4],
		connectError: t[10],
		overQuota: t[2],
		userReject: t[3],
		rubbish: t[5],
		actual: total,
		point: g.processed,
		rebate: t[1],
		types: t,
	};
}
function minT(a, b) {
	return a == null ? b : Math.min(a, b);
}
function maxT(a, b) {
	return a == null ? b : Math.max(a, b);
}

module.exports = {
	State,
	TIMING,
	HOUR,
	DEFAULT_NOW,
	FAIL_TYPES,
	FAIL_TYPE_NAMES,
	UNSENT_TYPES,
	fmtDate,
	fmtDateTime,
	parseDate,
	parseDateTimeStrict,
	parseDateTimeLenient,
	isEmail,
	isDomain,
	hash32,
	rnd,
	mulberry32,
};
