/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not in n8n (README: Linting) */
// docs/operations.md is generated from the node (npm run docs:operations): this fails when the node changed and the
// file was not regenerated.
import * as fs from 'node:fs';

import { RESOURCES } from '../../nodes/Umail/resources';
import { render, TARGET } from '../../scripts/operations-doc/generate';

test('docs/operations.md is what npm run docs:operations writes now', () => {
	const current = fs.readFileSync(TARGET, 'utf8');
	// a plain comparison: a failure shows the first differing lines
	expect(current.split('\n')).toEqual(render().split('\n'));
});

test('it documents every operation with its API section, and the renames the issue named', () => {
	const text = render();
	const count = RESOURCES.reduce((sum, resource) => sum + resource.operations.length, 0);
	expect(count).toBe(60);
	expect(text.match(/^### /gm)).toHaveLength(count);
	// all but Calendar Invitation → Create, which makes no request
	expect(text.match(/^API: .*§\d/gm)).toHaveLength(count - 1);
	expect(text.match(/^API: none/gm)).toHaveLength(1);
	expect(text).toContain('`send_satus` → `send_status`');
	expect(text).toContain('`listes.item` → `contact_lists`');
	expect(text).toContain('`track_id` → `tracking_ids`');
});
