/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * e2e harness: runs the packed node pack inside a real n8n (pinned, see scripts/n8n-env.js)
 * in an isolated, offline user folder.
 *
 *   const n8n = await getN8n();                 // null (+ n8nUnavailableReason()) only if it can't be installed
 *   const pack = await getPack();               // real pack (npm run build && npm pack), built once per run
 *   const inst = await N8nInstance.create({ tarballs: [pack.tarball] });
 *   await inst.importCredentials([umailCredential({ baseUrl: emulator.url })]);
 *   await inst.importWorkflows([workflow]);
 *   const res = await inst.execute(workflow.id);
 *   res.items('U-Mail')                          // json of runData['U-Mail'][0].data.main[0]
 *   await inst.cleanup();
 */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const env: N8nEnvModule = require('../../scripts/n8n-env.js');

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURE_PACK_DIR = path.join(__dirname, 'fixtures', 'n8n-nodes-umail-fixture');
/** jest per-test timeouts (the default 30 s is far too short for n8n). */
export const TIMEOUT = {
	/** first run on a machine may install n8n: ~7 min */
	install: 15 * 60_000,
	build: 5 * 60_000,
	execute: 3 * 60_000,
	start: 4 * 60_000,
};

// ---------------------------------------------------------------------------
// types of scripts/n8n-env.js
// ---------------------------------------------------------------------------

export interface N8nInfo {
	version: string;
	dir: string;
	bin: string;
	node: string;
	nodeDir: string;
	nodeVersion: string;
}
export interface CliResult {
	code: number;
	signal?: string | null;
	stdout: string;
	stderr: string;
	ms: number;
}
export interface RunningN8n {
	url: string;
	port: number;
	pid: number;
	readyMs: number;
	logs(): string;
	stop(graceMs?: number): Promise<{ code: number | null; signal: string | null } | null>;
}
interface N8nEnvModule {
	DEFAULT_N8N_VERSION: string;
	N8N1_VERSION: string;
	ensureN8n(version?: string): Promise<N8nInfo>;
	ensureNode24(): Promise<{ node: string; nodeDir: string; binDir: string; version: string }>;
	installPack(userFolder: string, tarballPath: string): Promise<{ name: string; version: string; dir: string }>;
	makeUserFolder(prefix?: string): string;
	n8nCli(userFolder: string, args: string[], opts?: { env?: Record<string, string>; timeoutMs?: number; version?: string }): Promise<CliResult>;
	startN8n(userFolder: string, opts?: { port?: number; env?: Record<string, string>; timeoutMs?: number; echo?: boolean; command?: string; args?: string[]; version?: string }): Promise<RunningN8n>;
	setupOwner(url: string, o?: { email?: string; password?: string; firstName?: string; lastName?: string }): Promise<{ cookie: string | null; user: any }>;
	login(url: string, o: { email: string; password: string }): Promise<{ cookie: string | null; user: any }>;
	rest(url: string, method: string, pathname: string, body?: unknown, cookie?: string | null): Promise<{ status: number; json: any; text: string; cookie: string | null }>;
	freePort(): Promise<number>;
	killGroup(pid: number, signal: string): void;
	parseExecuteOutput(text: string): any | null;
}
export const n8nEnv = env;

// ---------------------------------------------------------------------------
// n8n itself
// ---------------------------------------------------------------------------

const syncInfos = new Map<string, N8nInfo | null>();

/**
 * Synchronous variant for test-collection time (module scope has no jest timeout), so a file can do
 * `const d = ensureN8nSync() ? describe : describe.skip`. Under CI=true it throws instead
 * of returning null, so a suite that cannot get n8n fails. Installs on first use (progress on stderr).
 * `version` of n8n: default N8N_VERSION, else the pinned 2.x.
 */
export function ensureN8nSync(version?: string): N8nInfo | null {
	const key = version ?? '';
	if (syncInfos.has(key)) return syncInfos.get(key)!;
	const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'n8n-env.js'), 'ensure'], {
		cwd: ROOT,
		env: version ? { ...process.env, N8N_VERSION: version } : process.env,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 16 * 1024 * 1024,
	});
	let syncInfo: N8nInfo | null;
	try {
		syncInfo = r.status === 0 ? (JSON.parse(r.stdout) as N8nInfo) : null;
	} catch {
		syncInfo = null;
	}
	if (!syncInfo) {
		unavailable = `n8n could not be installed (scripts/n8n-env.js ensure exit ${r.status}${r.error ? `: ${r.error.message}` : ''})`;
		failInCi(unavailable);
		// eslint-disable-next-line no-console
		console.warn(`[e2e] SKIPPING n8n e2e tests — ${unavailable}`);
	}
	syncInfos.set(key, syncInfo);
	return syncInfo;
}

/** CI must prove the e2e ran: there a missing n8n is a failure, never a skip. */
export function inCi(): boolean {
	const ci = process.env.CI;
	return !!ci && ci !== 'false' && ci !== '0';
}
function failInCi(reason: string): void {
	if (inCi()) throw new Error(`[e2e] CI=true and ${reason}: the e2e suites cannot run, so they fail`);
}


const n8nPromises = new Map<string, Promise<N8nInfo | null>>();
let unavailable: string | undefined;

/**
 * Ensures Node 24 + n8n (`version`, default N8N_VERSION / the pinned 2.x) are installed (cached in
 * ~/.cache/n8n-nodes-umail). Resolves null only when they cannot be installed at all (reason: n8nUnavailableReason()).
 * Give the calling hook TIMEOUT.install.
 */
export function getN8n(version?: string): Promise<N8nInfo | null> {
	const key = version ?? '';
	if (!n8nPromises.has(key)) {
		n8nPromises.set(
			key,
			env.ensureN8n(version).catch((e: Error) => {
				unavailable = `n8n could not be installed: ${e.message}`;
				failInCi(unavailable);
				// eslint-disable-next-line no-console
				console.warn(`[e2e] SKIPPING n8n e2e tests — ${unavailable}`);
				return null;
			}),
		);
	}
	return n8nPromises.get(key)!;
}
export function n8nUnavailableReason(): string | undefined {
	return unavailable;
}

// ---------------------------------------------------------------------------
// packs
// ---------------------------------------------------------------------------

export interface Pack {
	tarball: string;
	/** true: the project's own pack (dist/ built); false: the throwaway fixture pack */
	real: boolean;
	name: string;
	buildLog?: string;
}

const SHARED_TMP = path.join(os.tmpdir(), 'n8n-nodes-umail-e2e');

function sourceKey(): string {
	const h = crypto.createHash('sha1');
	const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
	h.update(head.stdout || 'no-git');
	const walk = (p: string) => {
		if (!fs.existsSync(p)) return;
		const st = fs.statSync(p);
		if (st.isDirectory()) {
			for (const e of fs.readdirSync(p).sort()) if (e !== 'node_modules') walk(path.join(p, e));
		} else {
			h.update(`${path.relative(ROOT, p)}:${st.size}:${st.mtimeMs}\n`);
		}
	};
	for (const p of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'gulpfile.js', 'credentials', 'nodes', 'icons']) walk(path.join(ROOT, p));
	return h.digest('hex').slice(0, 16);
}

function sleepSync(ms: number) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn at most once per key across processes (lock dir + result file in os.tmpdir()). */
function onceAcrossProcesses<T extends { tarball?: string | null }>(key: string, fn: () => T): T {
	fs.mkdirSync(SHARED_TMP, { recursive: true });
	const result = path.join(SHARED_TMP, `${key}.json`);
	const lock = path.join(SHARED_TMP, `${key}.lock`);
	for (;;) {
		if (fs.existsSync(result)) {
			const r = JSON.parse(fs.readFileSync(result, 'utf8'));
			if (!r.tarball || fs.existsSync(r.tarball)) return r as T;
			fs.rmSync(result, { force: true });
		}
		try {
			fs.mkdirSync(lock);
		} catch {
			// someone else builds; take over if the lock is older than 10 min
			try {
				if (Date.now() - fs.statSync(lock).mtimeMs > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
			} catch {
				// the other builder removed it first
			}
			sleepSync(500);
			continue;
		}
		try {
			const r = fn();
			fs.writeFileSync(`${result}.tmp`, JSON.stringify(r));
			fs.renameSync(`${result}.tmp`, result);
			return r;
		} finally {
			fs.rmSync(lock, { recursive: true, force: true });
		}
	}
}

/** drops packs older than a day from the shared tmp dir */
function pruneSharedTmp() {
	if (!fs.existsSync(SHARED_TMP)) return;
	for (const e of fs.readdirSync(SHARED_TMP)) {
		const f = path.join(SHARED_TMP, e);
		try {
			if (Date.now() - fs.statSync(f).mtimeMs > 24 * 3600_000) fs.rmSync(f, { recursive: true, force: true });
		} catch {
			// another run is pruning the same entry
		}
	}
}

function npmPack(dir: string, dest: string): string {
	fs.mkdirSync(dest, { recursive: true });
	const r = spawnSync('npm', ['pack', '--json', '--pack-destination', dest, '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`npm pack in ${dir} failed:\n${r.stderr}`);
	const info = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	return path.join(dest, info[0].filename);
}

/**
 * The project's pack: `npm run build && npm pack`, once per source state (keyed by git HEAD + mtimes of
 * sources) and shared by all e2e files/processes of a run. Resolves null when the build does not
 * produce dist/nodes/Umail/Umail.node.js (buildError() tells why).
 */
export function getRealPack(): Pack | null {
	pruneSharedTmp();
	const key = `pack-${sourceKey()}`;
	const r = onceAcrossProcesses(key, () => {
		const t0 = Date.now();
		const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		const buildLog = `${build.stdout}\n${build.stderr}`.slice(-8000);
		if (build.status !== 0 || !fs.existsSync(path.join(ROOT, 'dist', 'nodes', 'Umail', 'Umail.node.js'))) {
			return { tarball: null, buildLog: `npm run build exit ${build.status}\n${buildLog}` };
		}
		const tarball = npmPack(ROOT, path.join(SHARED_TMP, key));
		return { tarball, buildLog: `built+packed in ${Date.now() - t0} ms` };
	});
	lastBuildLog = r.buildLog;
	if (!r.tarball) return null;
	return { tarball: r.tarball, real: true, name: 'n8n-nodes-umail', buildLog: r.buildLog };
}
let lastBuildLog: string | undefined;
export function buildError(): string | undefined {
	return lastBuildLog;
}

/** The throwaway fixture pack (test/e2e/fixtures/n8n-nodes-umail-fixture), packed once per fixture state. */
export function getFixturePack(): Pack {
	const h = crypto.createHash('sha1');
	const walk = (p: string) => {
		for (const e of fs.readdirSync(p).sort()) {
			const f = path.join(p, e);
			if (fs.statSync(f).isDirectory()) walk(f);
			else h.update(`${path.relative(FIXTURE_PACK_DIR, f)}\n`).update(fs.readFileSync(f));
		}
	};
	walk(FIXTURE_PACK_DIR);
	const key = `fixture-${h.digest('hex').slice(0, 16)}`;
	const r = onceAcrossProcesses(key, () => {
		const src = fs.mkdtempSync(path.join(os.tmpdir(), 'umail-fixture-src-'));
		try {
			fs.cpSync(FIXTURE_PACK_DIR, src, { recursive: true });
			return { tarball: npmPack(src, path.join(SHARED_TMP, key)) };
		} finally {
			fs.rmSync(src, { recursive: true, force: true });
		}
	});
	return { tarball: r.tarball, real: false, name: 'n8n-nodes-umail-fixture' };
}

// ---------------------------------------------------------------------------
// credentials / workflows
// ---------------------------------------------------------------------------

export interface UmailCredentialOptions {
	id?: string;
	name?: string;
	baseUrl: string;
	username?: string;
	password?: string;
	allowUnauthorizedCerts?: boolean;
}

/** A credential record for `n8n import:credentials` (data is stored as given; n8n encrypts on import). */
export function umailCredential(o: UmailCredentialOptions) {
	return {
		id: o.id ?? 'umailcred000001',
		name: o.name ?? 'U-Mail e2e',
		type: 'umailApi',
		data: {
			username: o.username ?? 'demo',
			password: o.password ?? 'demo-pass',
			baseUrl: o.baseUrl,
			allowUnauthorizedCerts: o.allowUnauthorizedCerts ?? false,
		},
	};
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion?: number;
	position?: [number, number];
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	disabled?: boolean;
	continueOnFail?: boolean;
	onError?: string;
	[k: string]: unknown;
}

let wfCounter = 0;
/**
 * Builds a workflow: nodes are chained in order (first → second → …) unless `connections` is given.
 * If the first node is not a trigger, a Manual Trigger named 'Start' is prepended.
 */
export function makeWorkflow(o: { id?: string; name?: string; nodes: WorkflowNode[]; connections?: Record<string, unknown>; active?: boolean; settings?: Record<string, unknown> }) {
	const nodes = o.nodes.map((n, i) => ({ id: n.id ?? crypto.randomUUID(), typeVersion: 1, position: [i * 220, 0] as [number, number], parameters: {}, ...n }));
	if (!o.connections && !/trigger/i.test(nodes[0]?.type ?? '')) {
		nodes.unshift({ id: crypto.randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [-220, 0], parameters: {} });
	}
	let connections = o.connections;
	if (!connections) {
		connections = {};
		for (let i = 0; i + 1 < nodes.length; i++) {
			connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
		}
	}
	wfCounter++;
	// n8n workflow ids: 16 chars [A-Za-z0-9]
	const id = o.id ?? `e2e${String(process.pid).slice(-5)}${String(wfCounter).padStart(8, '0')}`.slice(0, 16).padEnd(16, '0');
	return { id, name: o.name ?? `e2e ${id}`, active: o.active ?? false, nodes, connections, settings: { executionOrder: 'v1', ...(o.settings ?? {}) }, pinData: {} };
}

// ---------------------------------------------------------------------------
// results
// ---------------------------------------------------------------------------

export interface ExecuteResult {
	/** exit code of `n8n execute` */
	code: number;
	/** the parsed run (IRun) or null when nothing could be parsed */
	run: any | null;
	/** resultData.runData */
	runData: Record<string, any[]>;
	/** resultData.error?.message, or the CLI failure if nothing was parsed */
	error?: string;
	/** per node: the error message of its first run, if any */
	nodeErrors: Record<string, string>;
	/** json of each item of runData[node][run].data.main[output] */
	items(node: string, output?: number, run?: number): any[];
	stdout: string;
	stderr: string;
	ms: number;
}

export function toExecuteResult(cli: CliResult, parsed?: any): ExecuteResult {
	const run = parsed ?? env.parseExecuteOutput(cli.stdout) ?? env.parseExecuteOutput(cli.stderr);
	const resultData = run?.data?.resultData ?? {};
	const runData: Record<string, any[]> = resultData.runData ?? {};
	const nodeErrors: Record<string, string> = {};
	for (const [name, runs] of Object.entries(runData)) {
		const err = runs?.[0]?.error;
		if (err) nodeErrors[name] = err.message ?? String(err);
	}
	let error: string | undefined = resultData.error ? resultData.error.message ?? JSON.stringify(resultData.error) : undefined;
	if (!run && cli.code !== 0) error = `n8n execute failed (exit ${cli.code}): ${lastLines(cli.stdout + '\n' + cli.stderr, 15)}`;
	return {
		code: cli.code,
		run,
		runData,
		error,
		nodeErrors,
		items(node: string, output = 0, runIndex = 0) {
			const r = runData[node]?.[runIndex];
			if (!r) throw new Error(`node "${node}" did not run; ran: ${Object.keys(runData).join(', ') || '(nothing)'}${error ? `; error: ${error}` : ''}`);
			return (r.data?.main?.[output] ?? []).map((i: any) => i.json);
		},
		stdout: cli.stdout,
		stderr: cli.stderr,
		ms: cli.ms,
	};
}

/** The result of a run that must have succeeded; throws with its error, node errors and output otherwise. */
export function ok(res: ExecuteResult): ExecuteResult {
	if (res.error || res.code !== 0) {
		throw new Error(`workflow failed (exit ${res.code}): ${res.error}\nnode errors: ${JSON.stringify(res.nodeErrors)}\n${res.stdout.slice(-2000)}\n${res.stderr.slice(-2000)}`);
	}
	return res;
}

function lastLines(s: string, n: number) {
	return s.trim().split('\n').slice(-n).join('\n');
}

/** An execution record of n8n's REST API with its run data decoded (n8n stores it `flatted`). */
export async function decodeExecution(e: any, version?: string): Promise<{ id: string; status: string; data: any; result: ExecuteResult; [k: string]: any }> {
	const n8n = await getN8n(version);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = require(require.resolve('flatted', { paths: [path.join(n8n!.dir, 'node_modules', 'n8n')] }));
	const data = typeof e.data === 'string' ? flatted.parse(e.data) : e.data;
	return { ...e, data, result: toExecuteResult({ code: 0, stdout: '', stderr: '', ms: 0 }, { data }) };
}

// ---------------------------------------------------------------------------
// an isolated n8n user folder
// ---------------------------------------------------------------------------

export class N8nInstance {
	running?: RunningN8n;
	owner?: { email: string; password: string; cookie: string | null };

	private constructor(
		readonly userFolder: string,
		readonly packs: Array<{ name: string; version: string; dir: string }>,
		/** of n8n; undefined: N8N_VERSION / the pinned 2.x */
		readonly version?: string,
	) {}

	/** New user folder with the given pack tarballs installed into .n8n/nodes/node_modules, for n8n `version`. */
	static async create(o: { tarballs?: string[]; version?: string } = {}): Promise<N8nInstance> {
		const n8n = await getN8n(o.version);
		if (!n8n) throw new Error(n8nUnavailableReason());
		const folder = env.makeUserFolder();
		const packs = [];
		for (const t of o.tarballs ?? []) packs.push(await env.installPack(folder, t));
		return new N8nInstance(folder, packs, o.version);
	}

	cli(args: string[], opts?: { env?: Record<string, string>; timeoutMs?: number }): Promise<CliResult> {
		return env.n8nCli(this.userFolder, args, { ...opts, version: this.version });
	}

	private writeJson(name: string, data: unknown): string {
		const dir = path.join(this.userFolder, 'e2e-input');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}.json`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	private async mustCli(what: string, args: string[]) {
		const r = await this.cli(args);
		const text = r.stdout + '\n' + r.stderr;
		if (r.code !== 0 || /An error occurred|Error importing|GOT ERROR/i.test(text)) {
			throw new Error(`${what} failed (exit ${r.code}):\n${lastLines(text, 30)}`);
		}
		return r;
	}

	/** `n8n import:credentials` (one CLI call for all). */
	async importCredentials(creds: object[]) {
		return this.mustCli('import:credentials', ['import:credentials', `--input=${this.writeJson('credentials', creds)}`]);
	}

	/** `n8n import:workflow` (one CLI call for all; each workflow needs an id). */
	async importWorkflows(workflows: Array<{ id: string }>) {
		for (const w of workflows) if (!w.id) throw new Error('every workflow needs an id');
		return this.mustCli('import:workflow', ['import:workflow', `--input=${this.writeJson('workflows', workflows)}`]);
	}

	/**
	 * `n8n execute-batch --ids=… --snapshot=DIR`: the workflows one after another in one n8n process (one start-up
	 * instead of one per workflow), each run read from the snapshot n8n writes for it. Keyed by workflow id.
	 */
	async executeBatch(ids: string[], opts?: { timeoutMs?: number }): Promise<Record<string, ExecuteResult>> {
		const dir = fs.mkdtempSync(path.join(this.userFolder, 'snapshots-'));
		const cli = await this.cli(['execute-batch', `--ids=${ids.join(',')}`, `--snapshot=${dir}`], { timeoutMs: TIMEOUT.execute * ids.length, ...opts });
		const results: Record<string, ExecuteResult> = {};
		for (const id of ids) {
			const file = path.join(dir, `${id}-snapshot.json`);
			const run = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
			results[id] = toExecuteResult({ ...cli, code: run ? 0 : cli.code || 1 }, run ?? undefined);
		}
		return results;
	}

	/** `n8n execute --id=ID --rawOutput`, parsed. Never throws for a failing workflow: check .error. */
	async execute(id: string, opts?: { timeoutMs?: number; env?: Record<string, string> }): Promise<ExecuteResult> {
		return toExecuteResult(await this.cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs: TIMEOUT.execute, ...opts }));
	}

	/** import + execute in one go. */
	async run(workflow: { id: string }, opts?: { timeoutMs?: number }): Promise<ExecuteResult> {
		await this.importWorkflows([workflow]);
		return this.execute(workflow.id, opts);
	}

	/** `n8n publish:workflow --id=ID` — makes it active on the next `start` (call before start()). */
	async publish(id: string) {
		return this.mustCli('publish:workflow', ['publish:workflow', `--id=${id}`]);
	}

	/** `n8n start`, then owner setup (unless owner === false). */
	async start(o: { port?: number; owner?: { email: string; password: string } | false; env?: Record<string, string> } = {}) {
		if (this.running) return this.running;
		this.running = await env.startN8n(this.userFolder, { port: o.port, env: o.env, version: this.version });
		if (o.owner !== false) {
			const owner = o.owner ?? { email: 'owner@example.com', password: 'E2e-Passw0rd' };
			const r = await env.setupOwner(this.running.url, owner);
			this.owner = { ...owner, cookie: r.cookie };
		}
		return this.running;
	}

	/** Stops n8n and starts it again in the same user folder (same database), logged in as the same owner. */
	async restart(o: { env?: Record<string, string> } = {}) {
		await this.stop();
		this.running = await env.startN8n(this.userFolder, { env: o.env });
		if (this.owner) {
			const r = await env.login(this.running.url, this.owner);
			this.owner = { ...this.owner, cookie: r.cookie };
		}
		return this.running;
	}

	/** Authenticated REST call against the running instance. */
	async rest(method: string, pathname: string, body?: unknown) {
		if (!this.running) throw new Error('n8n is not running');
		return env.rest(this.running.url, method, pathname, body, this.owner?.cookie);
	}

	/** Activate (publish) a workflow on the running instance via REST. */
	async activate(id: string) {
		const wf = await this.rest('GET', `/rest/workflows/${id}`);
		if (wf.status !== 200) throw new Error(`GET workflow ${id}: HTTP ${wf.status} ${wf.text.slice(0, 300)}`);
		const versionId = wf.json.data.versionId;
		const r = await this.rest('POST', `/rest/workflows/${id}/activate`, { versionId });
		if (r.status !== 200) throw new Error(`activate ${id}: HTTP ${r.status} ${r.text.slice(0, 500)}`);
		return r.json.data;
	}

	/** One execution of the running instance with its run data decoded (n8n stores it `flatted`). */
	async execution(id: string): Promise<{ id: string; status: string; data: any; result: ExecuteResult; [k: string]: any }> {
		const r = await this.rest('GET', `/rest/executions/${id}`);
		if (r.status !== 200) throw new Error(`execution ${id}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
		return decodeExecution(r.json.data, this.version);
	}

	/** Executions recorded by the running instance for a workflow (newest first). */
	async executions(workflowId: string) {
		const r = await this.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
		if (r.status !== 200) throw new Error(`executions: HTTP ${r.status} ${r.text.slice(0, 300)}`);
		return r.json.data.results ?? r.json.data;
	}

	async stop() {
		const r = this.running;
		this.running = undefined;
		if (r) await r.stop();
	}

	/** Stops n8n and deletes the user folder (keep it with E2E_KEEP=1). */
	async cleanup() {
		await this.stop();
		if (process.env.E2E_KEEP === '1') {
			// eslint-disable-next-line no-console
			console.log(`[e2e] kept user folder ${this.userFolder}`);
			return;
		}
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------
// the U-Mail API emulator (test/emulator), when present
// ---------------------------------------------------------------------------

export interface Emulator {
	url: string;
	stop(): unknown;
	control?: any;
}

/** Starts test/emulator on a free loopback port; null while the emulator does not exist yet. */
export async function startEmulator(opts: Record<string, unknown> = {}): Promise<Emulator | null> {
	const dir = path.join(ROOT, 'test', 'emulator');
	if (!fs.existsSync(path.join(dir, 'index.js')) && !fs.existsSync(path.join(dir, 'package.json'))) return null;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(dir);
	const port = await env.freePort();
	return await mod.start({ port, demoData: true, ...opts });
}

/**
 * The packed pack installed in a fresh n8n, beside an emulator (its clock at real time) and the U-Mail credential
 * `cred` pointed at it: the set-up most e2e files share.
 */
export async function packedN8nWithEmulator(cred: { id: string; name: string }): Promise<{ emu: Emulator; inst: N8nInstance }> {
	const pack = getRealPack();
	if (!pack) throw new Error(`npm run build / npm pack failed:\n${buildError()}`);
	const emu = (await startEmulator({ now: Date.now() })) as Emulator;
	const inst = await N8nInstance.create({ tarballs: [pack.tarball] });
	await inst.importCredentials([umailCredential({ ...cred, baseUrl: emu.url })]);
	return { emu, inst };
}

/**
 * Runs the emulator's simulated clock faster than real time (`speed` simulated ms per real ms) until the returned
 * function stops it.
 */
export function runClock(emulator: Emulator, o: { speed?: number } = {}): () => void {
	emulator.control.clock.setSpeed(o.speed ?? 60);
	return () => emulator.control.clock.setSpeed(0);
}


/** The example workflows of workflows/, each U-Mail credential pointed at `credential`. */
export function exampleWorkflows(credential: { id: string; name: string }): any[] {
	const dir = path.join(ROOT, 'workflows');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const w = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
			for (const n of w.nodes ?? []) if (n.credentials?.umailApi) n.credentials.umailApi = { ...credential };
			return { ...w, active: false };
		});
}
