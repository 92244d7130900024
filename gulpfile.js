// Build steps after the type check: bundle each node and credential into one file (fast-xml-parser inlined, so the
// published package has no runtime dependencies), then copy the icons and codex files next to them.
const path = require('node:path');
const fs = require('node:fs');
const { series, src, dest } = require('gulp');
const esbuild = require('esbuild');

const pkg = require('./package.json');
const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((out) =>
	out.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
);

function clean(done) {
	fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

async function bundle() {
	await esbuild.build({
		entryPoints: entries,
		outdir: 'dist',
		outbase: '.',
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		// n8n provides these at run time; everything else is inlined
		external: ['n8n-workflow'],
		legalComments: 'inline',
		logLevel: 'warning',
	});
}

function assets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = series(clean, bundle, assets);
exports.default = exports.build;
