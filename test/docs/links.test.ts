/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not in n8n (README: Linting) */
// Every documentation link the editor shows (the Docs link of both nodes, the credential's documentation link) and
// every in-page link of the README and docs/operations.md lands on a heading that exists.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { UmailApi } from '../../credentials/UmailApi.credentials';
import { anchor } from '../../scripts/operations-doc/generate';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const HOME = (JSON.parse(read('package.json')) as { homepage: string }).homepage;

/** GitHub's anchors of a Markdown file's headings (outside code blocks), with -1, -2 … for repeats. */
function anchorsOf(markdown: string): Set<string> {
	const seen = new Map<string, number>();
	const anchors = new Set<string>();
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('```')) fenced = !fenced;
		const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
		if (!heading) continue;
		const base = anchor(heading[1].replace(/`/g, ''));
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count ? `${base}-${count}` : base);
	}
	return anchors;
}

function editorLinks(): string[] {
	const links = [new UmailApi().documentationUrl];
	for (const codex of ['nodes/Umail/Umail.node.json', 'nodes/UmailTrigger/UmailTrigger.node.json']) {
		const { resources } = JSON.parse(read(codex)) as { resources: Record<string, Array<{ url: string }>> };
		for (const entries of Object.values(resources)) links.push(...entries.map((entry) => entry.url));
	}
	return links;
}

test('the nodes’ Docs links and the credential’s documentation link point at README headings', () => {
	const headings = anchorsOf(read('README.md'));
	const links = editorLinks();
	expect(links.length).toBeGreaterThanOrEqual(5);
	for (const link of links) {
		expect(link.startsWith(`${HOME}#`)).toBe(true);
		const target = link.slice(HOME.length + 1);
		expect({ link, found: headings.has(target) }).toEqual({ link, found: true });
	}
	// the trigger's link is its own section, not the action node's
	expect(links).toContain(`${HOME}#what-the-u-mail-trigger-offers`);
});

test.each(['README.md', 'docs/operations.md'])('the in-page and cross-file links of %s resolve', (file) => {
	const text = read(file);
	const links = [...text.matchAll(/\]\(([^)\s]*)\)/g)].map((match) => match[1]).filter((link) => !/^https?:/.test(link));
	expect(links.length).toBeGreaterThan(0);
	for (const link of links) {
		const [target, hash] = link.split('#');
		const targetFile = target ? path.join(path.dirname(file), target) : file;
		expect({ link, exists: fs.existsSync(path.join(ROOT, targetFile)) }).toEqual({ link, exists: true });
		if (hash && targetFile.endsWith('.md')) {
			expect({ link, found: anchorsOf(read(targetFile)).has(hash) }).toEqual({ link, found: true });
		}
	}
});
