/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- runs in Node, not in n8n (README: Linting) */
/*
 * Queue-mode harness: n8n's distributed engine on this machine, all on loopback ports chosen at run time.
 *
 *   Redis ─┬─ main    (`n8n start`: UI/REST, production webhooks, pollers; enqueues every execution)
 *          ├─ worker1 (`n8n worker`: runs executions)
 *          └─ worker2
 *   Postgres (shared database), the U-Mail emulator as the API.
 *
 * Each instance has its own user folder with the pack installed as a community package (like an image per
 * container), and they share N8N_ENCRYPTION_KEY. Binary data goes to the database (n8n 2.41.1's default in queue
 * mode, set explicitly), so a file made on a worker is readable everywhere. `stop()` ends everything; an exit
 * hook kills what is left if a run dies half-way.
 *
 *   const q = await QueueCluster.start({ tarball, credentials, workflows });
 *   await q.activate(id); q.webhookUrl('path'); await q.waitForExecutions(wfId, n); q.workerOf(executionId);
 *   await q.stop();
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { decodeExecution, getN8n, n8nEnv, type RunningN8n } from '../e2e/harness';
import { killGroup, prerequisites, startPostgres, startRedis, track, type Postgres, type Service } from './services';

export const WORKERS = ['worker1', 'worker2'] as const;
export type Member = 'main' | (typeof WORKERS)[number];

const OWNER = { email: 'owner@example.com', password: 'Queue-Passw0rd' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/** Settings every instance shares (docs/queue-mode.md lists them). */
export function queueEnv(o: { redisPort: number; pgPort: number; encryptionKey: string }): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(o.redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(o.pgPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: o.encryptionKey,
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// a crashed worker's job is noticed after its lock expires: 15 s instead of n8n's 60 s (+30 s check interval)
		QUEUE_WORKER_LOCK_DURATION: '15000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
}

export class QueueCluster {
	readonly members = new Map<Member, RunningN8n>();
	private ownerCookie: string | null = null;
	readonly startedMs: Record<string, number> = {};

	private constructor(
		readonly tmp: string,
		readonly redis: Service,
		readonly pg: Postgres,
		readonly folders: Record<Member, string>,
		readonly env: Record<string, string>,
	) {}

	/** Fails (never skips) when redis-server or postgresql is missing; the message says what to apt-get install. */
	static async start(o: { tarball: string; credentials: object[]; workflows: Array<{ id: string }> }): Promise<QueueCluster> {
		const pre = prerequisites();
		if (pre.missing.length) throw new Error(`queue mode needs ${pre.missing.join(' and ')}: apt-get install -y ${pre.missing.join(' ')}`);
		const n8n = await getN8n();
		if (!n8n) throw new Error('n8n could not be installed (scripts/n8n-env.js ensure)');
		const t0 = Date.now();
		const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'umail-queue-'));
		const [redis, pg] = await Promise.all([startRedis(pre.redis!, path.join(tmp, 'redis')), startPostgres(pre.pgBin!, n8n.dir)]);
		const folders = {} as Record<Member, string>;
		for (const m of ['main', ...WORKERS] as Member[]) {
			folders[m] = n8nEnv.makeUserFolder(`n8n-umail-queue-${m}-`);
			await n8nEnv.installPack(folders[m], o.tarball);
		}
		const env = queueEnv({ redisPort: redis.port, pgPort: pg.port, encryptionKey: crypto.randomBytes(24).toString('hex') });
		const q = new QueueCluster(tmp, redis, pg, folders, env);
		try {
			q.startedMs.services = Date.now() - t0;
			// the CLI migrates the empty database, so main and the workers can start side by side
			await q.cli('import:credentials', o.credentials);
			q.startedMs.migrated = Date.now() - t0;
			// nothing is active yet, so the workflows can be imported while the instances come up
			await Promise.all([q.cli('import:workflow', o.workflows), q.startMain(), ...WORKERS.map((w) => q.startWorker(w))]);
			q.startedMs.ready = Date.now() - t0;
			return q;
		} catch (e) {
			await q.stop();
			throw e;
		}
	}

	private async cli(command: string, data: unknown) {
		const file = path.join(this.tmp, `${command.replace(':', '-')}.json`);
		fs.writeFileSync(file, JSON.stringify(data));
		const r = await n8nEnv.n8nCli(this.folders.main, [command, `--input=${file}`], { env: this.env });
		const text = `${r.stdout}\n${r.stderr}`;
		if (r.code !== 0 || /An error occurred|Error importing/i.test(text)) throw new Error(`${command} failed (exit ${r.code}):\n${text.slice(-3000)}`);
	}

	async startMain() {
		const running = this.tracked(await n8nEnv.startN8n(this.folders.main, { env: this.env }));
		this.members.set('main', running);
		this.ownerCookie = (await n8nEnv.setupOwner(running.url, OWNER)).cookie;
		return running;
	}

	async startWorker(name: (typeof WORKERS)[number]) {
		const port = await n8nEnv.freePort();
		const env = { ...this.env, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' };
		const running = this.tracked(await n8nEnv.startN8n(this.folders[name], { command: 'worker', args: ['--concurrency=10'], port, env }));
		this.members.set(name, running);
		return running;
	}

	/** stop() also ends the process group (a SIGKILLed worker leaves its task runner behind) */
	private tracked(running: RunningN8n): RunningN8n {
		const untrack = track(running.pid);
		const stop = running.stop;
		running.stop = async (graceMs?: number) => {
			const r = await stop(graceMs);
			killGroup(running.pid, 'SIGKILL');
			untrack();
			return r;
		};
		return running;
	}

	/** Stops main (SIGTERM, like `docker restart`) and starts it again on a new port; workers keep running. */
	async restartMain() {
		this.lastLogs.main = this.logs('main');
		await this.members.get('main')?.stop();
		this.members.delete('main');
		return this.startMain();
	}

	get main(): RunningN8n {
		const m = this.members.get('main');
		if (!m) throw new Error('main is not running');
		return m;
	}

	webhookUrl(p: string) {
		return `${this.main.url}/webhook/${p}`;
	}

	async cookie() {
		return this.ownerCookie;
	}

	async rest(method: string, pathname: string, body?: unknown) {
		return n8nEnv.rest(this.main.url, method, pathname, body, this.ownerCookie);
	}

	async activate(id: string) {
		const wf = await this.rest('GET', `/rest/workflows/${id}`);
		if (wf.status !== 200) throw new Error(`GET workflow ${id}: HTTP ${wf.status} ${wf.text.slice(0, 300)}`);
		const r = await this.rest('POST', `/rest/workflows/${id}/activate`, { versionId: wf.json.data.versionId });
		if (r.status !== 200) throw new Error(`activate ${id}: HTTP ${r.status} ${r.text.slice(0, 500)}`);
	}

	/** Execution records of a workflow, oldest first, straight from Postgres. */
	async executions(workflowId: string): Promise<Array<{ id: string; status: string; mode: string; finished: boolean }>> {
		return this.pg.query('select id::text, status, mode, finished from execution_entity where "workflowId" = $1 order by id', [workflowId]);
	}

	/** Waits until the workflow has at least n executions and all of them have finished. */
	async waitForExecutions(workflowId: string, n: number, timeoutMs = 120_000) {
		const t0 = Date.now();
		for (;;) {
			const list = await this.executions(workflowId);
			if (list.length >= n && list.every((e) => FINISHED.includes(e.status))) return list;
			if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${n} finished executions of ${workflowId}: ${JSON.stringify(list)}`);
			await sleep(500);
		}
	}

	/** One execution with its run data (decoded from Postgres; works while main is down). */
	async execution(id: string) {
		const [row] = await this.pg.query('select e.id::text, e.status, e.mode, d.data from execution_entity e join execution_data d on d."executionId" = e.id where e.id = $1', [id]);
		if (!row) throw new Error(`no execution ${id}`);
		return decodeExecution(row);
	}

	/** The workers that ran an execution, from their own logs ("Worker started execution N (job M)"). */
	workerOf(executionId: string): Member[] {
		const re = new RegExp(`Worker started execution ${executionId} \\(job`);
		return WORKERS.filter((w) => re.test(this.logs(w)));
	}

	private lastLogs: Partial<Record<Member, string>> = {};
	private killed: RunningN8n[] = [];

	/** SIGKILL to the worker's n8n process only (its task runner is left to notice), like an OOM kill. */
	kill(name: (typeof WORKERS)[number]) {
		const w = this.members.get(name);
		if (!w) throw new Error(`${name} is not running`);
		this.lastLogs[name] = w.logs();
		process.kill(w.pid, 'SIGKILL');
		this.members.delete(name);
		this.killed.push(w);
		return w;
	}

	/** a member's output; for main, that of every run of it since the start */
	logs(m: Member) {
		const now = this.members.get(m)?.logs();
		if (m === 'main') return `${this.lastLogs.main ?? ''}${now ?? ''}`;
		return now ?? this.lastLogs[m] ?? '';
	}

	/** main's log line for the job it put on the queue */
	enqueuedByMain(executionId: string) {
		return new RegExp(`Enqueued execution ${executionId} \\(job`).test(this.logs('main'));
	}

	async stop() {
		for (const [name, m] of this.members) this.lastLogs[name] = m.logs();
		await Promise.all([...this.members.values(), ...this.killed].map((m) => m.stop().catch(() => undefined)));
		this.members.clear();
		await Promise.all([this.pg.stop().catch(() => undefined), this.redis.stop().catch(() => undefined)]);
		if (process.env.E2E_KEEP === '1') return;
		for (const dir of [this.tmp, ...Object.values(this.folders)]) fs.rmSync(dir, { recursive: true, force: true });
	}
}
