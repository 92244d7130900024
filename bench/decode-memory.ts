/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/**
 * The streamed XML decoder alone, without n8n: peak RSS growth and time for 100,000 open-detail records (the figures
 * in FINDINGS.md, 2b, steps 1–3). The answer is fetched once from the emulator (in its own process) and then fed to
 * the decoder from memory in pieces of PIECE bytes (n8n's are 64 KB).
 *
 *   npx esbuild bench/decode-memory.ts --bundle --platform=node --packages=external --outfile=bench/.build/decode-memory.js
 *   node --expose-gc bench/.build/decode-memory.js            # env: PIECE=65536 N=100000
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';

import { decodeXmlStream } from '../nodes/Umail/shared/stream';

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const status = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

async function fetchAnswer(n: number): Promise<Buffer> {
	const child = fork(path.join(__dirname, '..', 'emulator-child.js'), [], { execArgv: ['--max-old-space-size=8192'] });
	let next = 0;
	const waiting = new Map<number, (value: unknown) => void>();
	const ready = new Promise<void>((resolve) => child.on('message', (message: { ready?: boolean; id: number; value: unknown }) => (message.ready ? resolve() : waiting.get(message.id)?.(message.value))));
	const call = async (cmd: string, args: object = {}) => await new Promise<any>((resolve) => (waiting.set(++next, resolve), child.send({ id: next, cmd, ...args })));
	await ready;
	const { url } = await call('start', { latencyMs: 0 });
	const task = await call('seedOpeners', { n });
	const answer = await fetch(`${url}/track.php?do=open-detail&id=${task.id}`, { headers: { authorization: `Basic ${Buffer.from('demo:demo-pass').toString('base64')}` } });
	const body = Buffer.from(await answer.arrayBuffer());
	await call('stop');
	return body;
}

async function main() {
	const piece = Number(process.env.PIECE ?? 65_536);
	const body = await fetchAnswer(Number(process.env.N ?? 100_000));
	const pieces: Buffer[] = [];
	for (let at = 0; at < body.length; at += piece) pieces.push(body.subarray(at, at + piece));
	gc();
	fs.writeFileSync('/proc/self/clear_refs', '5');
	const rss = status('VmRSS');
	const heap = process.memoryUsage().heapUsed;
	const started = performance.now();
	const decoded = await decodeXmlStream(Readable.from(pieces), { records: 'data.user' }, ['data.user']);
	const ms = performance.now() - started;
	const peak = status('VmHWM') - rss;
	const records = (decoded.data as { user: object[] }).user;
	gc();
	const kept = process.memoryUsage().heapUsed - heap;
	const before = process.memoryUsage().heapUsed;
	const copy = structuredClone(records);
	gc();
	const own = process.memoryUsage().heapUsed - before;
	console.log(
		`${records.length} records from ${(body.length / MB).toFixed(0)} MB in ${piece}-byte pieces: ${(ms / 1000).toFixed(1)} s, peak RSS growth ${(peak / MB).toFixed(0)} MB, ` +
			`kept ${(kept / MB).toFixed(0)} MB, a fresh copy ${(own / MB).toFixed(0)} MB (${copy.length} records)`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
