/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not in n8n (README: Linting) */
import { Readable } from 'node:stream';

import { decodeXml } from '../../nodes/Umail/shared/answers';
import { RawCache } from '../../nodes/Umail/shared/rawCache';
import { decodeXmlStream } from '../../nodes/Umail/shared/stream';

describe('RawCache: values found again by their bytes', () => {
	test('a hit only for the very same characters, wherever they stand in the text', () => {
		const cache = new RawCache<string>(4);
		expect(cache.find('xxabcxx', 2, 5)).toBeUndefined();
		expect(cache.missed).toBe(true);
		cache.add('abc', 'ABC');
		expect(cache.missed).toBe(false);
		expect(cache.find('abc', 0, 3)).toBe('ABC');
		expect(cache.find('--abc', 2, 5)).toBe('ABC');
		for (const other of ['abd', 'ab', 'abcd', 'ABC']) expect(cache.find(other, 0, other.length)).toBeUndefined();
	});

	test('filled half way it starts afresh, and what it holds after that is still right', () => {
		const cache = new RawCache<number>(4);
		for (let i = 0; i < 40; i++) {
			const key = `k${i}`;
			expect(cache.find(key, 0, key.length)).toBeUndefined();
			cache.add(key, i);
			expect(cache.find(key, 0, key.length)).toBe(i);
		}
		// 16 slots, at most 7 kept: the latest are there, the first are gone
		expect(cache.find('k39', 0, 3)).toBe(39);
		expect(cache.find('k0', 0, 2)).toBeUndefined();
	});

	test('it grows from a small table and keeps what it held', () => {
		const cache = new RawCache<number>(10);
		for (let i = 0; i < 500; i++) {
			const key = `value-${i}`;
			expect(cache.find(key, 0, key.length)).toBeUndefined();
			cache.add(key, i);
		}
		for (let i = 0; i < 500; i++) expect(cache.find(`value-${i}`, 0, `value-${i}`.length)).toBe(i);
	});

	test('add() without a miss before it caches nothing', () => {
		const cache = new RawCache<string>(4);
		cache.add('zz', 'wrong');
		expect(cache.find('zz', 0, 2)).toBeUndefined();
	});
});

describe('the streamed decoder with its byte cache agrees with decodeXml on long answers', () => {
	// values whose decoding is more than their bytes: trimming, entities, line breaks, UTF-8, Unicode spaces, and
	// Latin-1 look-alikes of UTF-8 bytes (the cache's keys are the bytes as Latin-1)
	const VALUES = ['a', ' a ', 'a ', '&amp;', 'x&lt;y&#65;', '\u00e9', '\u00c3\u00a9', '\u00a0b\u00a0', 'a\r\nb', '\r\n', '', '\u5317\u4eac', 'Chrome', ' Chrome'];
	const piece = (bytes: Buffer, size: number) => {
		const parts: Buffer[] = [];
		for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
		return Readable.from(parts);
	};

	test('70,000 records: repeated tricky values, unique ids past the cache size, a byte that is not UTF-8', async () => {
		const records: Buffer[] = [Buffer.from('<?xml version="1.0"?>\n<data>')];
		for (let i = 0; i < 70_000; i++) {
			const value = VALUES[i % VALUES.length];
			const other = VALUES[(i * 7) % VALUES.length];
			records.push(Buffer.from(`<user><email_id>${i}</email_id><os>${value}</os><browser>${other}</browser><addr_first>`));
			if (i % 1000 === 0) records.push(Buffer.from([0xff]));
			records.push(Buffer.from(`${value}</addr_first></user>\n`));
		}
		records.push(Buffer.from('</data>'));
		const bytes = Buffer.concat(records);
		const expected = decodeXml(bytes.toString('utf8'), ['data.user']);
		for (const size of [65_536, 4097]) {
			await expect(decodeXmlStream(piece(bytes, size), { records: 'data.user' }, ['data.user'])).resolves.toStrictEqual(expected);
		}
	});
});
