import { describeMessage, messageCounts } from '../../nodes/Umail/shared/messages';

describe("English beside U-Mail's Chinese messages", () => {
	test.each([
		['退订成功 2 个', { unsubscribed: 2 }],
		['退订成功2个', { unsubscribed: 2 }],
		['订阅成功 3 个, 无效地址 1 个, 已订阅 4 个', { subscribed: 3, invalid: 1, alreadySubscribed: 4 }],
		['成功添加 120 个地址, 无效地址 0 个, 重复地址 7 个', { added: 120, invalid: 0, duplicate: 7 }],
		['退订成功', {}],
		['修改联系人分类成功', {}],
	])('%s holds %j', (message, counts) => {
		expect(messageCounts(message)).toEqual(counts);
	});

	test.each([
		['订阅成功 3 个, 无效地址 1 个, 已订阅 4 个', 'Subscribed 3, 1 invalid, 4 already subscribed'],
		['添加群发任务成功! ', 'Send task added'],
		['清空联系人分类成功', 'Contact list emptied'],
		['删除模板成功', 'Template deleted'],
	])('%s reads %s', (message, summary) => {
		expect(describeMessage(message).summary).toBe(summary);
	});

	test('a sentence it does not know gets no English, and no invented count', () => {
		expect(describeMessage('操作完成')).toEqual({});
		expect(describeMessage('12345')).toEqual({});
	});
});
