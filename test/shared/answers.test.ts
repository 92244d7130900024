/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import {
	AnswerFormatError,
	decodeJson,
	decodeLines,
	decodeXml,
	pick,
	splitColumns,
} from '../../nodes/Umail/shared/answers';

const DIR = join(__dirname, '../fixtures/reference');
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** The list paths the catalogue documents, per answer shape. */
const LISTS = {
	taskList: ['task_list.task', 'task_list.task.templates.template', 'task_list.task.listes.item'],
	failed: ['fail_recipient_list.recipient'],
	billing: ['data.task'],
	deductions: ['data.list'],
	track: ['track.link_statistic.link'],
	opens: ['data.user'],
	clicks: ['data.click'],
	links: ['data.link'],
	trackDomains: ['track_domain'],
	contactLists: ['maillist.item'],
	addresses: ['data.addr'],
	importLog: ['result.data.address_log'],
	templates: ['template_list.template', 'template_list.template.subject', 'template_list.template.attachments.attachment'],
	domains: ['domain_list.data'],
	domainCheck: ['domain_list.domain'],
	mailboxes: ['mailbox_list.data'],
} as const;

/** Like `pick`, but steps into the first entry of a list on the way. */
function at(answer: unknown, path: string): unknown {
	let current = answer;
	for (const part of path.split('.')) {
		if (Array.isArray(current)) current = current[0];
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[part];
	}
	return current;
}

function formatError(run: () => unknown): AnswerFormatError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(AnswerFormatError);
		return error as AnswerFormatError;
	}
	throw new Error('expected an AnswerFormatError');
}

/** Parser stack traces or internals must never reach the user. */
function expectNoInternals(error: AnswerFormatError) {
	for (const text of [error.message, error.snippet]) {
		expect(text).not.toMatch(/\n\s+at |node_modules|fast-xml-parser|OrderedObjParser|TypeError|SyntaxError/);
	}
}

describe('reference fixtures', () => {
	test('the folder holds every sample and the README lists each file', () => {
		const files = readdirSync(DIR).filter((name) => name !== 'README.md');
		expect(files.length).toBe(44);
		const readme = fixture('README.md');
		for (const file of files) expect(readme).toContain(`\`${file}\``);
	});

	test('§1.1 customer: every field a string, Chinese text intact', () => {
		expect(decodeXml(fixture('1.1-customer.xml'))).toEqual({
			customer: {
				id: '用户 ID',
				username: '用户名称',
				company: '公司名称',
				contact: '联系人',
				phone: '联系电话号码',
				mobile: '移动电话号码',
				email: '联系邮件地址',
				im: '即时聊天工具地址',
				address: '通信地址',
			},
		});
	});

	test('§1.2 service', () => {
		const { service } = decodeXml(fixture('1.2-service.xml')) as { service: IDataObject };
		expect(Object.keys(service)).toEqual([
			'id',
			'service_status',
			'beginning_date',
			'expiration_date',
			'qty_available',
			'qty_buytotal',
		]);
		expect(service.qty_available).toBe('剩余有效群发量');
	});

	test('§2.1 task list across the page break: send_satus → send_status, send_qty_remak → send_qty_remark', () => {
		const answer = decodeXml(fixture('2.1-task_list.xml'), LISTS.taskList);
		const tasks = pick(answer, 'task_list.task') as IDataObject[];
		expect(tasks).toHaveLength(1);
		expect(tasks[0]).toMatchObject({
			id: '发送任务 send ID',
			sender_name: '发件人名称',
			replyto: '回复地址',
			send_qty_remark: '预定发送数量(实际发送)',
			send_status: '任务发送状态 (-5 至 4 之间)',
			track_status: '跟踪统计状态',
		});
		expect(tasks[0]).not.toHaveProperty('send_satus');
		expect(tasks[0]).not.toHaveProperty('send_qty_remak');
	});

	test('§2.2 statistic', () => {
		const answer = decodeXml(fixture('2.2-statistic.xml'));
		expect(pick(answer, 'statistic.jujue_count')).toBe('拒绝投递量');
		expect(Object.keys(answer.statistic as IDataObject)).toHaveLength(15);
	});

	test('§2.3.1 failed addresses XML: recipient list; the `...` placeholder is left aside as text', () => {
		const answer = decodeXml(fixture('2.3.1-fail_recipient_list.xml'), LISTS.failed);
		expect(pick(answer, 'fail_recipient_list.recipient')).toEqual([
			{ email: 'violatte@coolreall.com', error_type: '1', error_type_dec: '邮箱不存在' },
		]);
	});

	test('§2.3.1 failed addresses JSON: printed cut off, so unreadable; the complete reading gives strings', () => {
		const error = formatError(() => decodeJson(fixture('2.3.1-fail_recipient_list.json')));
		expect(error.message).toBe('The server sent JSON that cannot be read');
		expect(error.snippet).toMatch(/^\[ "1595936793@qq\.com"/);
		expectNoInternals(error);
		const complete = fixture('2.3.1-fail_recipient_list.json').trimEnd().replace(/,$/, '\n]');
		expect(decodeJson(complete)).toEqual(['1595936793@qq.com', '1595936793@qq.com']);
	});

	test('§2.3.2 failed addresses CSV (file): TAB columns, header line kept, values stay strings', () => {
		const lines = decodeLines(fixture('2.3.2-fail_recipient_list.txt'));
		expect(lines).toHaveLength(5);
		const rows = lines.map((line) => splitColumns(line, ['email', 'type', 'task_id']));
		expect(rows[0]).toEqual({ email: 'email', type: 'type', task_id: 'task_id' });
		expect(rows[3]).toEqual({ email: '550317164@qq.com', type: '8', task_id: '1037645' });
	});

	test('§2.3.2 failed addresses XML with type and task_id', () => {
		const answer = decodeXml(fixture('2.3.2-fail_recipient_list.xml'), LISTS.failed);
		expect(answer).toEqual({
			fail_recipient_list: { recipient: [{ email: 'violatte@coolreall.com', type: '3', task_id: '1025694' }] },
		});
	});

	test('§2.3.2 failed addresses JSON: the `...` line makes it unreadable; without it, objects of strings', () => {
		formatError(() => decodeJson(fixture('2.3.2-fail_recipient_list.json')));
		const complete = fixture('2.3.2-fail_recipient_list.json').replace(/},\n\s*\.\.\.\n/, '}\n');
		expect(decodeJson(complete)).toEqual([
			{ email: '1595936793@qq.com', type: '3', task_id: '1036770' },
			{ email: '1595936793@qq.com', type: '3', task_id: '1036885' },
		]);
	});

	test('§2.4 billing across the page break: `</rebtae>` closes rebate', () => {
		const answer = decodeXml(fixture('2.4-data-task.xml'), LISTS.billing);
		const [task] = pick(answer, 'data.task') as IDataObject[];
		expect(task).toMatchObject({
			task_id: '统计报表主键，并非真正任务id',
			actual: '实际扣点数（并非真正扣钱数，此为实际发送扣点数量，多扣少补）',
			over_quota: '空间不足',
			point: '任务当天扣点数',
			rebate: '返点数（actual 减去此数为真正实际扣点数）',
		});
		expect(task).not.toHaveProperty('rebtae');
		expect(Object.keys(task)).toHaveLength(18);
	});

	test('§2.5 deductions', () => {
		const answer = decodeXml(fixture('2.5-data-list.xml'), LISTS.deductions);
		expect(pick(answer, 'data.list')).toEqual([
			{ date: '日期', company: '公司名', deduction: '扣点类型', send_num: '发送数量', total: '扣量总计' },
		]);
	});

	test('§2.6 send log, empty', () => {
		expect(decodeJson(fixture('2.6-lists-empty.json'))).toEqual({ lists: [] });
	});

	test('§3.1 tracking overview without declaration: `</task_sn>` closes send_id, nested <link> inside <link>', () => {
		const answer = decodeXml(fixture('3.1-track.xml'), LISTS.track);
		const track = answer.track as IDataObject;
		expect(track).toMatchObject({
			track_id: '跟踪统计 id',
			task_id: '统计任务 id, 多个会有逗号隔开',
			task_sn: '任务批次号（即 ident）',
			send_id: '任务 id',
			send_count: '发送量',
			click_ratio: '点击率',
		});
		const links = pick(answer, 'track.link_statistic.link') as unknown[];
		expect(Array.isArray(links)).toBe(true);
		expect(links[0]).toEqual({
			link_id: '链接 id',
			link: '链接',
			click_unique: '唯一点击数',
			click_total: '总点击数',
			click_first: '首次点击时间',
			click_last: '最后点击时间',
		});
	});

	test('§3.2 open details: printed with `<data>` for `</data>`, so reported truncated; the repaired reading decodes', () => {
		const printed = fixture('3.2-data-user.xml');
		const error = formatError(() => decodeXml(printed, LISTS.opens));
		expect(error.message).toBe('The server sent a truncated XML answer');
		expectNoInternals(error);
		const answer = decodeXml(printed.replace(/<data>\s*$/, '</data>\n'), LISTS.opens);
		const [user] = pick(answer, 'data.user') as IDataObject[];
		expect(user).toMatchObject({ email_id: '邮箱 id', device: 'pc/mobile', ip_last: '最后打开 ip', click_last: '最后点击时间' });
	});

	test('§3.3 click details', () => {
		const answer = decodeXml(fixture('3.3-data-click.xml'), LISTS.clicks);
		expect(pick(answer, 'data.click')).toEqual([
			{
				click_id: '点击 id',
				email: '邮箱地址',
				link: '链接地址',
				click_unique: '唯一点击数',
				click_total: '总点击数',
				click_first: '首次点击时间',
				click_last: '最后点击时间',
			},
		]);
	});

	test('§3.5 link stats', () => {
		const answer = decodeXml(fixture('3.5-data-link.xml'), LISTS.links);
		expect((pick(answer, 'data.link') as IDataObject[])[0]).toMatchObject({ link_id: '链接 id', link: '链接地址' });
	});

	test('§3.6 tracking domains: a bare declaration is an empty list', () => {
		expect(decodeXml(fixture('3.6-track_domain-empty.xml'), LISTS.trackDomains, true)).toEqual({ track_domain: [] });
		// without emptyOk the same answer is not XML to read
		formatError(() => decodeXml(fixture('3.6-track_domain-empty.xml'), LISTS.trackDomains));
	});

	test('§3.6 tracking domains: top-level elements without a root, `</click_unique>` closing isdefault', () => {
		const printed = fixture('3.6-track_domain.xml');
		// the reference's `...` after the last element reads as a cut answer
		expect(formatError(() => decodeXml(printed, LISTS.trackDomains, true)).message).toBe(
			'The server sent a truncated XML answer',
		);
		const one = printed.replace(/\n\s*\.\.\.\s*$/, '\n');
		const expected = {
			id: '1(主键)',
			customer_id: '1(归属客户 id)',
			domain: 'test.com',
			isdefault: '0(是否是默认跟踪域名)',
			is_cname: '0(是否 cname 已经解析至 count.bestedm.net, 0 否 1 是)',
		};
		expect(decodeXml(one, LISTS.trackDomains, true)).toEqual({ track_domain: [expected] });
		const second = one.replace(/^<\?xml[^>]*\?>/, '').replace('test.com', 'yui.com');
		const two = decodeXml(one + second, LISTS.trackDomains, true);
		expect(two.track_domain).toEqual([expected, { ...expected, domain: 'yui.com' }]);
	});

	test.each([
		['3.7-result-success.xml', 'success', 'count.xxx.com'],
		['3.7-result-domain_cname_error.xml', 'domain_cname_error', 'domain 参数 count.5110ui.com 的 cname 没有解析至 count.bestedm.net'],
		// the first `]]>` ends the CDATA, so the printed list lacks its closing bracket
		['3.8-result-success.xml', 'success', `["'c1.520ui.com'", "'sjsjs.com'"`],
		['3.8-result-domains_param_error.xml', 'domains_param_error', 'domains 参数中 c1.520ui.com 格式错误'],
		['4.3-result.xml', '执行结果标识符', '78'],
		['4.4-result.xml', '执行结果标识符', '执行结果说明'],
		['4.5-result.xml', '执行结果标识符', '执行结果说明'],
		['4.8.3-result-eg.xml', 'success', '210586'],
		['5.1-result-error.xml', '错误状态', '错误描述'],
		['6.2-result-error.xml', '错误状态', '错误描述'],
		['7.2-result-success_and_check_ok.xml', 'success_and_check_ok', '23'],
		['7.2-result-success.xml', 'success', '23'],
	])('%s: <result> with CDATA unwrapped and trimmed', (file, status, data) => {
		expect(decodeXml(fixture(file))).toEqual({ result: { status, data } });
	});

	test.each(['5.1-result-success.xml', '6.2-result-success.xml'])('%s: <result> with id, trailing space of the CDATA trimmed', (file) => {
		expect(decodeXml(fixture(file))).toEqual({
			result: { status: 'success', id: '新创建的任务 id', data: '添加群发任务成功!' },
		});
	});

	test('§4.8.3 one line a fence, `;//` comment after </data>: status and data still read', () => {
		const { result } = decodeXml(fixture('4.8.3-result.xml')) as { result: IDataObject };
		expect(result.status).toBe('success');
		expect(result.data).toBe('10');
	});

	test('§4.8.4 stray `;` after </data>', () => {
		const { result } = decodeXml(fixture('4.8.4-result.xml')) as { result: IDataObject };
		expect(result).toMatchObject({ status: 'success', data: '解析完成' });
	});

	test('§4.1 contact lists', () => {
		const answer = decodeXml(fixture('4.1-maillist.xml'), LISTS.contactLists);
		expect(pick(answer, 'maillist.item')).toEqual([
			{
				id: '联系人分类 ID',
				subject: '联系人分类名称',
				description: '分类说明',
				count: '地址数量统计',
				input_status: '1 正在导入, 0 没有导入',
				status: '联系人分类状态',
			},
		]);
	});

	test('§4.2 contact list across the page break: `</aillist>` closes maillist', () => {
		expect(decodeXml(fixture('4.2-maillist.xml'))).toEqual({
			maillist: {
				id: '联系人分类 ID',
				subject: '联系人分类名称',
				description: '联系人分类说明',
				count: '地址数量统计',
				input_status: '1 正在导入, 0 没有导入',
				status: '联系人分类状态',
			},
		});
	});

	test('§4.7 addresses: brithday → birthday, phone stays a string, `</fullname >` and `</total_num >` close', () => {
		const answer = decodeXml(fixture('4.7-data-addr.xml'), LISTS.addresses);
		expect(pick(answer, 'data.total_num')).toBe('地址总数目');
		const addresses = pick(answer, 'data.addr') as IDataObject[];
		expect(addresses).toHaveLength(2);
		for (const address of addresses) {
			expect(address).toMatchObject({ birthday: '1986-08-15', phone: '13528775736', var10: '变量 10' });
			expect(address).not.toHaveProperty('brithday');
			expect(Object.keys(address)).toHaveLength(18);
		}
	});

	test('§4.7 `![CDATA[...]]` without `<` is not CDATA: the value stays the literal text as printed', () => {
		const [address] = pick(decodeXml(fixture('4.7-data-addr.xml'), LISTS.addresses), 'data.addr') as IDataObject[];
		expect(address.address).toBe('![CDATA[邮箱地址]]');
		expect(address.area).toBe('![CDATA[深圳市福田区科技园中路3号]]');
		expect(address.fullname).toBe('![CDATA[名称]]');
	});

	test('§4.13 import history inside <result><data>, `//` comments left aside', () => {
		const answer = decodeXml(fixture('4.13-result-address_log.xml'), LISTS.importLog);
		expect(pick(answer, 'result.status')).toBe('success');
		const [log] = pick(answer, 'result.data.address_log') as IDataObject[];
		expect(log).toMatchObject({
			filename: 'emallist2017.csv',
			filepath: '/usr/local/umail/data/web/mm-ms/cache/1493962939_71607.csv',
			time_import: '2017-05-05 13:42:20',
			count_all: '0',
			count_err_1: '0',
			count_err_2: '0',
			status: '-2',
			subject: 'ddd',
		});
	});

	test('§5.3 template check status: numbers stay strings, elements on one line split', () => {
		expect(decodeXml(fixture('5.3-template.xml'))).toEqual({
			template: {
				id: '53',
				name: '模板名称',
				status: '1',
				colour: 'green',
				update_date: '2017-11-11 11:11:11',
				size_status: '1',
				size: '78',
				subject: '模板主题',
			},
		});
	});

	test('§5.4 templates: subject[] and attachments.attachment[], CDATA on its own line unwrapped', () => {
		const answer = decodeXml(fixture('5.4-template_list.xml'), LISTS.templates);
		const [template] = pick(answer, 'template_list.template') as IDataObject[];
		expect(template).toMatchObject({
			id: '53 模板 id',
			name: '模板名称',
			content: '模板内容',
			content_type: '模板类型',
			subject: [
				{ id: '模板主题一 id', name: '模板主题 1' },
				{ id: '模板主题二 id', name: '模板主题 2' },
			],
			created: '创建时间',
		});
		expect((template.attachments as IDataObject).attachment).toEqual([{ atta_id: '附件 id', atta_name: '附件文件名' }]);
	});

	test('§6.1 tasks: the printed page break closes task_list early; the joined reading keeps one task with every field', () => {
		const printed = fixture('6.1-task_list.xml');
		const asPrinted = decodeXml(printed, LISTS.taskList);
		expect((pick(asPrinted, 'task_list.task') as IDataObject[])[0]).toMatchObject({ id: '任务 id', sn: '任务号' });

		const joined = printed.replace(/<\/listes>\n {2}<\/task>\n<\/task_list>\n/, '</listes>\n');
		const [task] = pick(decodeXml(joined, LISTS.taskList), 'task_list.task') as IDataObject[];
		expect(task).toMatchObject({
			acct_type: '发件人类型 (all, domain, address)',
			templates: {
				template: [
					{ tpl_id: '模板 id', tpl_name: '模板名称' },
					{ tpl_id: '模板 id', tpl_name: '模板名称' },
				],
			},
			listes: { item: [{ list_id: '联系人分类 id', list_name: '联系人分类名称' }] },
			send_qty_remark: '预定发送数量(实际发送)',
			send_status: '发送状态',
			verify_status: '审核状态',
		});
		expect(task.track_status).toMatch(/^跟踪统计状态数字\s+\(0 不跟踪 1 跟踪邮件打开情况 2 跟踪邮件打开与链接点击情况\)$/);
	});

	test('§7.1 sender domains', () => {
		const answer = decodeXml(fixture('7.1-domain_list.xml'), LISTS.domains);
		expect((pick(answer, 'domain_list.data') as IDataObject[])[0]).toEqual({
			customer_id: '客户 id (0 为系统域名)',
			domain: '域名',
		});
	});

	test('§7.3 domain check: three domains, ids and statuses as strings', () => {
		const answer = decodeXml(fixture('7.3-domain_list.xml'), LISTS.domainCheck);
		const domains = pick(answer, 'domain_list.domain') as IDataObject[];
		expect(domains).toHaveLength(3);
		expect(domains.map((domain) => [domain.val, domain.domain_id, domain.status])).toEqual([
			['test.com', '3213', '3'],
			['we.com', '6731', '2'],
			['me.com', '0', '0'],
		]);
		expect(domains[2].info).toBe('系统不存在并验证不通过');
	});

	test('§7.7 mailboxes across the page break, trailing spaces', () => {
		const answer = decodeXml(fixture('7.7-mailbox_list.xml'), LISTS.mailboxes);
		expect((pick(answer, 'mailbox_list.data') as IDataObject[])[0]).toEqual({
			customer_id: '客户 id',
			domain: '域名',
			name: '账号',
			mailbox: '完整账号',
			status: '状态 ture 启用 false 禁用',
		});
	});
});

describe('lists are arrays with 0 or 1 entry', () => {
	const ALL = Object.values(LISTS).flat();
	/** The path itself and the lists it sits in. */
	const listsFor = (path: string) => ALL.filter((other) => path === other || path.startsWith(`${other}.`));

	function nest(parts: string[], inner: string): string {
		return parts.reduceRight((body, part) => `<${part}>${body}</${part}>`, inner);
	}

	test.each(ALL.filter((path) => path.includes('.')))('%s with one entry', (path) => {
		const parts = path.split('.');
		const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${nest(parts, '<id>007</id>')}`;
		const value = at(decodeXml(xml, listsFor(path)), path);
		expect(value).toEqual([{ id: '007' }]);
	});

	test.each(ALL.filter((path) => path.includes('.')))('%s with no entry: empty, self-closing or absent element', (path) => {
		const parts = path.split('.');
		const holder = parts.slice(0, -1);
		const withOther = nest(holder, '<other>x</other>');
		// an empty holder only means "no entries" when the holder is a wrapper, not itself a list entry
		const variants = ALL.includes(holder.join('.') as never)
			? [withOther]
			: [nest(holder, ''), nest(holder.slice(0, -1), `<${holder[holder.length - 1]}/>`), withOther];
		for (const xml of variants) expect(at(decodeXml(xml, listsFor(path)), path)).toEqual([]);
	});

	test('track_domain with one top-level entry, and none', () => {
		expect(decodeXml('<?xml version="1.0" encoding="UTF-8"?>\n<track_domain><id>1</id></track_domain>', ['track_domain'], true)).toEqual({
			track_domain: [{ id: '1' }],
		});
		expect(decodeXml('<?xml version="1.0" encoding="UTF-8"?>', ['track_domain'], true)).toEqual({ track_domain: [] });
	});

	test('nested lists inside a one-entry outer list: task with one template, and with none', () => {
		const one = decodeXml(
			'<task_list><task><id>9</id><templates><template><tpl_id>3</tpl_id></template></templates><listes></listes></task></task_list>',
			LISTS.taskList,
		);
		expect(one).toEqual({
			task_list: { task: [{ id: '9', templates: { template: [{ tpl_id: '3' }] }, listes: { item: [] } }] },
		});
		const none = decodeXml('<task_list><task><id>9</id></task><task><id>10</id><templates/></task></task_list>', LISTS.taskList);
		for (const task of pick(none, 'task_list.task') as IDataObject[]) {
			expect(pick(task, 'templates.template')).toEqual([]);
			expect(pick(task, 'listes.item')).toEqual([]);
		}
	});

	test('an empty root gives an empty list, not an empty string', () => {
		expect(decodeXml('<?xml version="1.0"?><maillist></maillist>', LISTS.contactLists)).toEqual({ maillist: { item: [] } });
		expect(decodeXml('<?xml version="1.0"?><maillist/>', LISTS.contactLists)).toEqual({ maillist: { item: [] } });
		expect(decodeXml('<data><total_num>0</total_num></data>', LISTS.addresses)).toEqual({ data: { total_num: '0', addr: [] } });
	});

	test('a path not declared as a list stays an object with one entry', () => {
		expect(decodeXml('<maillist><item><id>1</id></item></maillist>')).toEqual({ maillist: { item: { id: '1' } } });
	});
});

describe('values', () => {
	test('no number or boolean coercion: ids, phones, leading zeros, batch numbers, big and odd numbers stay strings', () => {
		const answer = decodeXml(
			`<r><id>007</id><phone>13528775736</phone><ident>20120302-362-F9B1E5</ident><big>12345678901234567890</big>
			<money>1.50</money><exp>1e5</exp><hex>0x1F</hex><neg>-0</neg><minus>-5</minus><t>true</t><f>false</f><n>null</n>
			<empty></empty><self/></r>`,
		);
		expect(answer.r).toEqual({
			id: '007',
			phone: '13528775736',
			ident: '20120302-362-F9B1E5',
			big: '12345678901234567890',
			money: '1.50',
			exp: '1e5',
			hex: '0x1F',
			neg: '-0',
			minus: '-5',
			t: 'true',
			f: 'false',
			n: 'null',
			empty: '',
			self: '',
		});
	});

	test('CDATA unwrapped and trimmed, markup inside CDATA kept as text', () => {
		const answer = decodeXml(
			'<template><name>\n      <![CDATA[  模板名称  ]]>\n    </name><content><![CDATA[<p class="x">Hi & bye</p>]]></content><id><![CDATA[0012]]></id></template>',
		);
		expect(answer.template).toEqual({ name: '模板名称', content: '<p class="x">Hi & bye</p>', id: '0012' });
	});

	test('text around a CDATA section is joined and trimmed', () => {
		// the node sees a record with `text` only for elements mixing text and child elements
		const answer = decodeXml('<r><a>  <![CDATA[x]]>  </a></r>');
		expect(answer).toEqual({ r: { a: 'x' } });
	});

	test('text before and after a CDATA section keeps its order and stays a string', () => {
		expect(decodeXml('<r><a>pre<![CDATA[mid]]>post</a></r>')).toEqual({ r: { a: 'premidpost' } });
		expect(decodeXml('<r><a> 1 &amp; <![CDATA[<b>2 & 3</b> &amp;]]> 4 </a><b><![CDATA[x]]></b></r>')).toEqual({ r: { a: '1 & <b>2 & 3</b> &amp; 4', b: 'x' } });
	});

	test('two CDATA sections side by side are one text, in order', () => {
		expect(decodeXml('<r><a><![CDATA[one, ]]><![CDATA[two]]></a></r>')).toEqual({ r: { a: 'one, two' } });
	});

	test('the five predefined entities and character references are decoded, once', () => {
		const answer = decodeXml('<r><b>&amp;&lt;&gt;&quot;&apos;&#20013;&#x6587;</b><c>&amp;lt;</c><d>&unknown;</d></r>');
		expect(answer.r).toEqual({ b: `&<>"'中文`, c: '&lt;', d: '&unknown;' });
	});

	test('renames: brithday, send_satus, send_qty_remak, rebtae', () => {
		const answer = decodeXml(
			'<r><brithday>1986-08-15</brithday><send_satus>3</send_satus><send_qty_remak>0</send_qty_remak><rebtae>1</rebtae><birthday_x>y</birthday_x></r>',
		);
		expect(answer.r).toEqual({ birthday: '1986-08-15', send_status: '3', send_qty_remark: '0', rebate: '1', birthday_x: 'y' });
	});

	test('renamed names work in list paths and in pick', () => {
		const answer = decodeXml('<task_list><task><send_satus>2</send_satus></task></task_list>', ['task_list.task']);
		expect(pick(answer, 'task_list.task')).toEqual([{ send_status: '2' }]);
		expect(pick({ a: { birthday: 'x' } }, 'a.brithday')).toBe('x');
	});

	test('typo\'d closing tags of the reference decode to the right fields when they come together', () => {
		const answer = decodeXml(
			'<data><task><point>5</point><rebate>2</rebtae></task><task><point>6</point><rebate>3</rebate></task></data>',
			['data.task'],
		);
		expect(pick(answer, 'data.task')).toEqual([
			{ point: '5', rebate: '2' },
			{ point: '6', rebate: '3' },
		]);
		const track = decodeXml('<track><task_sn>20120302-362-F9B1E5</task_sn><send_id>19124</task_sn><send_count>10</send_count></track>');
		expect(track.track).toEqual({ task_sn: '20120302-362-F9B1E5', send_id: '19124', send_count: '10' });
		const list = decodeXml('<?xml version="1.0"?>\n<maillist><id>5</id><subject><![CDATA[会员]]></subject></aillist>');
		expect(list).toEqual({ maillist: { id: '5', subject: '会员' } });
	});

	test('Chinese, Korean, Spanish and emoji text round-trips', () => {
		const text = '会员 Newsletter — 한국어 Ñandú ✓ 😀 「引号」';
		expect(decodeXml(`<r><name>${text}</name><cdata><![CDATA[${text}]]></cdata></r>`)).toEqual({ r: { name: text, cdata: text } });
	});

	test('attributes are ignored, elements are kept', () => {
		expect(decodeXml('<r version="2"><a lang="zh">x</a></r>')).toEqual({ r: { a: 'x' } });
	});
});

describe('entities are never expanded', () => {
	const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
<!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i === 0 ? '' : i + 1};`.repeat(10)}">`).join('\n')}
]>
<lolz><a>&lol10;</a></lolz>`;

	test('a billion-laughs document neither blows up nor expands', () => {
		const started = Date.now();
		let outcome = '';
		try {
			outcome = JSON.stringify(decodeXml(BILLION_LAUGHS));
		} catch (error) {
			expect(error).toBeInstanceOf(AnswerFormatError);
			outcome = `${(error as Error).message} ${(error as AnswerFormatError).snippet}`;
		}
		expect(Date.now() - started).toBeLessThan(1000);
		expect(outcome).not.toContain('lollol');
		expect(outcome.length).toBeLessThan(2000);
	});

	test('an external entity is not expanded', () => {
		let outcome = '';
		try {
			outcome = JSON.stringify(decodeXml('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r><a>&x;</a></r>'));
		} catch (error) {
			outcome = (error as Error).message;
		}
		expect(outcome).not.toContain('root:');
	});

	test('answers.ts rootName(): a DOCTYPE with an ENTITY decodes, the entity left unexpanded', () => {
		// today: "The server sent something that is not XML" — rootName() skips declarations and comments, not a DOCTYPE
		const answer = decodeXml('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x "EXPANDED">]>\n<r><a>&x;</a><b>&amp;</b></r>');
		expect(answer).toEqual({ r: { a: '&x;', b: '&' } });
	});

	test('an element named __proto__ is refused without polluting Object.prototype', () => {
		const error = formatError(() => decodeXml('<r><__proto__><polluted>yes</polluted></__proto__></r>'));
		expectNoInternals(error);
		expect(({} as IDataObject).polluted).toBeUndefined();
	});
});

describe('unreadable answers raise AnswerFormatError with the first bytes', () => {
	const HTML = '<!DOCTYPE html>\n<html><head><title>登录 - U-Mail</title></head><body><form action="/login">…</form></body></html>';

	test.each([
		['an HTML page', HTML],
		['an HTML page without doctype', '<html>\n<body><h1>502 Bad Gateway</h1></body></html>'],
		['an HTML fragment starting with <body>', '<body>Fatal error</body>'],
	])('%s', (_label, html) => {
		const error = formatError(() => decodeXml(html, ['maillist.item']));
		expect(error.message).toBe('The server sent an HTML page where XML was expected');
		expect(html.replace(/\s+/g, ' ').startsWith(error.snippet.replace(/…$/, ''))).toBe(true);
		expectNoInternals(error);
	});

	test('an HTML page where JSON or text is expected', () => {
		expect(formatError(() => decodeJson(HTML)).message).toBe('The server sent an HTML page where JSON was expected');
		expect(formatError(() => decodeLines(HTML)).message).toBe('The server sent an HTML page where a text export was expected');
	});

	test.each(['', '   \r\n\t'])('an empty body %j', (body) => {
		const error = formatError(() => decodeXml(body));
		expect(error.message).toBe('The server sent an empty answer where XML was expected');
		expect(error.snippet).toBe('');
		expect(formatError(() => decodeJson(body)).message).toBe('The server sent an empty answer where JSON was expected');
	});

	test('an empty text export is no rows', () => {
		expect(decodeLines('')).toEqual([]);
		expect(decodeLines('\r\n\r\n')).toEqual([]);
	});

	test.each([
		['cut inside an element', '<?xml version="1.0" encoding="UTF-8"?>\n<maillist>\n  <item>\n    <id>1</id>\n    <subject>会'],
		['cut inside the closing tag', '<?xml version="1.0" encoding="UTF-8"?>\n<maillist><item><id>1</id></item></mailli'],
		['cut after an inner element', `<?xml version="1.0" encoding="UTF-8"?>\n<data><total_num>2</total_num>${'<addr><id>1</id></addr>'.repeat(20)}`],
	])('truncated XML: %s', (_label, xml) => {
		const error = formatError(() => decodeXml(xml, ['maillist.item', 'data.addr']));
		expect(error.message).toBe('The server sent a truncated XML answer');
		expect(error.snippet.length).toBeGreaterThan(0);
		expectNoInternals(error);
	});

	test('answers.ts line 164: a truncated answer\'s snippet is its first bytes (the error says "It began: …")', () => {
		// today the snippet is the last 120 characters, which errors.ts formatError() labels "It began:"
		const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<data><total_num>2</total_num>${'<addr><id>1</id></addr>'.repeat(20)}`;
		const error = formatError(() => decodeXml(xml, ['data.addr']));
		expect(error.snippet.startsWith('<?xml version="1.0" encoding="UTF-8"?> <data><total_num>2')).toBe(true);
	});

	test('plain text or malformed markup', () => {
		expect(formatError(() => decodeXml('Hello, 系统繁忙')).message).toBe('The server sent something that is not XML');
		const broken = formatError(() => decodeXml('<data><a x="1>1</a></data>'));
		expect(broken.message).toMatch(/^The server sent XML that cannot be read \(/);
		expect(broken.message).not.toContain('\n');
		expectNoInternals(broken);
	});

	test('unreadable JSON', () => {
		const error = formatError(() => decodeJson('{"lists": [1, 2'));
		expect(error.message).toBe('The server sent JSON that cannot be read');
		expect(error.snippet).toBe('{"lists": [1, 2');
		expectNoInternals(error);
	});
});

describe('byte order mark', () => {
	test('XML after a UTF-8 BOM decodes', () => {
		expect(decodeXml('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<r><a>1</a></r>')).toEqual({ r: { a: '1' } });
	});

	test('answers.ts decodeJson(): JSON after a UTF-8 BOM decodes', () => {
		// today: "The server sent JSON that cannot be read" — JSON.parse refuses U+FEFF
		expect(decodeJson('\uFEFF{ "lists": [] }')).toEqual({ lists: [] });
	});

	test('answers.ts decodeLines(): a UTF-8 BOM does not stick to the first address', () => {
		expect(decodeLines('\uFEFFa@example.com\r\nb@example.com\n')).toEqual(['a@example.com', 'b@example.com']);
	});
});

describe('text exports', () => {
	test('lines: CRLF, blank lines dropped, Chinese kept', () => {
		expect(decodeLines('2026-11-02 09:00:00\ta@example.com\r\n\r\n2026-11-02 10:00:00\t张三@例子.公司\n')).toEqual([
			'2026-11-02 09:00:00\ta@example.com',
			'2026-11-02 10:00:00\t张三@例子.公司',
		]);
	});

	test('columns: TAB keeps spaces inside a cell (§4.6 time<TAB>address); missing cells are empty strings', () => {
		expect(splitColumns('2026-11-02 09:00:00\ta@example.com', ['time', 'address'])).toEqual({
			time: '2026-11-02 09:00:00',
			address: 'a@example.com',
		});
		expect(splitColumns('a@example.com', ['email', 'type', 'task_id'])).toEqual({ email: 'a@example.com', type: '', task_id: '' });
		expect(splitColumns('a@example.com,3,0042', ['email', 'type', 'task_id'])).toEqual({
			email: 'a@example.com',
			type: '3',
			task_id: '0042',
		});
	});
});
