#!/usr/bin/env node
/*
 * n8n-env: installs/caches a real n8n (pinned) under Node 24 outside the repo, and
 * runs it in isolated, offline, loopback-only user folders.
 *
 * Plain CommonJS, no dependencies. Progress lines go to stderr.
 *
 *   node scripts/n8n-env.js ensure          # install + cache Node 24 and n8n, print paths
 *   node scripts/n8n-env.js info            # print what is cached (no install)
 *   N8N_VERSION=1.123.81 node scripts/n8n-env.js ensure   # another n8n, e.g. the supported 1.x (N8N1_VERSION)
 *
 * Cache layout (override root with N8N_ENV_CACHE_DIR):
 *   ~/.cache/n8n-nodes-umail/node24/node_modules/node-<platform>-<arch>/bin/node
 *   ~/.cache/n8n-nodes-umail/n8n-<version>/node_modules/n8n/bin/n8n
 *   ~/.cache/n8n-nodes-umail/n8n-<version>-node<major>/…        (N8N_ENV_NODE older than 24, e.g. 20)
 *   ~/.cache/n8n-nodes-umail/n8n-<version>/.n8n-env-complete     (marker, written last)
 *   ~/.cache/n8n-nodes-umail/n8n-<version>.lock                   (install lock)
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const { spawn, spawnSync } = require('child_process');

const DEFAULT_N8N_VERSION = '2.41.1';
/** the n8n 1.x the pack is tested on (N8N_VERSION=1.123.81 installs and runs it like any other) */
const N8N1_VERSION = '1.123.81';
const NODE_MAJOR = 24;
const MARKER = '.n8n-env-complete';

function cacheRoot() {
	return process.env.N8N_ENV_CACHE_DIR || path.join(os.homedir(), '.cache', 'n8n-nodes-umail');
}
function n8nVersion() {
	return process.env.N8N_VERSION || DEFAULT_N8N_VERSION;
}
/** sqlite3 is compiled for one Node: an n8n run by a Node older than 24 (N8N_ENV_NODE) gets its own folder. */
function n8nDir(version = n8nVersion(), nodeMajor = NODE_MAJOR) {
	return path.join(cacheRoot(), nodeMajor >= NODE_MAJOR ? `n8n-${version}` : `n8n-${version}-node${nodeMajor}`);
}

function log(msg) {
	if (process.env.N8N_ENV_QUIET === '1') return;
	process.stderr.write(`[n8n-env] ${msg}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------
// locking (O_EXCL lock file with pid; stale when that pid is gone)
// ---------------------------------------------------------------------------

function pidAlive(pid) {
	if (!pid || Number.isNaN(pid)) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

async function withLock(lockPath, what, fn) {
	fs.mkdirSync(path.dirname(lockPath), { recursive: true });
	const started = Date.now();
	let lastMsg = 0;
	for (;;) {
		try {
			const fd = fs.openSync(lockPath, 'wx');
			fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }));
			fs.closeSync(fd);
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let holder = null;
			try {
				holder = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
			} catch {
				// being written right now, or garbage: treat as stale only if old
				try {
					const age = Date.now() - fs.statSync(lockPath).mtimeMs;
					if (age > 60_000) fs.rmSync(lockPath, { force: true });
				} catch {}
				await sleep(500);
				continue;
			}
			if (holder && holder.host === os.hostname() && !pidAlive(holder.pid)) {
				log(`removing stale lock ${lockPath} (pid ${holder.pid} is gone)`);
				fs.rmSync(lockPath, { force: true });
				continue;
			}
			if (Date.now() - lastMsg > 15_000) {
				lastMsg = Date.now();
				log(`waiting for another process (pid ${holder && holder.pid}) installing ${what}… ${Math.round((Date.now() - started) / 1000)}s`);
			}
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		try {
			const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
			if (holder.pid === process.pid) fs.rmSync(lockPath, { force: true });
		} catch {}
	}
}

/** pids (other than ours) whose cwd is `dir` or below it — e.g. an `npm i` started by hand there. */
function foreignProcessesIn(dir) {
	const out = [];
	let entries = [];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return out;
	}
	const real = fs.existsSync(dir) ? fs.realpathSync(dir) : dir;
	for (const e of entries) {
		if (!/^\d+$/.test(e)) continue;
		const pid = Number(e);
		if (pid === process.pid) continue;
		try {
			const cwd = fs.readlinkSync(`/proc/${e}/cwd`);
			if (cwd === real || cwd.startsWith(real + path.sep)) {
				const cmd = fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0').join(' ').trim();
				out.push({ pid, cmd });
			}
		} catch {}
	}
	return out;
}

function countDir(dir) {
	try {
		return fs.readdirSync(dir).length;
	} catch {
		return 0;
	}
}

async function waitForForeignInstall(dir, what) {
	let procs = foreignProcessesIn(dir);
	if (!procs.length) return false;
	const started = Date.now();
	log(`another install of ${what} is running in ${dir} (pids ${procs.map((p) => p.pid).join(',')}: ${procs[0].cmd}); waiting for it`);
	let last = 0;
	while (procs.length) {
		if (Date.now() - last > 15_000) {
			last = Date.now();
			const logTail = tailFile(path.join(dir, 'install.log'));
			log(`  …${Math.round((Date.now() - started) / 1000)}s, ${countDir(path.join(dir, 'node_modules'))} entries in node_modules` + (logTail ? `, log: ${logTail}` : ''));
		}
		await sleep(2000);
		procs = foreignProcessesIn(dir);
	}
	log(`foreign install finished after ${Math.round((Date.now() - started) / 1000)}s`);
	return true;
}

function tailFile(file) {
	try {
		const s = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
		return s[s.length - 1].slice(0, 160);
	} catch {
		return '';
	}
}

// ---------------------------------------------------------------------------
// running commands with progress
// ---------------------------------------------------------------------------

function runLogged(cmd, args, { cwd, env, logFile, label }) {
	return new Promise((resolve) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}  # ${new Date().toISOString()}\n`);
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
		const started = Date.now();
		const timer = setInterval(() => {
			log(`  ${label}: ${Math.round((Date.now() - started) / 1000)}s, ${countDir(path.join(cwd, 'node_modules'))} entries in node_modules; last log line: ${tailFile(logFile)}`);
		}, 15_000);
		child.on('close', (code) => {
			clearInterval(timer);
			fs.closeSync(out);
			log(`  ${label}: exit ${code} after ${Math.round((Date.now() - started) / 1000)}s`);
			resolve(code);
		});
		child.on('error', (err) => {
			clearInterval(timer);
			fs.writeSync(out, String(err) + '\n');
			resolve(127);
		});
	});
}

function npmCommand() {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

// ---------------------------------------------------------------------------
// Node 24
// ---------------------------------------------------------------------------

function nodeMajorOf(bin) {
	const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
	if (r.status !== 0) return 0;
	const m = /^v(\d+)\./.exec(r.stdout.trim());
	return m ? Number(m[1]) : 0;
}

/**
 * Returns { node, nodeDir, binDir, version } for a Node >= 24.
 * Uses the running Node if it is new enough, else node-<platform>-<arch>@24 from the npm registry
 * (installed with --ignore-scripts into the cache).
 */
async function ensureNode24() {
	if (process.env.N8N_ENV_NODE) {
		const bin = process.env.N8N_ENV_NODE;
		return describeNode(bin);
	}
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= NODE_MAJOR) return describeNode(process.execPath);

	const pkg = `node-${process.platform}-${process.arch}`;
	const dir = path.join(cacheRoot(), `node${NODE_MAJOR}`);
	const bin = path.join(dir, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
	if (fs.existsSync(bin) && nodeMajorOf(bin) === NODE_MAJOR) return describeNode(bin);

	await waitForForeignInstall(dir, `Node ${NODE_MAJOR}`);
	return withLock(`${dir}.lock`, `Node ${NODE_MAJOR}`, async () => {
		if (fs.existsSync(bin) && nodeMajorOf(bin) === NODE_MAJOR) return describeNode(bin);
		fs.mkdirSync(dir, { recursive: true });
		if (!fs.existsSync(path.join(dir, 'package.json'))) {
			fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `node${NODE_MAJOR}-cache`, private: true }));
		}
		log(`installing ${pkg}@${NODE_MAJOR} into ${dir} (running Node is ${process.version})`);
		const code = await runLogged(npmCommand(), ['install', `${pkg}@${NODE_MAJOR}`, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save'], {
			cwd: dir,
			env: process.env,
			logFile: path.join(dir, 'install.log'),
			label: `npm i ${pkg}@${NODE_MAJOR}`,
		});
		if (code !== 0 || !fs.existsSync(bin) || nodeMajorOf(bin) !== NODE_MAJOR) {
			throw new Error(`could not install Node ${NODE_MAJOR} (${pkg}); see ${path.join(dir, 'install.log')}`);
		}
		return describeNode(bin);
	});
}

function describeNode(bin) {
	const binDir = path.dirname(bin);
	const nodeDir = path.dirname(binDir); // has include/node (headers) for node-gyp
	const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
	return { node: bin, binDir, nodeDir, version: (r.stdout || '').trim() };
}

function envWithNode(node24, extra = {}) {
	const env = { ...process.env, ...extra };
	env.PATH = `${node24.binDir}${path.delimiter}${process.env.PATH || ''}`;
	return env;
}

// ---------------------------------------------------------------------------
// n8n
// ---------------------------------------------------------------------------

function n8nInstalledVersion(dir) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	} catch {
		return null;
	}
}

function sqliteLoads(node24, dir) {
	const script =
		"const p=require.resolve('sqlite3',{paths:[require('path').join(process.argv[1],'node_modules','n8n'),process.argv[1]]});" +
		"const s=require(p);const db=new s.Database(':memory:');db.get('select 1 as x',(e,r)=>{if(e||!r||r.x!==1){console.error(e);process.exit(2)}db.close();});";
	const r = spawnSync(node24.node, ['-e', script, dir], { encoding: 'utf8', cwd: dir });
	return r.status === 0;
}

function sqliteDir(dir) {
	for (const candidate of [path.join(dir, 'node_modules', 'n8n', 'node_modules', 'sqlite3'), path.join(dir, 'node_modules', 'sqlite3')]) {
		if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
	}
	return null;
}

/**
 * sqlite3's binary uses Node-API, so one built for another cached n8n with the same sqlite3 version loads here too:
 * copying it saves the ~1.5-3 min compile when a second n8n version is installed.
 */
function borrowSqlite(node24, dir) {
	const mine = sqliteDir(dir);
	if (!mine) return;
	const versionOf = (d) => JSON.parse(fs.readFileSync(path.join(d, 'package.json'), 'utf8')).version;
	for (const other of fs.readdirSync(cacheRoot())) {
		const otherDir = path.join(cacheRoot(), other);
		if (!other.startsWith('n8n-') || otherDir === dir || !fs.existsSync(path.join(otherDir, MARKER))) continue;
		const theirs = sqliteDir(otherDir);
		const binary = theirs && path.join(theirs, 'build', 'Release', 'node_sqlite3.node');
		if (!binary || !fs.existsSync(binary) || versionOf(theirs) !== versionOf(mine)) continue;
		fs.mkdirSync(path.join(mine, 'build', 'Release'), { recursive: true });
		fs.copyFileSync(binary, path.join(mine, 'build', 'Release', 'node_sqlite3.node'));
		if (sqliteLoads(node24, dir)) {
			log(`sqlite3 ${versionOf(mine)}: using the binary built for ${other}`);
			return;
		}
		fs.rmSync(path.join(mine, 'build'), { recursive: true, force: true });
	}
}

function isN8nComplete(node24, dir, version) {
	const marker = path.join(dir, MARKER);
	if (fs.existsSync(marker)) {
		try {
			const m = JSON.parse(fs.readFileSync(marker, 'utf8'));
			if (m.version === version && n8nInstalledVersion(dir) === version) return true;
		} catch {}
	}
	// hand-made or pre-marker install: accept if n8n is the right version and sqlite3 loads under Node 24
	if (n8nInstalledVersion(dir) === version && sqliteLoads(node24, dir)) {
		writeMarker(node24, dir, version);
		return true;
	}
	return false;
}

function writeMarker(node24, dir, version) {
	const tmp = path.join(dir, `${MARKER}.${process.pid}.tmp`);
	fs.writeFileSync(tmp, JSON.stringify({ version, node: node24.version, at: new Date().toISOString() }) + '\n');
	fs.renameSync(tmp, path.join(dir, MARKER));
}

function majorOf(version) {
	return Number(String(version).split('.')[0]);
}

/**
 * The install folder's package.json. n8n 1.x's n8n-nodes-base takes xlsx from cdn.sheetjs.com, a host outside the
 * registry, so 1.x installs pin it to the registry's last xlsx (the override lives here, never in the project).
 */
function writeInstallManifest(dir, version) {
	const file = path.join(dir, 'package.json');
	let manifest = { name: 'n8n-cache', private: true };
	try {
		manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {}
	if (majorOf(version) === 1) manifest.overrides = { ...(manifest.overrides || {}), xlsx: '0.18.5' };
	fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
}

/**
 * Installs (once per machine) n8n@version (default N8N_VERSION) into the cache, rebuilds sqlite3 for Node 24.
 * Returns { version, dir, bin, node, nodeDir }.
 */
async function ensureN8n(version = n8nVersion()) {
	const node24 = await ensureNode24();
	const dir = n8nDir(version, majorOf(node24.version.replace(/^v/, '')));
	const result = () => ({ version, dir, bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), node: node24.node, nodeDir: node24.nodeDir, nodeVersion: node24.version });

	if (fs.existsSync(path.join(dir, MARKER)) && isN8nComplete(node24, dir, version)) return result();

	// an install started by hand / by another tool without our lock: wait for it
	await waitForForeignInstall(dir, `n8n@${version}`);

	return withLock(`${dir}.lock`, `n8n@${version}`, async () => {
		if (isN8nComplete(node24, dir, version)) return result();
		fs.mkdirSync(dir, { recursive: true });
		writeInstallManifest(dir, version);
		const logFile = path.join(dir, 'install.log');
		const env = envWithNode(node24, { npm_config_nodedir: node24.nodeDir, npm_config_update_notifier: 'false' });
		const t0 = Date.now();
		if (n8nInstalledVersion(dir) !== version) {
			log(`installing n8n@${version} into ${dir} (~5 min, ~2.9 GB; log: ${logFile})`);
			const code = await runLogged(npmCommand(), ['install', `n8n@${version}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'], { cwd: dir, env, logFile, label: `npm i n8n@${version}` });
			if (code !== 0 || n8nInstalledVersion(dir) !== version) {
				throw new Error(`npm install n8n@${version} failed (exit ${code}); see ${logFile}`);
			}
		}
		if (!sqliteLoads(node24, dir)) borrowSqlite(node24, dir);
		if (!sqliteLoads(node24, dir)) {
			log(`rebuilding sqlite3 for Node ${node24.version} (~1.5 min)`);
			const code = await runLogged(npmCommand(), ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], { cwd: dir, env, logFile, label: 'npm rebuild sqlite3' });
			if (code !== 0 || !sqliteLoads(node24, dir)) throw new Error(`sqlite3 rebuild failed (exit ${code}); see ${logFile}`);
		}
		writeMarker(node24, dir, version);
		log(`n8n@${version} ready in ${dir} (${Math.round((Date.now() - t0) / 1000)}s)`);
		return result();
	});
}

// ---------------------------------------------------------------------------
// user folders, packs
// ---------------------------------------------------------------------------

/** Creates an empty isolated user folder (temp dir). n8n keeps its state in <folder>/.n8n. */
function makeUserFolder(prefix = 'n8n-umail-e2e-') {
	const base = process.env.N8N_ENV_TMPDIR || os.tmpdir();
	const dir = fs.mkdtempSync(path.join(base, prefix));
	fs.mkdirSync(path.join(dir, '.n8n'), { recursive: true });
	return dir;
}

/**
 * Installs a packed community-node tarball the way n8n's own installer lays it out:
 * <userFolder>/.n8n/nodes/node_modules/<package name>. Dependencies of the pack (if any) are
 * installed with npm from its package.json; n8n-workflow (peer dep) is resolved from n8n itself.
 * Returns { name, version, dir }.
 */
async function installPack(userFolder, tarballPath) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(path.join(nodesDir, 'node_modules'), { recursive: true });
	const staging = fs.mkdtempSync(path.join(nodesDir, '.staging-'));
	const tar = spawnSync('tar', ['-xzf', path.resolve(tarballPath), '-C', staging], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar -xzf ${tarballPath} failed: ${tar.stderr}`);
	const pkgRoot = path.join(staging, 'package');
	const pkg = JSON.parse(fs.readFileSync(path.join(pkgRoot, 'package.json'), 'utf8'));
	const dest = path.join(nodesDir, 'node_modules', ...pkg.name.split('/'));
	fs.rmSync(dest, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(dest), { recursive: true });
	fs.renameSync(pkgRoot, dest);
	fs.rmSync(staging, { recursive: true, force: true });
	if (pkg.dependencies && Object.keys(pkg.dependencies).length) {
		log(`installing runtime dependencies of ${pkg.name}: ${Object.keys(pkg.dependencies).join(', ')}`);
		const r = spawnSync(npmCommand(), ['install', '--omit=dev', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--no-package-lock'], {
			cwd: dest,
			encoding: 'utf8',
		});
		if (r.status !== 0) throw new Error(`npm install in ${dest} failed: ${r.stderr}`);
	}
	// what `npm install <pkg>` in ~/.n8n/nodes would leave behind
	const nodesPkg = path.join(nodesDir, 'package.json');
	let np = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		np = JSON.parse(fs.readFileSync(nodesPkg, 'utf8'));
	} catch {}
	np.dependencies = { ...(np.dependencies || {}), [pkg.name]: pkg.version };
	fs.writeFileSync(nodesPkg, JSON.stringify(np, null, 2) + '\n');
	return { name: pkg.name, version: pkg.version, dir: dest };
}

// ---------------------------------------------------------------------------
// ports, env
// ---------------------------------------------------------------------------

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Env that keeps n8n isolated in userFolder, on loopback, and offline. */
function n8nEnv(userFolder, { port, brokerPort } = {}) {
	const env = {
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// offline: no telemetry, version checks, templates, banners, license renewals, AI
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_PYTHON_ENABLED: 'false', // no Python task runner (no venv here; avoids a warning per run)
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		// community packages: load what is in ~/.n8n/nodes, never go to the registry
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		// storage
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		DB_SQLITE_VACUUM_ON_STARTUP: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		EXECUTIONS_DATA_PRUNE: 'false',
		// determinism / quiet
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		N8N_LOG_LEVEL: 'info', // `execute` prints its JSON through the logger at info level
		N8N_LOG_OUTPUT: 'console',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		NO_PROXY: '127.0.0.1,localhost,::1',
		no_proxy: '127.0.0.1,localhost,::1',
		NODE_ENV: 'production',
	};
	if (port) {
		env.N8N_PORT = String(port);
		env.WEBHOOK_URL = `http://127.0.0.1:${port}/`;
		env.N8N_EDITOR_BASE_URL = `http://127.0.0.1:${port}/`;
	}
	if (brokerPort) env.N8N_RUNNERS_BROKER_PORT = String(brokerPort);
	return env;
}

/**
 * What n8n 1.123.x needs on the Node that runs it. Its default `vm` expression engine loads isolated-vm 6.2, which has
 * prebuilt binaries for Node 22 and 24 only (install scripts do not run here), so Node 20 needs the `legacy` engine.
 * On 22 and 24 isolated-vm often crashes (SIGSEGV) as a one-shot command (`execute`, `import:*`) exits, after its work
 * is done: those run with `legacy` too, while `n8n start` keeps the default `vm`.
 */
function versionEnv(n8n, oneShot) {
	const nodeMajor = majorOf(String(n8n.nodeVersion || '').replace(/^v/, ''));
	return majorOf(n8n.version) === 1 && (nodeMajor < 22 || oneShot) ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {};
}

function childEnv(n8n, userFolder, ports, extra) {
	const base = { ...process.env };
	// never leak the caller's npm/jest/ts-node settings into n8n
	for (const k of Object.keys(base)) {
		if (/^(npm_|N8N_|DB_|JEST_|TS_NODE_)/.test(k) || k === 'NODE_OPTIONS') delete base[k];
	}
	const env = { ...base, ...n8nEnv(userFolder, ports), ...(extra || {}) };
	env.PATH = `${path.dirname(n8n.node)}${path.delimiter}${process.env.PATH || ''}`;
	for (const [k, v] of Object.entries(env)) if (v === undefined || v === null) delete env[k];
	return env;
}

// ---------------------------------------------------------------------------
// running n8n
// ---------------------------------------------------------------------------

/**
 * Runs one n8n CLI command (`import:workflow`, `execute`, …) in userFolder with Node 24 (n8n `version`, default
 * N8N_VERSION).
 * Resolves { code, stdout, stderr, ms } (never rejects on non-zero exit).
 */
async function n8nCli(userFolder, args, { env, timeoutMs = 180_000, cwd, version } = {}) {
	const n8n = await ensureN8n(version);
	const brokerPort = await freePort();
	const e = childEnv(n8n, userFolder, { brokerPort }, { ...versionEnv(n8n, true), ...env });
	const t0 = Date.now();
	return new Promise((resolve) => {
		const child = spawn(n8n.node, [n8n.bin, ...args], { cwd: cwd || userFolder, env: e, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child.pid, 'SIGKILL');
		}, timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			// the task runner is a child of n8n: make sure nothing of this group lingers
			killGroup(child.pid, 'SIGKILL');
			if (timedOut) stderr += `\n[n8n-env] killed after ${timeoutMs} ms timeout`;
			resolve({ code: code === null ? (signal ? 128 : 1) : code, signal, stdout, stderr, ms: Date.now() - t0 });
		});
	});
}

function killGroup(pid, signal) {
	if (!pid) return;
	try {
		process.kill(-pid, signal);
	} catch {
		try {
			process.kill(pid, signal);
		} catch {}
	}
}

function httpGet(url, timeoutMs = 2000) {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: timeoutMs }, (res) => {
			let body = '';
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode, body }));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', () => resolve({ status: 0, body: '' }));
	});
}

/**
 * Starts `n8n start` in userFolder on a loopback port; resolves once /healthz/readiness answers 200.
 * Returns { url, port, pid, readyMs, logs(), stop() }. stop() sends SIGTERM to the process group, then SIGKILL.
 * Options: port (default: a free one), env (extra env), timeoutMs, echo (copy output to stderr), logFile,
 * command (default 'start'; 'worker' with QUEUE_HEALTH_CHECK_ACTIVE=true and QUEUE_HEALTH_CHECK_PORT=port is
 * ready when its health server is), args (more CLI arguments), version (of n8n; default N8N_VERSION), logFilter (output
 * chunk → what logFile gets).
 */
async function startN8n(userFolder, { port, env, timeoutMs = 180_000, echo = false, logFile, logFilter, command = 'start', args = [], version } = {}) {
	const n8n = await ensureN8n(version);
	port = port || (await freePort());
	const brokerPort = await freePort();
	const e = childEnv(n8n, userFolder, { port, brokerPort }, { ...versionEnv(n8n, false), ...env });
	const url = `http://127.0.0.1:${port}`;
	const t0 = Date.now();
	const child = spawn(n8n.node, [n8n.bin, command, ...args], { cwd: userFolder, env: e, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	const logFd = logFile ? fs.openSync(logFile, 'a') : null;
	const onData = (d) => {
		if (logFd !== null) fs.writeSync(logFd, logFilter ? logFilter(String(d)) : d);
		output += d;
		if (output.length > 2_000_000) output = output.slice(-1_000_000);
		if (echo) process.stderr.write(d);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	let exited = null;
	const exitPromise = new Promise((r) =>
		child.on('close', (code, signal) => {
			if (logFd !== null) fs.closeSync(logFd);
			r((exited = { code, signal }));
		}),
	);

	const stop = async (graceMs = 15_000) => {
		if (exited) return exited;
		killGroup(child.pid, 'SIGTERM');
		let timer;
		const grace = new Promise((r) => (timer = setTimeout(() => r(null), graceMs)));
		const res = await Promise.race([exitPromise, grace]);
		clearTimeout(timer);
		if (!res) {
			killGroup(child.pid, 'SIGKILL');
			await exitPromise;
		}
		killGroup(child.pid, 'SIGKILL'); // leftover task runner, if any
		return exited;
	};

	for (;;) {
		if (exited) throw new Error(`n8n ${command} exited early (${JSON.stringify(exited)}):\n${output.slice(-4000)}`);
		if (Date.now() - t0 > timeoutMs) {
			await stop();
			throw new Error(`n8n did not become ready in ${timeoutMs} ms:\n${output.slice(-4000)}`);
		}
		const r = await httpGet(`${url}/healthz/readiness`);
		// n8n 1.x's `start` answers readiness some seconds before it mounts its controllers (login, owner setup, …)
		if (r.status === 200 && (command !== 'start' || (await httpGet(`${url}/rest/login`)).status !== 404)) break;
		await sleep(250);
	}
	return { url, port, pid: child.pid, readyMs: Date.now() - t0, logs: () => output, stop };
}

// ---------------------------------------------------------------------------
// REST helpers
// ---------------------------------------------------------------------------

async function rest(url, method, pathname, body, cookie) {
	const res = await fetch(url + pathname, {
		method,
		headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {}
	const setCookie = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [res.headers.get('set-cookie')].filter(Boolean);
	const authCookie = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth=')) || null;
	return { status: res.status, json, text, cookie: authCookie };
}

/**
 * Creates the instance owner so the editor login works. Resolves { cookie, user }.
 * If the owner exists already, logs in instead.
 */
async function setupOwner(url, { email = 'owner@example.com', password = 'Passw0rd!Passw0rd', firstName = 'Test', lastName = 'Owner' } = {}) {
	const r = await rest(url, 'POST', '/rest/owner/setup', { email, firstName, lastName, password });
	if (r.status === 200) return { cookie: r.cookie, user: r.json && r.json.data };
	const l = await login(url, { email, password });
	if (l.cookie) return l;
	throw new Error(`owner setup failed: HTTP ${r.status} ${r.text.slice(0, 500)}`);
}

async function login(url, { email, password }) {
	const r = await rest(url, 'POST', '/rest/login', { emailOrLdapLoginId: email, password });
	if (r.status !== 200) throw new Error(`login failed: HTTP ${r.status} ${r.text.slice(0, 500)}`);
	return { cookie: r.cookie, user: r.json && r.json.data };
}

// ---------------------------------------------------------------------------
// output parsing
// ---------------------------------------------------------------------------

/**
 * Extracts the run JSON from `n8n execute` output: the last top-level JSON object that has
 * data.resultData (on success it is printed alone with --rawOutput; on failure the logger prints it
 * after "Execution error:"). Returns the parsed object or null.
 */
function parseExecuteOutput(text) {
	if (!text) return null;
	let found = null;
	// candidates: a "{" that opens a top-level value — at the start of a line, or after a log prefix
	// on a line that does not itself start with whitespace (pretty-printed nested objects are indented)
	const re = /^[^\s{][^\n]*?(\{)$|^(\{)/gm;
	let m;
	while ((m = re.exec(text))) {
		const at = m.index + m[0].length - 1;
		const end = matchBrace(text, at);
		if (end < 0) continue;
		try {
			const obj = JSON.parse(text.slice(at, end + 1));
			if (obj && typeof obj === 'object' && obj.data && obj.data.resultData) found = obj;
			re.lastIndex = end + 1;
		} catch {}
	}
	return found;
}

/** index of the "}" closing the "{" at `start` (JSON string aware), or -1. */
function matchBrace(s, start) {
	let depth = 0;
	let inStr = false;
	for (let i = start; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (inStr) {
			if (c === 92 /* \\ */) i++;
			else if (c === 34 /* " */) inStr = false;
		} else if (c === 34) inStr = true;
		else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
		else if (c === 125 /* } */ || c === 93 /* ] */) {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

// ---------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------

async function main(argv) {
	const cmd = argv[0] || 'ensure';
	if (cmd === 'ensure') {
		const t0 = Date.now();
		const n = await ensureN8n();
		log(`ok in ${Math.round((Date.now() - t0) / 1000)}s`);
		process.stdout.write(JSON.stringify(n, null, 2) + '\n');
	} else if (cmd === 'info') {
		const dir = n8nDir(n8nVersion(), process.env.N8N_ENV_NODE ? nodeMajorOf(process.env.N8N_ENV_NODE) : NODE_MAJOR);
		process.stdout.write(
			JSON.stringify({ cacheRoot: cacheRoot(), version: n8nVersion(), dir, installed: n8nInstalledVersion(dir), marker: fs.existsSync(path.join(dir, MARKER)), foreign: foreignProcessesIn(dir) }, null, 2) + '\n',
		);
	} else {
		process.stderr.write('usage: node scripts/n8n-env.js [ensure|info]\n');
		process.exit(2);
	}
}

module.exports = {
	DEFAULT_N8N_VERSION,
	N8N1_VERSION,
	cacheRoot,
	n8nVersion,
	n8nDir,
	ensureNode24,
	ensureN8n,
	installPack,
	makeUserFolder,
	n8nEnv,
	n8nCli,
	startN8n,
	setupOwner,
	login,
	rest,
	freePort,
	killGroup,
	parseExecuteOutput,
};

if (require.main === module) {
	main(process.argv.slice(2)).catch((e) => {
		process.stderr.write(`[n8n-env] ERROR: ${e && e.stack ? e.stack : e}\n`);
		process.exit(1);
	});
}
