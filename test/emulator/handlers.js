'use strict';
/*
 * Operation handlers. Each handler gets a context and returns a reply:
 *   { status?: number, headers?: object, chunks: Iterable<string> | string, resultStatus?: string }
 * Large answers are generators yielding chunks of ~64 KB.
 */
const S = require('./state');
const { Xml, cdata } = require('./xml');

const CHUNK = 64 * 1024;
const XML_CT = 'text/xml; charset=utf-8';
const TEXT_CT = 'text/plain; charset=utf-8';

// ---------------------------------------------------------------- reply helpers
function xmlReply(x, resultStatus) {
	return { headers: { 'content-type': XML_CT }, chunks: x.toString(), resultStatus };
}
function result(ctx, status, data, extra) {
	const x = new Xml({ typo: ctx.typo });
	x.open('result').el('status', status);
	if (extra && extra.id != null) x.el('id', extra.id);
	if (typeof data === 'number' || (extra && extra.plainData)) x.el('data', data);
	else x.cd('data', data == null ? '' : data);
	x.close('result');
	return xmlReply(x, status);
}
function ok(ctx, data, extra) {
	return result(ctx, 'success', data, extra);
}
function err(ctx, code, msg) {
	return result(ctx, code, msg);
}
function paramErr(ctx, name, why) {
	return err(ctx, 'param_error', why || `参数 ${name} 错误或缺失`);
}
function textReply(gen, ct, filename) {
	const headers = { 'content-type': ct || TEXT_CT };
	if (filename) headers['content-disposition'] = `attachment; filename="${filename}"`;
	return { headers, chunks: gen };
}
/** Streams the items of an XML list: `each(x, item)` writes one item. */
function* xmlList(ctx, root, items, each, head) {
	const x = new Xml({ typo: ctx.typo });
	x.open(root);
	if (head) head(x);
	for (const it of items) {
		each(x, it);
		if (x.size >= CHUNK) yield x.take();
	}
	x.close(root);
	yield x.take();
}
function xmlListReply(ctx, root, items, each, head) {
	return { headers: { 'content-type': XML_CT }, chunks: xmlList(ctx, root, items, each, head) };
}
function* lines(iterable, fmt) {
	let buf = [];
	let size = 0;
	for (const it of iterable) {
		const s = fmt(it);
		if (s == null) continue;
		buf.push(s);
		size += s.length;
		if (size >= CHUNK) {
			yield buf.join('');
			buf = [];
			size = 0;
		}
	}
	if (buf.length) yield buf.join('');
}

const T = S.fmtDateTime;
const int = (v, d) => {
	if (v == null || v === '') return d;
	const n = Number(v);
	return Number.isInteger(n) ? n : NaN;
};
const has = (v) => v != null && v !== '';
const ids = (v) =>
	String(v == null ? '' : v)
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
const ratio = (a, b) => (b > 0 ? `${((a * 100) / b).toFixed(2)}%` : '0.00%');

/** page/limit → slice bounds; {all:true} when paging is not asked. */
function paging(p, { defLimit, maxLimit, noPage }) {
	const hasPage = has(p.page);
	const hasLimit = has(p.limit);
	if (!hasPage && !hasLimit) return noPage;
	let page = int(p.page, 1);
	let limit = int(p.limit, defLimit);
	if (!(page >= 1)) page = 1;
	if (!(limit >= 1)) limit = defLimit;
	if (maxLimit && limit > maxLimit) limit = maxLimit;
	return { offset: (page - 1) * limit, limit };
}
function applyPaging(arr, pg) {
	if (!pg || pg.all) return arr;
	return arr.slice(pg.offset, pg.offset + pg.limit);
}
function* iterPaged(iterable, pg) {
	if (!pg || pg.all) {
		yield* iterable;
		return;
	}
	let i = 0;
	const end = pg.offset + pg.limit;
	for (const it of iterable) {
		if (i >= end) return;
		if (i >= pg.offset) yield it;
		i++;
	}
}

/** Date range from date/date_end; a missing end = today (§2.3). Returns {from,to} strings, or {error}. */
function dateRange(ctx, p, todayFill) {
	const today = S.fmtDate(ctx.st.now);
	for (const k of ['date', 'date_end']) if (has(p[k]) && S.parseDate(p[k]) == null) return { error: k };
	if (!has(p.date) && !has(p.date_end)) return null;
	let from = has(p.date) ? p.date : todayFill ? today : '0000-00-00';
	let to = has(p.date_end) ? p.date_end : todayFill ? today : has(p.date) ? p.date : today;
	if (from > to) [from, to] = [to, from];
	return { from, to };
}

// ---------------------------------------------------------------- §1 account
function customerInfo(ctx) {
	const c = ctx.c;
	const x = new Xml({ typo: ctx.typo });
	x.open('customer').el('id', c.id).cd('username', c.username).cd('company', c.company).cd('contact', c.contact);
	x.el('phone', c.phone).el('mobile', c.mobile).el('email', c.email).cd('im', c.im).cd('address', c.address).close('customer');
	return xmlReply(x);
}
function serviceInfo(ctx) {
	const { st, c } = ctx;
	let used = 0;
	for (const t of st.sentTasks(c)) for (const b of st.aggregate(t)) used += b.actual - b.rebate;
	const x = new Xml({ typo: ctx.typo });
	x.open('service').el('id', c.id).el('service_status', c.serviceStatus).el('beginning_date', c.beginning).el('expiration_date', c.expiration);
	x.el('qty_available', Math.max(0, c.qtyBuyTotal - used)).el('qty_buytotal', c.qtyBuyTotal);
	x.el('service_type', 'all').el('send_type', 'local').close('service');
	return xmlReply(x);
}

// ---------------------------------------------------------------- §2 statistics
function visibleTasks(ctx) {
	return [...ctx.st.tasks.values()].filter((t) => t.customerId === ctx.c.id && !t.deleted).sort((a, b) => b.id - a.id);
}
function taskCounts(st, t) {
	let total = 0,
		invalid = 0;
	if (st.sentCount(t) > 0 || t.extraFailed.length) for (const b of st.aggregate(t)) (total += b.total), (invalid += b.invalid);
	return { total, invalid };
}
function listNames(ctx, t) {
	return t.listIds.map((id) => {
		const l = ctx.st.getList(ctx.c, id);
		return { id, name: l ? l.subject : '' };
	});
}
// §2.1
function listTask(ctx) {
	const { st, p } = ctx;
	if (!has(p.date) && !has(p.date_end) && !has(p.ident) && !has(p.id)) return paramErr(ctx, 'date', 'date, date_end, ident, id 必须传一个');
	const dr = dateRange(ctx, p, false);
	if (dr && dr.error) return err(ctx, 'date_error', `${dr.error} 格式错误, 必须为 YYYY-MM-DD`);
	let tasks = visibleTasks(ctx);
	if (has(p.id)) tasks = tasks.filter((t) => String(t.id) === String(p.id));
	if (has(p.ident)) tasks = tasks.filter((t) => t.sn === p.ident);
	if (dr) {
		const from = has(p.date) ? p.date : '0000-00-00';
		const to = has(p.date_end) ? p.date_end : has(p.date) ? p.date : '9999-12-31';
		tasks = tasks.filter((t) => {
			const d = st.taskDate(t);
			return d >= from && d <= to;
		});
	}
	if (has(p.state)) {
		const s = int(p.state);
		if (!(s >= -5 && s <= 4)) return paramErr(ctx, 'state', 'state 取值 -5 到 4 之间');
		tasks = tasks.filter((t) => st.taskStatus(t) === s);
	}
	tasks = applyPaging(tasks, paging(p, { defLimit: 10, maxLimit: 20, noPage: { offset: 0, limit: 100 } }));
	return xmlListReply(ctx, 'task_list', tasks, (x, t) => {
		const lists = listNames(ctx, t);
		const cnt = taskCounts(st, t);
		x.open('task').el('id', t.id).el('sn', t.sn).el('sender', t.sendAccount).cd('sender_name', t.sendFullname).el('replyto', t.replyto);
		x.el('tpl_id', t.tplIds.join(',')).cd('tpl_name', t.parts.map((q) => q.tplName).join(','));
		x.el('addr_type', 0).el('list_id', lists.map((l) => l.id).join(',')).cd('list_name', lists.map((l) => l.name).join(','));
		x.el('send_qty', t.sendQty).el('send_qty_remak', t.recipients.length).el('send_time', T(t.sendTime)).el('send_satus', st.taskStatus(t));
		x.el('time_start', T(st.startTime(t) != null && st.now >= st.startTime(t) ? st.startTime(t) : null)).el('time_end', T(st.endTime(t)));
		x.el('send_count', cnt.total).el('error_count', cnt.invalid).el('track_status', t.trackStatus).close('task');
	});
}
// §2.2
function statistic(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.date)) return paramErr(ctx, 'date', 'date 参数必须');
	if (S.parseDate(p.date) == null) return err(ctx, 'date_error', 'date 格式错误, 必须为 YYYY-MM-DD');
	const d = st.dayStats(c, p.date);
	const ty = d.types;
	const x = new Xml({ typo: ctx.typo });
	x.open('statistic').el('date', p.date).el('ws_qty', d.totalsum).el('ws_error', d.invalid).el('ws_count', d.total);
	x.el('invalid_addr', ty[8]).el('format_error', ty[9]).el('send_count', d.totalsum).el('deduc_count', d.point).el('actual_send', d.total);
	x.el('send_error', d.failed).el('actual_deduc', d.actual - d.rebate).el('blacklist_count', ty[6]).el('refuse_count', ty[7]);
	x.el('email_not_exist', ty[1]).el('jujue_count', ty[5]).close('statistic');
	return xmlReply(x);
}
// §2.3 shared: collects failures
function failSelect(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.type)) return { reply: paramErr(ctx, 'type', 'type 参数必须') };
	let type = S.FAIL_TYPE_NAMES[p.type];
	if (type == null) type = int(p.type);
	if (!(type === -1 || (type >= 1 && type <= 10))) return { reply: paramErr(ctx, 'type', 'type 参数错误') };
	const taskId = has(p.task_id) ? p.task_id : null;
	const ident = has(p.task_ident) ? p.task_ident : null;
	if (!taskId && !ident && !has(p.date) && !has(p.date_end)) return { reply: paramErr(ctx, 'date', 'date, date_end, task_id, task_ident 必传其一') };
	if ((type === 1 || type === 2 || type === 3) && !taskId && !ident) return { reply: paramErr(ctx, 'task_id', 'type 为 1, 2, 3 时 task_id 或 task_ident 必须') };
	const dr = dateRange(ctx, p, true);
	if (dr && dr.error) return { reply: err(ctx, 'date_error', `${dr.error} 格式错误, 必须为 YYYY-MM-DD`) };
	const repeat = String(p.is_repeat) === '1';
	const sources = []; // {task, parts:Set|null}
	if (taskId || ident) {
		for (const t of st.sentTasks(c)) {
			if (ident && t.sn !== ident) continue;
			let parts = null;
			if (taskId) {
				const wanted = new Set(ids(taskId));
				const ps = t.parts.filter((q) => wanted.has(String(q.statId)));
				if (!ps.length) continue;
				parts = new Set(ps.map((q) => q.statId));
			}
			sources.push({ task: t, parts });
		}
	} else {
		for (const t of st.sentTasks(c)) {
			const d = st.taskDate(t);
			if (d >= dr.from && d <= dr.to) sources.push({ task: t, parts: null });
		}
	}
	const smtp = [];
	if (!taskId && !ident) for (const [k, arr] of st.smtpFailures) {
		const [cid, d] = k.split('|');
		if (cid === c.id && d >= dr.from && d <= dr.to) for (const f of arr) smtp.push(f); // not push(...arr): a spread of 100,000+ overflows the stack
	}
	function* gen() {
		const seen = repeat ? null : new Set();
		for (const s of sources) {
			const out = [];
			st.forEachSent(s.task, (i, a, part, ft) => {
				if (!ft || (type !== -1 && ft !== type)) return;
				if (s.parts && !s.parts.has(part.statId)) return;
				out.push({ email: a.email, type: ft, taskId: part.statId });
			});
			for (const r of out) {
				if (seen) {
					const k = r.email.toLowerCase();
					if (seen.has(k)) continue;
					seen.add(k);
				}
				yield r;
			}
		}
		for (const f of smtp) {
			if (type !== -1 && f.type !== type) continue;
			if (seen) {
				const k = f.email.toLowerCase();
				if (seen.has(k)) continue;
				seen.add(k);
			}
			yield { email: f.email, type: f.type, taskId: 0 };
		}
	}
	return { gen };
}
function* jsonArray(iter, fmt) {
	yield '[';
	let first = true;
	let buf = [];
	let size = 0;
	for (const it of iter) {
		const s = (first ? '\n' : ',\n') + JSON.stringify(fmt(it));
		first = false;
		buf.push(s);
		size += s.length;
		if (size >= CHUNK) {
			yield buf.join('');
			buf = [];
			size = 0;
		}
	}
	buf.push(first ? ']' : '\n]');
	yield buf.join('');
}
function failExport(ctx, all) {
	const sel = failSelect(ctx);
	if (sel.reply) return sel.reply;
	const out = ctx.p.out_type || '';
	const name = all ? 'failexportall' : 'failexport';
	if (out === 'json')
		return textReply(jsonArray(sel.gen(), (r) => (all ? { email: r.email, type: String(r.type), task_id: String(r.taskId) } : r.email)), 'application/json; charset=utf-8');
	if (out === 'xml')
		return xmlListReply(ctx, 'fail_recipient_list', sel.gen(), (x, r) => {
			x.open('recipient').el('email', r.email);
			if (all) x.el('type', r.type).el('task_id', r.taskId);
			else x.el('error_type', r.type).cd('error_type_dec', S.FAIL_TYPES[r.type]);
			x.close('recipient');
		});
	if (out === 'file') {
		// §2.3.2's sample: TAB between email, type and task_id
		const head = all ? 'email\ttype\ttask_id\n' : 'email\n';
		return textReply(
			(function* () {
				yield head;
				yield* lines(sel.gen(), (r) => (all ? `${r.email}\t${r.type}\t${r.taskId}\n` : `${r.email}\n`));
			})(),
			'text/csv; charset=utf-8',
			`${name}.csv`,
		);
	}
	if (out !== '') return paramErr(ctx, 'out_type', 'out_type 只能为 file, json, xml');
	return textReply(lines(sel.gen(), (r) => `${r.email}\n`), TEXT_CT, `${name}.txt`);
}
// §2.4
function stask(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.date) && !has(p.date_end) && !has(p.ident) && !has(p.id)) return paramErr(ctx, 'date', 'date, date_end, ident, id 必须传一个');
	const dr = dateRange(ctx, { date: p.date || p.date_end, date_end: p.date_end || p.date }, false);
	if (dr && dr.error) return err(ctx, 'date_error', `${dr.error} 格式错误, 必须为 YYYY-MM-DD`);
	let tasks = st.sentTasks(c);
	if (has(p.id) || has(p.ident)) tasks = tasks.filter((t) => (has(p.ident) ? t.sn === p.ident : String(t.id) === String(p.id)));
	else tasks = tasks.filter((t) => st.taskDate(t) >= dr.from && st.taskDate(t) <= dr.to);
	tasks.sort((a, b) => a.id - b.id);
	const rows = [];
	for (const t of tasks) for (const b of st.aggregate(t)) rows.push({ t, b });
	return xmlListReply(ctx, 'data', rows, (x, { t, b }) => {
		x.open('task').el('task_id', b.statId).el('task_date', st.taskDate(t)).el('task_ident', t.sn).el('totalsum', b.totalsum).el('total', b.total);
		x.el('invalid', b.invalid).el('failed', b.failed).el('send_failed', b.sendFailed).el('success', b.success).el('email_not_exist', b.emailNotExist);
		x.el('spam_content', b.spamContent).el('connect_error', b.connectError).el('actual', b.actual).el('over_quota', b.overQuota);
		x.el('user_reject', b.userReject).el('rubbish', b.rubbish).el('point', b.point).el('rebate', b.rebate, 'rebtae').close('task');
	});
}
// §2.5
function deduction(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.date)) return paramErr(ctx, 'date', 'date 参数必须');
	if (S.parseDate(p.date) == null) return err(ctx, 'date_error', 'date 格式错误, 必须为 YYYY-MM-DD');
	const d = st.dayStats(c, p.date);
	const rows = d.tasks ? [{ deduction: '群发扣点', sendNum: d.total, total: d.actual - d.rebate }] : [];
	return xmlListReply(ctx, 'data', rows, (x, r) => {
		x.open('list').el('date', p.date).cd('company', c.company).cd('deduction', r.deduction).el('send_num', r.sendNum).el('total', r.total).close('list');
	});
}
// §2.6
function maillog(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.date)) return paramErr(ctx, 'date', 'date 参数必须');
	if (S.parseDate(p.date) == null) return err(ctx, 'date_error', 'date 格式错误, 必须为 YYYY-MM-DD');
	const mailTo = has(p.mail_to) ? String(p.mail_to).toLowerCase() : null;
	function* gen() {
		yield '{"lists":[';
		let first = true;
		let buf = [];
		let size = 0;
		for (const t of st.sentTasks(c).sort((a, b) => a.id - b.id)) {
			const from = t.sendAccount === 'all' ? `noreply@${t.sendDomain === 'all' || !t.sendDomain ? 'bestedm.net' : t.sendDomain}` : t.sendAccount;
			const rows = [];
			st.forEachSent(t, (i, a, part, ft, at) => {
				if (S.fmtDate(at) !== p.date) return;
				if (mailTo && a.email.toLowerCase() !== mailTo) return;
				rows.push({
					task_id: String(t.id),
					ident: t.sn,
					mail_from: from,
					mail_to: a.email,
					subject: part.subject,
					send_time: T(at),
					status: ft ? 'failed' : 'success',
					error_type: String(ft || 0),
					error_msg: ft ? S.FAIL_TYPES[ft] : '',
				});
			});
			for (const r of rows) {
				const s = (first ? '' : ',') + JSON.stringify(r);
				first = false;
				buf.push(s);
				size += s.length;
				if (size >= CHUNK) {
					yield buf.join('');
					buf = [];
					size = 0;
				}
			}
		}
		buf.push(']}');
		yield buf.join('');
	}
	return { headers: { 'content-type': 'application/json; charset=utf-8' }, chunks: gen() };
}

// ---------------------------------------------------------------- §3 tracking
function trackTask(ctx) {
	const { p } = ctx;
	if (!has(p.id) && !has(p.ident)) return { reply: paramErr(ctx, 'id', 'id, ident 必须传一个') };
	const t = ctx.st.findTask(ctx.c, { id: p.id, ident: has(p.ident) ? p.ident : null });
	if (!t) return { reply: err(ctx, 'not_exist', '任务不存在') };
	return { t };
}
// §3.1
function trackOverview(ctx) {
	const r0 = trackTask(ctx);
	if (r0.reply) return r0.reply;
	const { st } = ctx;
	const t = r0.t;
	const agg = st.trackAggregate(t);
	let processed = 0,
		invalid = 0,
		total = 0,
		failed = 0,
		success = 0;
	if (st.sentCount(t) > 0 || t.extraFailed.length)
		for (const b of st.aggregate(t)) (processed += b.totalsum), (invalid += b.invalid), (total += b.total), (failed += b.failed), (success += b.success);
	const x = new Xml({ typo: ctx.typo });
	x.open('track').el('track_id', t.parts.map((q) => q.trackId).join(',')).el('task_id', t.parts.map((q) => q.statId).join(','));
	x.el('task_sn', t.sn).el('send_id', t.id, 'task_sn').el('send_count', processed).el('error_send_count', invalid + failed);
	x.el('real_send_num', total).el('real_send_count', success).el('real_send_err', failed);
	x.el('open_unique', agg.openUnique).el('open_total', agg.openTotal).el('open_first', T(agg.openFirst)).el('open_last', T(agg.openLast));
	x.el('click_unique', agg.clickUnique).el('click_total', agg.clickTotal).el('click_first', T(agg.clickFirst)).el('click_last', T(agg.clickLast));
	x.el('send_ratio', ratio(success, processed)).el('open_ratio', ratio(agg.openUnique, success)).el('click_ratio', ratio(agg.clickUnique, agg.openUnique));
	x.open('link_statistic');
	for (const L of agg.links.values()) {
		x.open('link').el('link_id', L.link.id).cd('link', L.link.url).el('click_unique', L.unique).el('click_total', L.total);
		x.el('click_first', T(L.first)).el('click_last', T(L.last)).close('link');
	}
	x.close('link_statistic').close('track');
	return xmlReply(x);
}
function* openers(st, t) {
	const rows = [];
	st.forEachSent(t, (i, a, part, ft, at) => {
		if (i < 0 || ft) return;
		const tr = st.visibleTracking(t, i, at);
		if (tr) rows.push({ a, part, tr });
	});
	yield* rows;
}
// §3.2
function openDetail(ctx) {
	const r0 = trackTask(ctx);
	if (r0.reply) return r0.reply;
	const { st } = ctx;
	return xmlListReply(ctx, 'data', openers(st, r0.t), (x, { a, tr }) => {
		let ct = 0,
			cf = null,
			cl = null;
		for (const c of tr.clicks) {
			ct += c.total;
			cf = cf == null ? c.first : Math.min(cf, c.first);
			cl = cl == null ? c.last : Math.max(cl, c.last);
		}
		x.open('user').el('email_id', a.id).el('email', a.email).el('browser', tr.browser).el('os', tr.os).el('device', tr.device);
		x.cd('addr_first', tr.addrFirst).el('ip_first', tr.ipFirst).el('ip_last', tr.ipLast).cd('addr_last', tr.addrLast);
		x.el('open_total', tr.opens).el('click_total', ct).el('open_first', T(tr.openFirst)).el('open_last', T(tr.openLast));
		x.el('click_first', T(cf)).el('click_last', T(cl)).close('user');
	});
}
function* clickRows(st, t, linkId) {
	for (const o of openers(st, t))
		for (const c of o.tr.clicks) if (!linkId || String(c.link.id) === String(linkId)) yield { a: o.a, c };
}
// §3.3
function clickDetail(ctx) {
	const r0 = trackTask(ctx);
	if (r0.reply) return r0.reply;
	const { st, p } = ctx;
	const t = r0.t;
	let n = 0;
	return xmlListReply(ctx, 'data', clickRows(st, t, p.link_id), (x, { a, c }) => {
		n++;
		x.open('click').el('click_id', t.id * 1000000 + n).el('email', a.email).cd('link', c.link.url).el('click_unique', 1).el('click_total', c.total);
		x.el('click_first', T(c.first)).el('click_last', T(c.last)).close('click');
	});
}
// §3.5
function linkStat(ctx) {
	const r0 = trackTask(ctx);
	if (r0.reply) return r0.reply;
	const agg = ctx.st.trackAggregate(r0.t);
	const links = [...agg.links.values()].filter((L) => !has(ctx.p.link_id) || String(L.link.id) === String(ctx.p.link_id));
	return xmlListReply(ctx, 'data', links, (x, L) => {
		x.open('link').el('link_id', L.link.id).cd('link', L.link.url).el('click_unique', L.unique).el('click_total', L.total);
		x.el('click_first', T(L.first)).el('click_last', T(L.last)).close('link');
	});
}
// §3.4
function trackExport(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.track_id)) return paramErr(ctx, 'track_id', 'track_id 参数必须');
	const wanted = new Set(ids(p.track_id));
	const found = [];
	for (const t of st.tasks.values()) {
		if (t.customerId !== c.id) continue;
		for (const q of t.parts) if (wanted.has(String(q.trackId))) found.push({ t, q });
	}
	if (!found.length) return err(ctx, 'not_exist', 'track_id 不存在');
	const onlyClick = String(p.is_click) === '1';
	function* gen() {
		yield 'email_id,email,track_id,open_total,click_total,open_first,open_last,ip_first,device,browser,os\n';
		for (const { t, q } of found) {
			const rows = [];
			for (const o of openers(st, t)) {
				if (o.part !== q) continue;
				if (has(p.email_id) && String(o.a.id) !== String(p.email_id)) continue;
				let clicks = o.tr.clicks;
				if (has(p.link_id)) clicks = clicks.filter((k) => String(k.link.id) === String(p.link_id));
				if ((onlyClick || has(p.link_id)) && !clicks.length) continue;
				const ct = o.tr.clicks.reduce((s, k) => s + k.total, 0);
				rows.push(`${o.a.id},${o.a.email},${q.trackId},${o.tr.opens},${ct},${T(o.tr.openFirst)},${T(o.tr.openLast)},${o.tr.ipFirst},${o.tr.device},${o.tr.browser},${o.tr.os}\n`);
			}
			yield* lines(rows, (s) => s);
		}
	}
	return textReply(gen(), 'text/csv; charset=utf-8', `track_${ids(p.track_id).join('_')}.csv`);
}
// §3.6
function trackDomainOverview(ctx) {
	const { c, p } = ctx;
	let list = [...c.trackDomains.values()];
	if (has(p.domains)) {
		const w = new Set(ids(p.domains).map((s) => s.toLowerCase()));
		list = list.filter((d) => w.has(d.domain));
	}
	// The reference shows no root element: bare <track_domain> elements after the declaration.
	const x = new Xml({ typo: ctx.typo });
	for (const d of list) {
		x.open('track_domain').el('id', d.id).el('customer_id', c.id).el('domain', d.domain).el('isdefault', d.isdefault).el('is_cname', d.isCname).close('track_domain');
	}
	return xmlReply(x);
}
// §3.7
function trackDomainEdit(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.domain)) return err(ctx, 'domain_param_error', 'domain 参数必须');
	const domain = String(p.domain).trim().toLowerCase();
	if (!S.isDomain(domain)) return err(ctx, 'domain_param_error', `domain 参数 ${domain} 格式错误`);
	if (!st.cnameOk(domain)) return err(ctx, 'domain_cname_error', `domain 参数 ${domain} 的 cname 没有解析至 count.bestedm.net`);
	const isdefault = String(p.isdefault) === '1' ? 1 : 0;
	let d = c.trackDomains.get(domain);
	if (!d) {
		d = { id: st.nextId('trackDomain'), domain, isdefault: 0, isCname: 1 };
		c.trackDomains.set(domain, d);
	}
	if (isdefault) for (const o of c.trackDomains.values()) o.isdefault = 0;
	d.isdefault = isdefault;
	return ok(ctx, domain);
}
// §3.8
function trackDomainDel(ctx) {
	const { c, p } = ctx;
	if (!has(p.domains)) return err(ctx, 'domains_param_error', 'domains 参数必须');
	let list;
	if (String(p.domains).trim() === 'all') list = [...c.trackDomains.keys()];
	else {
		list = ids(p.domains).map((s) => s.toLowerCase());
		for (const d of list) if (!S.isDomain(d)) return err(ctx, 'domains_param_error', `domains 参数中 ${d} 格式错误`);
	}
	for (const d of list) c.trackDomains.delete(d);
	return ok(ctx, JSON.stringify(list.map((d) => `'${d}'`)));
}

// ---------------------------------------------------------------- §4 contact lists and addresses
function listItem(x, st, l, root) {
	x.open(root).el('id', l.id).cd('subject', l.subject).cd('description', l.description).el('count', l.addrs.size);
	x.el('input_status', st.listImporting(l)).el('status', l.status);
}
// §4.1
function maillistList(ctx) {
	const { st, c } = ctx;
	return xmlListReply(ctx, 'maillist', [...c.lists.values()], (x, l) => {
		listItem(x, st, l, 'item');
		x.close('item');
	});
}
// §4.2
function maillistDetail(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.id)) return paramErr(ctx, 'id', 'id 参数必须');
	const l = c.lists.get(Number(p.id));
	if (!l) return err(ctx, 'not_exist', '联系人分类不存在');
	const x = new Xml({ typo: ctx.typo });
	listItem(x, st, l, 'maillist');
	x.close('maillist', 'aillist');
	return xmlReply(x);
}
// §4.3
function maillistAdd(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.subject)) return err(ctx, 'add_maillist_error', 'subject 参数必须');
	if (p.status !== 'enabled' && p.status !== 'disabled') return err(ctx, 'add_maillist_error', 'status 参数必须为 enabled 或 disabled');
	const l = st.createList(c, String(p.subject), has(p.description) ? String(p.description) : '', p.status);
	return ok(ctx, l.id);
}
// §4.4
function maillistEdit(ctx) {
	const { c, p, q } = ctx;
	const id = has(q.id) ? q.id : p.id;
	const l = has(id) ? c.lists.get(Number(id)) : null;
	if (!l) return err(ctx, 'update_maillist_error', '联系人分类不存在');
	if (has(p.status) && p.status !== 'enabled' && p.status !== 'disabled') return err(ctx, 'update_maillist_error', 'status 参数必须为 enabled 或 disabled');
	if (p.subject != null && String(p.subject).trim() === '' && has(p.subject)) return err(ctx, 'update_maillist_error', 'subject 不能为空');
	if (has(p.subject)) l.subject = String(p.subject);
	if (has(p.status)) l.status = p.status;
	if (p.description != null) l.description = String(p.description);
	return ok(ctx, '修改联系人分类成功');
}
// §4.5
function maillistDel(ctx) {
	const { st, c, p } = ctx;
	const l = has(p.id) ? c.lists.get(Number(p.id)) : null;
	if (!l) return err(ctx, 'delete_maillist_error', '联系人分类不存在');
	st.deleteList(c, l);
	return ok(ctx, '删除联系人分类成功');
}
// §4.6
function unsubscribeExport(ctx) {
	const { c, p } = ctx;
	const l = has(p.id) ? c.lists.get(Number(p.id)) : null;
	if (!l) return err(ctx, 'not_exist', '联系人分类不存在');
	return textReply(lines(l.unsub, (u) => `${T(u.time)}\t${u.email}\n`), TEXT_CT, `unsubscribe_${l.id}.txt`);
}
// §4.10
function addrEmpty(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.list_id)) return paramErr(ctx, 'list_id', 'list_id 参数必须');
	const l = st.getList(c, p.list_id);
	if (!l) return err(ctx, 'not_exist', '联系人分类不存在');
	st.emptyList(l);
	return ok(ctx, '清空联系人分类成功');
}
// §4.7
function addrList(ctx) {
	const { st, c, p, q } = ctx;
	let sources;
	if (has(q.list_id)) {
		const l = st.getList(c, q.list_id);
		if (!l) return err(ctx, 'not_exist', '联系人分类不存在');
		sources = [l];
	} else sources = [...c.lists.values(), c.unfiled];
	const kw = has(p.keyword) ? String(p.keyword).toLowerCase() : null;
	const addrId = int(p.address_id, 0);
	function* all() {
		if (addrId > 0) {
			const a = st.addrById.get(addrId);
			if (a && sources.some((l) => l.id === a.listId && l.addrs.get(a.email.toLowerCase()) === a)) yield a;
			return;
		}
		for (const l of sources)
			for (const a of l.addrs.values()) {
				if (kw && !a.email.toLowerCase().includes(kw) && !a.fullname.toLowerCase().includes(kw)) continue;
				yield a;
			}
	}
	let total = 0;
	if (!kw && !(addrId > 0)) for (const l of sources) total += l.addrs.size;
	else for (const _ of all()) total++;
	const pg = has(p.page) ? paging(p, { defLimit: 50 }) : { all: true };
	return xmlListReply(
		ctx,
		'data',
		iterPaged(all(), pg),
		(x, a) => {
			x.open('addr').el('id', a.id).el('list_id', a.listId).cd('address', a.email).el('brithday', a.birthday).el('phone', a.phone);
			x.cd('area', a.area).cd('fullname', a.fullname).el('time', T(a.time));
			for (let k = 0; k < 10; k++) x.cd(`var${k + 1}`, a.vars ? a.vars[k] : '');
			x.close('addr');
		},
		(x) => x.el('total_num', total),
	);
}
// §4.8.1 / §4.8.2
function addrAdd(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.list_id)) return paramErr(ctx, 'list_id', 'list_id 参数必须');
	const l = st.getList(c, p.list_id);
	if (!l) return err(ctx, 'not_exist', '联系人分类不存在');
	if (has(p.ml_addr)) {
		const type = p.addr_type || 'string';
		if (type !== 'string') return paramErr(ctx, 'addr_type', 'addr_type 只支持 string');
		let sep = p.separate == null || p.separate === '' ? '\n' : String(p.separate);
		if (sep === '\\n') sep = '\n';
		const r = st.addRows(l, st.parseAddressRows(p.ml_addr, sep));
		return ok(ctx, `成功添加 ${r.added} 个地址, 无效地址 ${r.invalid} 个, 重复地址 ${r.duplicate} 个`);
	}
	if (!has(p.address)) return paramErr(ctx, 'address', 'address 或 ml_addr 参数必须');
	if (has(p.birthday) && !/^\d{4}-\d{2}-\d{2}$/.test(p.birthday)) return err(ctx, 'birthday_error', 'birthday 格式必须为 YYYY-MM-DD');
	if (has(p.sex) && p.sex !== 'M' && p.sex !== 'F') return err(ctx, 'sex_error', 'sex 只能为 M 或 F');
	const r = st.addAddress(l, p);
	if (r.error === 'invalid') return err(ctx, 'address_error', `邮箱地址 ${p.address} 格式错误`);
	if (r.error === 'duplicate') return err(ctx, 'address_exist', `邮箱地址 ${p.address} 已存在`);
	if (r.error === 'unsubscribed') return err(ctx, 'address_unsubscribed', `邮箱地址 ${p.address} 已退订`);
	return String(p.return_id) === '1' ? ok(ctx, r.addr.id) : ok(ctx, '添加地址成功');
}
// §4.8.3
function addrAddFile(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.list_id)) return paramErr(ctx, 'list_id', 'list_id 参数必须');
	const l = st.getList(c, p.list_id);
	if (!l) return err(ctx, 'not_exist', '联系人分类不存在');
	const f = ctx.files.find((x) => x.field === 'file' || x.field === 'file[]');
	if (!f) return err(ctx, 'file_error', 'file 参数必须 (multipart/form-data)');
	const imp = st.createImport(c, l, f.filename, f.buffer.toString('utf8'));
	return ok(ctx, String(imp.id));
}
// §4.8.4
function addrAddFileQuery(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.id) || !/^\d+$/.test(String(p.id))) return err(ctx, 'error', '参数错误');
	const imp = st.imports.get(Number(p.id));
	if (!imp || imp.customerId !== c.id) return err(ctx, 'not_exist', '不存在 id');
	if (!imp.done) return err(ctx, 'no_complete', '正在解析');
	return ok(ctx, '解析完成');
}
// §4.9
function addrDel(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.id)) return paramErr(ctx, 'id', 'id 参数必须');
	const a = st.addrById.get(Number(p.id));
	const owner = a && (a.listId === 0 ? c.unfiled : c.lists.get(a.listId));
	if (!a || !owner || owner.addrs.get(a.email.toLowerCase()) !== a) return err(ctx, 'not_exist', '地址不存在');
	st.deleteAddress(a);
	return ok(ctx, '删除地址成功');
}
// §4.13
function addrAddLog(ctx) {
	const { st, c } = ctx;
	st.tick();
	const x = new Xml({ typo: ctx.typo });
	x.open('result').el('status', 'success').open('data');
	for (const imp of [...c.importLog].reverse()) {
		x.open('address_log').cd('filename', imp.filename).el('filepath', imp.filepath).el('time_import', T(imp.time)).el('count_all', imp.countAll);
		x.el('count_err_1', imp.countErr1).el('count_err_2', imp.countErr2).el('status', imp.status).cd('subject', imp.subject).close('address_log');
	}
	x.close('data').close('result');
	return xmlReply(x, 'success');
}
function splitPairs(text) {
	// "a@x.com,name;b@y.com,name;" or one a line "email<TAB or ,>name"
	const out = [];
	const s = String(text);
	const chunks = /[\r\n]/.test(s) ? s.split(/\r?\n/) : s.split(';');
	for (const ch of chunks) {
		const t = ch.trim();
		if (!t) continue;
		const m = /^([^\t,;]+)(?:[\t,]\s*(.*))?$/.exec(t);
		if (!m) continue;
		out.push({ address: m[1].trim(), name: (m[2] || '').replace(/;$/, '').trim() });
	}
	return out;
}
// §4.11
function mlSub(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.list_id)) return paramErr(ctx, 'list_id', 'list_id 参数必须');
	const l = st.getList(c, p.list_id);
	if (!l) return err(ctx, 'not_exist', '邮件订阅不存在');
	let rows;
	if (has(p.maillist)) rows = splitPairs(p.maillist);
	else if (has(p.address)) rows = [{ address: String(p.address).trim(), name: has(p.name) ? String(p.name) : '' }];
	else return paramErr(ctx, 'address', 'address 或 maillist 参数必须');
	let added = 0,
		invalid = 0,
		dup = 0;
	for (const r of rows) {
		const name = r.name || r.address.split('@')[0];
		// subscribing is the address's own opt-in: it lifts the unsubscribe before the add
		const key = r.address.toLowerCase();
		const wasUnsub = l.unsub.filter((u) => u.email.toLowerCase() === key);
		l.unsub = l.unsub.filter((u) => u.email.toLowerCase() !== key);
		const res = st.addAddress(l, { address: r.address, fullname: name });
		if (res.error === 'invalid') l.unsub.push(...wasUnsub);
		if (res.error === 'invalid') invalid++;
		else if (res.error === 'duplicate') dup++;
		else added++;
	}
	if (rows.length === 1 && invalid === 1) return err(ctx, 'address_error', `邮箱地址 ${rows[0].address} 格式错误`);
	return ok(ctx, `订阅成功 ${added} 个, 无效地址 ${invalid} 个, 已订阅 ${dup} 个`);
}
// §4.12
function mlUnsub(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.list_id)) return paramErr(ctx, 'list_id', 'list_id 参数必须');
	const l = st.getList(c, p.list_id);
	if (!l) return err(ctx, 'not_exist', '邮件订阅不存在');
	if (!has(p.address)) return paramErr(ctx, 'address', 'address 参数必须');
	const list = String(p.address)
		.split(/[\r\n,]+/)
		.map((s) => s.trim())
		.filter(Boolean);
	let n = 0;
	for (const e of list) {
		if (!S.isEmail(e)) continue;
		st.unsubscribe(l, e);
		n++;
	}
	if (!n) return err(ctx, 'address_error', '没有有效的退订地址');
	return ok(ctx, `退订成功 ${n} 个`);
}

// ---------------------------------------------------------------- §5 templates
function ownTpl(ctx, id) {
	const t = has(id) ? ctx.st.templates.get(Number(id)) : null;
	return t && t.customerId === ctx.c.id ? t : null;
}
function addAttachments(ctx, t) {
	const files = ctx.files.filter((f) => f.field === 'file' || f.field === 'file[]' || /^file\[\d*\]$/.test(f.field));
	for (const f of files) t.attachments.push({ id: ctx.st.nextId('atta'), name: f.filename, size: f.size });
	return files.length;
}
// §5.2
function addTpl(ctx) {
	const { st, c, p } = ctx;
	for (const k of ['name', 'subject', 'content']) if (!has(p[k])) return paramErr(ctx, k, `${k} 参数必须`);
	if (has(p.encoding) && p.encoding !== 'base64' && p.encoding !== 'quoted-printable') return paramErr(ctx, 'encoding', 'encoding 只能为 base64 或 quoted-printable');
	const t = st.createTemplate(c, p);
	addAttachments(ctx, t);
	return ok(ctx, t.id);
}
// §5.3
function getTplStatus(ctx) {
	const { st, p } = ctx;
	if (!has(p.tpl_id)) return paramErr(ctx, 'tpl_id', 'tpl_id 参数必须');
	const t = ownTpl(ctx, p.tpl_id);
	if (!t) return err(ctx, 'not_exist', '模板不存在');
	const s = st.templateStatus(t);
	const x = new Xml({ typo: ctx.typo });
	x.open('template').el('id', t.id).cd('name', t.name).el('status', s.status).el('colour', s.colour).el('update_date', T(t.updated));
	x.el('size_status', s.sizeStatus).el('size', s.size).cd('subject', t.subjects.map((q) => q.name).join('|')).close('template');
	return xmlReply(x);
}
// §5.4
function listTpl(ctx) {
	const { st, c, p } = ctx;
	let list = [...st.templates.values()].filter((t) => t.customerId === c.id);
	if (has(p.tpl_id)) list = list.filter((t) => String(t.id) === String(p.tpl_id));
	return xmlListReply(ctx, 'template_list', list, (x, t) => {
		x.open('template').el('id', t.id).el('user_id', c.id).cd('name', t.name);
		for (const q of t.subjects) x.open('subject').el('id', q.id).cd('name', q.name).close('subject');
		x.cd('content', t.content).el('content_type', 'html').open('attachments');
		for (const a of t.attachments) x.open('attachment').el('atta_id', a.id).cd('atta_name', a.name).close('attachment');
		x.close('attachments').el('created', T(t.created)).el('updated', T(t.updated)).close('template');
	});
}
// §5.5
function delTpl(ctx) {
	const t = ownTpl(ctx, ctx.p.tpl_id);
	if (!has(ctx.p.tpl_id)) return paramErr(ctx, 'tpl_id', 'tpl_id 参数必须');
	if (!t) return err(ctx, 'not_exist', '模板不存在');
	ctx.st.templates.delete(t.id);
	return ok(ctx, '删除模板成功');
}
// §5.6
function editTpl(ctx) {
	const { st, p } = ctx;
	if (!has(p.tpl_id)) return paramErr(ctx, 'tpl_id', 'tpl_id 参数必须');
	const t = ownTpl(ctx, p.tpl_id);
	if (!t) return err(ctx, 'not_exist', '模板不存在');
	if (!has(p.name) && !has(p.subject) && !has(p.content)) return paramErr(ctx, 'name', 'name, subject, content 必须至少有一个');
	if (has(p.encoding) && p.encoding !== 'base64' && p.encoding !== 'quoted-printable') return paramErr(ctx, 'encoding', 'encoding 只能为 base64 或 quoted-printable');
	if (has(p.name)) t.name = String(p.name);
	if (has(p.subject)) st.setTemplateSubjects(t, p.subject);
	if (has(p.content)) t.content = String(p.content);
	if (p.text_content != null) t.textContent = String(p.text_content);
	if (has(p.encoding)) t.encoding = p.encoding;
	t.updated = st.now;
	t.checkStart = st.now; // edited content is checked again
	return ok(ctx, '修改模板成功');
}
// §5.7
function tplAttachmentAdd(ctx) {
	const { p } = ctx;
	if (!has(p.tpl_id)) return paramErr(ctx, 'tpl_id', 'tpl_id 参数必须');
	const t = ownTpl(ctx, p.tpl_id);
	if (!t) return err(ctx, 'not_exist', '模板不存在');
	if (!addAttachments(ctx, t)) return err(ctx, 'file_error', 'file 参数必须 (multipart/form-data)');
	t.updated = ctx.st.now;
	return ok(ctx, t.attachments.map((a) => a.id).join(','));
}
// §5.8
function tplAttachmentDel(ctx) {
	const { p } = ctx;
	if (!has(p.tpl_id)) return paramErr(ctx, 'tpl_id', 'tpl_id 参数必须');
	const t = ownTpl(ctx, p.tpl_id);
	if (!t) return err(ctx, 'not_exist', '模板不存在');
	const aid = has(p.attachment_id) ? String(p.attachment_id) : 'all';
	if (aid === 'all') t.attachments = [];
	else {
		const before = t.attachments.length;
		t.attachments = t.attachments.filter((a) => String(a.id) !== aid);
		if (t.attachments.length === before) return err(ctx, 'not_exist', '附件不存在');
	}
	t.updated = ctx.st.now;
	return ok(ctx, '删除附件成功');
}

// ---------------------------------------------------------------- §6 tasks
// §6.1
function taskList(ctx) {
	const { st, p } = ctx;
	let tasks = visibleTasks(ctx);
	if (has(p.id)) tasks = tasks.filter((t) => String(t.id) === String(p.id));
	if (has(p.date)) {
		if (S.parseDate(p.date) == null) return err(ctx, 'date_error', 'date 格式错误, 必须为 YYYY-MM-DD');
		tasks = tasks.filter((t) => st.taskDate(t) === p.date);
	}
	if (has(p.send_status) && p.send_status !== 'all') {
		const s = int(p.send_status);
		if (!(s >= -5 && s <= 4)) return paramErr(ctx, 'send_status', 'send_status 取值 -5 到 4 之间或 all');
		tasks = tasks.filter((t) => st.taskStatus(t) === s);
	}
	if (has(p.verify_status)) tasks = tasks.filter((t) => String(t.verifyStatus) === String(p.verify_status));
	tasks = applyPaging(tasks, paging(p, { defLimit: 10, maxLimit: 20, noPage: { all: true } }));
	return xmlListReply(ctx, 'task_list', tasks, (x, t) => {
		const acctType = t.sendAccount === 'all' ? (t.sendDomain && t.sendDomain !== 'all' ? 'domain' : 'all') : 'address';
		const cnt = taskCounts(st, t);
		x.open('task').el('id', t.id).el('sn', t.sn).el('acct_type', acctType).el('acct_domain', acctType === 'domain' ? t.sendDomain : '');
		x.el('acct_address', acctType === 'address' ? t.sendAccount : '').el('sender', t.sendAccount).el('replyto', t.replyto).cd('sender_name', t.sendFullname);
		x.open('templates');
		for (const q of t.parts) x.open('template').el('tpl_id', q.tplId).cd('tpl_name', q.tplName).close('template');
		x.close('templates').el('addr_type', 0).open('listes');
		for (const l of listNames(ctx, t)) x.open('item').el('list_id', l.id).cd('list_name', l.name).close('item');
		x.close('listes').el('send_qty', t.sendQty).el('send_qty_remak', t.recipients.length).el('send_time', T(t.sendTime));
		x.el('time_start', T(st.startTime(t) != null && st.now >= st.startTime(t) ? st.startTime(t) : null)).el('time_end', T(st.endTime(t)));
		x.el('send_count', cnt.total).el('error_count', cnt.invalid).el('send_status', st.taskStatus(t)).el('verify_status', t.verifyStatus);
		x.el('track_status', t.trackStatus).close('task');
	});
}
const TASK_STATUSES = new Set([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4]);
/** Validates task fields shared by add-task and edit-task. Returns an error reply or null; fills `out`. */
function taskFields(ctx, p, out, editing) {
	const { st, c } = ctx;
	if (has(p.tpl_id)) {
		const list = ids(p.tpl_id).map(Number);
		if (!list.length || list.some((n) => !Number.isInteger(n))) return err(ctx, 'tpl_id_error', 'tpl_id 参数错误');
		for (const id of list) {
			const t = ownTpl(ctx, id);
			if (!t) return err(ctx, 'tpl_id_error', `模板 ${id} 不存在`);
			const s = st.templateStatus(t);
			if (s.status === -1) return err(ctx, 'tpl_checking', `模板 ${id} 正在检测中, 请稍后再试`);
			if (s.status === 0) return err(ctx, 'tpl_check_error', `模板 ${id} 检测不通过 (red)`);
		}
		out.tplIds = list;
	}
	if (has(p.maillist_id)) {
		const list = ids(p.maillist_id).map(Number);
		if (!list.length || list.some((n) => !Number.isInteger(n) || !st.getList(c, n))) return err(ctx, 'maillist_id_error', 'maillist_id 联系人分类不存在');
		out.listIds = list;
	}
	if (has(p.send_account)) {
		const a = String(p.send_account).trim();
		if (a !== 'all' && !S.isEmail(a)) return err(ctx, 'send_account_error', 'send_account 必须为 all 或邮箱地址');
		out.sendAccount = a;
	}
	if (has(p.send_domain)) {
		const d = String(p.send_domain).trim();
		if (d !== 'all' && !S.isDomain(d)) return err(ctx, 'send_domain_error', 'send_domain 格式错误');
		out.sendDomain = d;
	}
	if (has(p.send_fullname)) out.sendFullname = String(p.send_fullname);
	if (has(p.send_qty)) {
		const n = int(p.send_qty);
		if (!(n >= 0)) return err(ctx, 'send_qty_error', 'send_qty 必须为非负整数');
		out.sendQty = n;
	}
	if (has(p.send_qty_start)) {
		const n = int(p.send_qty_start);
		if (!(n >= 1)) return err(ctx, 'send_qty_start_error', 'send_qty_start 必须大于等于 1, 不能为 0');
		out.sendQtyStart = n;
	}
	if (has(p.hour_speed)) {
		const n = int(p.hour_speed);
		if (!(n >= 100 && n <= 75000)) return err(ctx, 'hour_speed_error', 'hour_speed 取值 100 至 75000');
		out.hourSpeed = n;
	}
	for (const [k, allowed, key] of [
		['subs_link', [0, 1], 'subsLink'],
		['track_status', [0, 1, 2], 'trackStatus'],
		['is_need_receipt', [0, 1], 'isNeedReceipt'],
		['is_delay', editing ? [-1, 0, 1] : [0, 1], 'isDelay'],
	]) {
		if (!has(p[k])) continue;
		const n = int(p[k]);
		if (!allowed.includes(n)) return err(ctx, `${k}_error`, `${k} 取值 ${allowed.join(', ')}`);
		out[key] = n;
	}
	if (has(p.track_domain)) {
		const d = String(p.track_domain).trim().toLowerCase();
		if (!S.isDomain(d)) return err(ctx, 'track_domain_error', 'track_domain 格式错误');
		out.trackDomain = d;
	}
	if (has(p.send_replyto)) {
		if (!S.isEmail(String(p.send_replyto).trim())) return err(ctx, 'send_replyto_error', 'send_replyto 格式错误');
		out.replyto = String(p.send_replyto).trim();
	}
	return null;
}
// §6.2 (= §5.1)
/**
 * A send time from the client. While the clock runs fast (clockSpeed > 0) the client's "now" lags the simulated one by
 * hours, so a send time before the simulated now means "now": the task's send time then never precedes its start.
 */
function clientTime(st, ms) {
	return st.clockSpeed > 0 && ms < st.now ? st.now : ms;
}
function addTask(ctx) {
	const { st, c, p, user } = ctx;
	if (!st.rateLimitAddTask(user.username)) return err(ctx, 'add_task_limit_error', '调用此接口 1 小时调用次数不能超过 100 次');
	for (const k of ['tpl_id', 'send_account', 'send_fullname', 'maillist_id', 'time']) if (!has(p[k])) return paramErr(ctx, k, `${k} 参数必须`);
	const parsed = S.parseDateTimeStrict(String(p.time));
	if (parsed == null) return err(ctx, 'time_error', 'time 格式错误, 必须为 YYYY-MM-DD HH:mm');
	const time = clientTime(st, parsed);
	const f = { subsLink: 1, trackStatus: 0, isNeedReceipt: 0, isDelay: 0, sendQty: 0, sendQtyStart: 1, time };
	const e = taskFields(ctx, p, f, false);
	if (e) return e;
	if (f.sendAccount === 'all' && !f.sendDomain) return err(ctx, 'send_domain_error', 'send_account 为 all 时 send_domain 必须');
	if (f.sendQty > 0 && f.sendQty < f.sendQtyStart) return err(ctx, 'send_qty_error', 'send_qty 必须大于等于 send_qty_start');
	let status = 1;
	if (has(p.status)) {
		status = int(p.status);
		if (!TASK_STATUSES.has(status)) return err(ctx, 'status_error', 'status 取值 -5 至 4');
	}
	f.status = status;
	const t = st.createTask(c, f);
	return ok(ctx, '添加群发任务成功!', { id: t.id });
}
// §6.3
function editTask(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.id)) return paramErr(ctx, 'id', 'id 参数必须');
	const t = st.findTask(c, { id: p.id });
	if (!t || t.deleted) return err(ctx, 'not_exist', '任务不存在');
	const f = {};
	const e = taskFields(ctx, p, f, true);
	if (e) return e;
	let sendTime = null;
	if (has(p.send_time)) {
		sendTime = S.parseDateTimeLenient(String(p.send_time));
		if (sendTime == null) return err(ctx, 'send_time_error', 'send_time 格式错误');
		sendTime = clientTime(st, sendTime);
	}
	let status = null;
	if (has(p.send_status)) {
		status = int(p.send_status);
		if (!TASK_STATUSES.has(status)) return err(ctx, 'send_status_error', 'send_status 取值 -5 至 4');
	}
	const cur = st.taskStatus(t);
	// editDefaults 'apply': the fields §6.3 gives a default ("默认填 all", "默认为 1", send_qty 0, track_status 0) take
	// it when not sent, as a server that reads the reference literally would do; 'keep' (default) leaves them as they are
	if (st.editDefaults === 'apply') {
		if (!has(p.send_account)) f.sendAccount = 'all';
		if (!has(p.send_domain)) f.sendDomain = 'all';
		if (!has(p.send_qty)) f.sendQty = 0;
		if (!has(p.track_status)) f.trackStatus = 0;
		if (!has(p.send_status)) status = 1;
	}
	// a value sent again unchanged is no change (a client that sends the current values must not be refused)
	const current = { tplIds: t.tplIds, listIds: t.listIds };
	const differs = (k) => String(f[k]) !== String(k in current ? current[k] : t[k]);
	const changesContent = Object.keys(f).some(differs) || (sendTime != null && sendTime !== t.sendTime);
	if (status === cur) status = null;
	if (cur === 3 || cur === -3) return err(ctx, 'edit_task_error', '任务已完成或已取消, 不能修改');
	if (cur === 2 && changesContent) return err(ctx, 'edit_task_error', '任务正在发送, 只能修改 send_status');
	if (f.tplIds) {
		t.tplIds = f.tplIds;
		t.parts = f.tplIds.map((tplId, k) => {
			const tp = st.templates.get(tplId);
			const old = t.parts[k];
			return {
				tplId,
				tplName: tp.name,
				subject: tp.subjects[0] ? tp.subjects[0].name : '',
				trackId: old ? old.trackId : st.nextId('track'),
				statId: old ? old.statId : st.nextId('stat'),
				links: st.templateLinks(tp).map((url) => ({ id: st.nextId('link'), url })),
			};
		});
	}
	const map = { sendAccount: 'sendAccount', sendDomain: 'sendDomain', sendFullname: 'sendFullname', replyto: 'replyto', subsLink: 'subsLink', trackStatus: 'trackStatus', trackDomain: 'trackDomain', hourSpeed: 'hourSpeed', isNeedReceipt: 'isNeedReceipt', isDelay: 'isDelay' };
	for (const k of Object.keys(map)) if (f[k] != null) t[map[k]] = f[k];
	if (f.listIds || f.sendQty != null || f.sendQtyStart != null) {
		// re-snapshot recipients (the task has not started)
		t.listIds = f.listIds || t.listIds;
		if (f.sendQty != null) t.sendQty = f.sendQty;
		if (f.sendQtyStart != null) t.sendQtyStart = f.sendQtyStart;
		const snap = st.snapshotRecipients(c, t.listIds, t.sendQtyStart, t.sendQty);
		t.recipients = snap.chosen;
		t.listTotal = snap.listTotal;
	}
	if (sendTime != null) t.sendTime = sendTime;
	if (status != null) st._applyStatus(t, status, false);
	else if (sendTime != null && cur !== 2 && t.phases.length && t.staticStatus == null) {
		const last = t.phases[t.phases.length - 1];
		if (st.now < last.start && last.waiting != null) last.start = Math.max(sendTime, st.now);
	}
	if (f.hourSpeed && t.phases.length) {
		const last = t.phases[t.phases.length - 1];
		if (st.now < last.start) last.speed = f.hourSpeed;
	}
	return ok(ctx, '修改群发任务成功');
}
// §6.4
function delTask(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.id)) return paramErr(ctx, 'id', 'id 参数必须');
	const t = st.findTask(c, { id: p.id });
	if (!t || t.deleted) return err(ctx, 'not_exist', '任务不存在');
	if (st.taskStatus(t) === 2) st._applyStatus(t, -3, false);
	t.deleted = true;
	if (st.sentCount(t) === 0) st.tasks.delete(t.id);
	return ok(ctx, '删除群发任务成功');
}

// ---------------------------------------------------------------- §7 domains and mailboxes
const CUSTOMER_ONLY = 'customer';
/** Resolves the target customer of §7 calls (user_type=manager + customer_id for administrators). */
function target(ctx, requireAdmin) {
	const { st, p, user } = ctx;
	const manager = p.user_type === 'manager' || requireAdmin;
	if (has(p.user_type) && p.user_type !== 'manager' && p.user_type !== CUSTOMER_ONLY) return { reply: paramErr(ctx, 'user_type', 'user_type 只能为 manager 或 customer') };
	if (manager) {
		if (!user.admin) return { reply: err(ctx, 'permission_denied', '只有管理员账号才可调用') };
		if (!has(p.customer_id)) return { reply: paramErr(ctx, 'customer_id', 'customer_id 参数必须') };
		if (!st.customers.has(String(p.customer_id))) return { reply: err(ctx, 'not_exist', `客户 ${p.customer_id} 不存在`) };
		return { c: st.customer(String(p.customer_id)) };
	}
	return { c: ctx.c };
}
// §7.1
function domainList(ctx) {
	const r = target(ctx, false);
	if (r.reply) return r.reply;
	const rows = ctx.st.systemDomains.map((d) => ({ cid: 0, domain: d })).concat([...r.c.domains.values()].map((d) => ({ cid: r.c.id, domain: d.domain })));
	return xmlListReply(ctx, 'domain_list', rows, (x, d) => x.open('data').el('customer_id', d.cid).el('domain', d.domain).close('data'));
}
function domainParam(ctx) {
	if (!has(ctx.p.domain)) return { reply: paramErr(ctx, 'domain', 'domain 参数必须') };
	const d = String(ctx.p.domain).trim().toLowerCase();
	if (!S.isDomain(d)) return { reply: err(ctx, 'domain_error', `域名 ${d} 格式错误`) };
	return { d };
}
// §7.2
function customerDomainAdd(ctx) {
	const { st, c } = ctx;
	const r = domainParam(ctx);
	if (r.reply) return r.reply;
	if (st.findDomainOwner(r.d) || st.systemDomains.includes(r.d)) return err(ctx, 'domain_exist', `域名 ${r.d} 已存在`);
	const d = st.addDomain(c, r.d);
	return result(ctx, st.dnsOk(r.d) ? 'success_and_check_ok' : 'success', d.id);
}
// §7.3
function domainCheck(ctx) {
	const { st, c, p } = ctx;
	if (!has(p.domains)) return paramErr(ctx, 'domains', 'domains 参数必须');
	const list = ids(p.domains).map((s) => s.toLowerCase());
	const INFO = { 3: '添加成功并验证通过', 2: '添加成功但验证不通过', 1: '系统不存在但验证通过', 0: '系统不存在并验证不通过' };
	return xmlListReply(ctx, 'domain_list', list, (x, name) => {
		const d = c.domains.get(name);
		const dns = S.isDomain(name) && st.dnsOk(name);
		const status = d ? (dns ? 3 : 2) : dns ? 1 : 0;
		x.open('domain').el('customer_id', c.id).el('domain_id', d ? d.id : 0).el('val', name).el('status', status).cd('info', INFO[status]);
		x.el('dkim', st.dkimOf(name)).close('domain');
	});
}
// §7.4
function domainAdd(ctx) {
	const r = target(ctx, true);
	if (r.reply) return r.reply;
	const dp = domainParam(ctx);
	if (dp.reply) return dp.reply;
	if (ctx.st.findDomainOwner(dp.d)) return err(ctx, 'domain_exist', `域名 ${dp.d} 已存在`);
	const d = ctx.st.addDomain(r.c, dp.d);
	return ok(ctx, d.id);
}
// §7.5
function domainDel(ctx) {
	const r = target(ctx, true);
	if (r.reply) return r.reply;
	const dp = domainParam(ctx);
	if (dp.reply) return dp.reply;
	if (!r.c.domains.has(dp.d)) return err(ctx, 'not_exist', `域名 ${dp.d} 不存在`);
	r.c.domains.delete(dp.d);
	for (const m of [...r.c.mailboxes.keys()]) if (m.endsWith(`@${dp.d}`)) r.c.mailboxes.delete(m);
	return ok(ctx, '删除域名成功');
}
// §7.6
function customerDomainDel(ctx) {
	const { st, c } = ctx;
	const dp = domainParam(ctx);
	if (dp.reply) return dp.reply;
	if (!c.domains.has(dp.d)) return err(ctx, 'not_exist', `域名 ${dp.d} 不存在`);
	if (st.dnsOk(dp.d)) return err(ctx, 'domain_verified_error', `域名 ${dp.d} 已经验证通过, 不能删除`);
	c.domains.delete(dp.d);
	for (const m of [...c.mailboxes.keys()]) if (m.endsWith(`@${dp.d}`)) c.mailboxes.delete(m);
	return ok(ctx, '删除域名成功');
}
// §7.7
function mailboxList(ctx) {
	const r = target(ctx, false);
	if (r.reply) return r.reply;
	const dp = domainParam(ctx);
	if (dp.reply) return dp.reply;
	if (!r.c.domains.has(dp.d)) return err(ctx, 'not_exist', `域名 ${dp.d} 不存在`);
	const rows = [...r.c.mailboxes.values()].filter((m) => m.domain === dp.d);
	const pg = has(ctx.p.page) ? paging(ctx.p, { defLimit: 30 }) : { all: true };
	return xmlListReply(ctx, 'mailbox_list', applyPaging(rows, pg), (x, m) => {
		x.open('data').el('customer_id', r.c.id).el('domain', m.domain).el('name', m.name).el('mailbox', m.mailbox).el('status', m.status ? 'true' : 'false').close('data');
	});
}
function mailboxParam(ctx, r) {
	if (!has(ctx.p.mailbox)) return { reply: paramErr(ctx, 'mailbox', 'mailbox 参数必须') };
	const mb = String(ctx.p.mailbox).trim().toLowerCase();
	if (!S.isEmail(mb)) return { reply: err(ctx, 'mailbox_error', `账号 ${mb} 格式错误`) };
	const domain = mb.split('@')[1];
	if (!r.c.domains.has(domain)) return { reply: err(ctx, 'domain_not_exist', `域名 ${domain} 不存在`) };
	return { mb, domain };
}
// §7.8
function mailboxAdd(ctx) {
	const r = target(ctx, false);
	if (r.reply) return r.reply;
	const m = mailboxParam(ctx, r);
	if (m.reply) return m.reply;
	if (!has(ctx.p.pwd)) return paramErr(ctx, 'pwd', 'pwd 参数必须');
	if (String(ctx.p.pwd).length < 6) return err(ctx, 'pwd_error', '密码长度不能少于 6 位');
	if (r.c.mailboxes.has(m.mb)) return err(ctx, 'mailbox_exist', `账号 ${m.mb} 已存在`);
	r.c.mailboxes.set(m.mb, { id: ctx.st.nextId('mailbox'), mailbox: m.mb, name: m.mb.split('@')[0], domain: m.domain, pwd: String(ctx.p.pwd), status: 1 });
	return ok(ctx, '添加账号成功');
}
// §7.9
function mailboxDel(ctx) {
	const r = target(ctx, false);
	if (r.reply) return r.reply;
	const m = mailboxParam(ctx, r);
	if (m.reply) return m.reply;
	if (!r.c.mailboxes.has(m.mb)) return err(ctx, 'not_exist', `账号 ${m.mb} 不存在`);
	r.c.mailboxes.delete(m.mb);
	return ok(ctx, '删除账号成功');
}
// §7.10
function mailboxEdit(ctx) {
	const r = target(ctx, false);
	if (r.reply) return r.reply;
	const m = mailboxParam(ctx, r);
	if (m.reply) return m.reply;
	const box = r.c.mailboxes.get(m.mb);
	if (!box) return err(ctx, 'not_exist', `账号 ${m.mb} 不存在`);
	const { p } = ctx;
	if (has(p.pwd) && String(p.pwd).length < 6) return err(ctx, 'pwd_error', '密码长度不能少于 6 位');
	if (has(p.status) && p.status !== '0' && p.status !== '1') return err(ctx, 'status_error', 'status 只能为 1 或 0');
	if (!has(p.pwd) && !has(p.status)) return paramErr(ctx, 'pwd', 'pwd 或 status 必须传一个');
	if (has(p.pwd)) box.pwd = String(p.pwd);
	if (has(p.status)) box.status = p.status === '1' ? 1 : 0;
	return ok(ctx, '修改账号成功');
}

// ---------------------------------------------------------------- routing table
/** file → do → handler ('' = no `do`). */
const ROUTES = {
	account: { 'customer-info': customerInfo, 'service-info': serviceInfo },
	task: { 'list-task': listTask, 'task-list': taskList, 'add-task': addTask, 'edit-task': editTask, 'del-task': delTask },
	statistic: { '': statistic },
	failexport: { '': (ctx) => failExport(ctx, false) },
	failexportall: { '': (ctx) => failExport(ctx, true) },
	stask: { '': stask },
	deduction: { '': deduction },
	maillog: { '': maillog },
	track: { overview: trackOverview, 'open-detail': openDetail, 'click-detail': clickDetail, 'link-stat': linkStat },
	trackexport: { '': trackExport },
	trackdomain: { overview: trackDomainOverview, edit: trackDomainEdit, del: trackDomainDel },
	mloperate: {
		'maillist-list': maillistList,
		'maillist-detail': maillistDetail,
		'maillist-add': maillistAdd,
		'maillist-edit': maillistEdit,
		'maillist-del': maillistDel,
		'unsubscribe-export': unsubscribeExport,
		'ml-addr-empty': addrEmpty,
		'ml-addr-list': addrList,
		'ml-addr-add': addrAdd,
		'ml-addr-add-file': addrAddFile,
		'ml-addr-add-file-query': addrAddFileQuery,
		'ml-addr-del': addrDel,
		'ml-addr-add-log': addrAddLog,
		'ml-sub': mlSub,
		'ml-unsub': mlUnsub,
	},
	template: {
		'add-tpl': addTpl,
		'get-tpl-status': getTplStatus,
		'list-tpl': listTpl,
		'del-tpl': delTpl,
		'edit-tpl': editTpl,
		'tpl-attachment-add': tplAttachmentAdd,
		'tpl-attachment-del': tplAttachmentDel,
	},
	bs: {
		'domain-list': domainList,
		'customer-domain-add': customerDomainAdd,
		'domain-check': domainCheck,
		'domain-add': domainAdd,
		'domain-del': domainDel,
		'customer-domain-del': customerDomainDel,
		'mailbox-list': mailboxList,
		'mailbox-add': mailboxAdd,
		'mailbox-del': mailboxDel,
		'mailbox-edit': mailboxEdit,
	},
};

module.exports = { ROUTES, result, err, cdata };
