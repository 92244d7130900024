import type { IDataObject } from 'n8n-workflow';

/**
 * U-Mail reports what a write did only in a Chinese sentence in `<data>` ("退订成功 2 个"). The reference (V28) gives
 * no wording, so these patterns read the sentences the service is known to write, tolerating spacing and punctuation;
 * a sentence that matches none keeps only its raw text: no count is ever guessed.
 */
const COUNTS: Array<[RegExp, string]> = [
	[/退订成功\s*(\d+)\s*个/, 'unsubscribed'],
	[/订阅成功\s*(\d+)\s*个/, 'subscribed'],
	[/成功添加\s*(\d+)\s*个/, 'added'],
	[/无效地址\s*(\d+)\s*个/, 'invalid'],
	[/已订阅\s*(\d+)\s*个/, 'alreadySubscribed'],
	[/重复地址\s*(\d+)\s*个/, 'duplicate'],
];

const SAY: Record<string, (n: number) => string> = {
	unsubscribed: (n) => `Unsubscribed ${n}`,
	subscribed: (n) => `Subscribed ${n}`,
	added: (n) => `Added ${n}`,
	invalid: (n) => `${n} invalid`,
	alreadySubscribed: (n) => `${n} already subscribed`,
	duplicate: (n) => `${n} duplicate`,
};

const VERBS: Record<string, string> = { 添加: 'added', 修改: 'updated', 删除: 'deleted', 清空: 'emptied' };
const NOUNS: Record<string, string> = {
	联系人分类: 'Contact list',
	地址: 'Address',
	模板: 'Template',
	附件: 'Attachment',
	群发任务: 'Send task',
	域名: 'Domain',
	账号: 'Mailbox',
};

/** The numbers a count sentence holds, by English name ("订阅成功 3 个, 无效地址 1 个" → { subscribed: 3, invalid: 1 }). */
export function messageCounts(message: string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const [pattern, name] of COUNTS) {
		const found = pattern.exec(message);
		if (found) counts[name] = Number(found[1]);
	}
	return counts;
}

function summaryOf(message: string, counts: Record<string, number>): string | undefined {
	const names = Object.keys(counts);
	if (names.length > 0) return names.map((name) => SAY[name](counts[name])).join(', ');
	const done = /^(添加|修改|删除|清空)(.+?)成功[!！。.\s]*$/.exec(message.trim());
	if (done && NOUNS[done[2]]) return `${NOUNS[done[2]]} ${VERBS[done[1]]}`;
	return undefined;
}

/** English fields to put beside U-Mail's own message: the counts as numbers and a one-line summary. */
export function describeMessage(message: string): IDataObject {
	const counts = messageCounts(message);
	const summary = summaryOf(message, counts);
	return { ...counts, ...(summary ? { summary } : {}) };
}
