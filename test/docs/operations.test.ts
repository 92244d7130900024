// docs/operations.md is generated from the node (npm run docs:operations): this fails when the node changed and the
// file was not regenerated.
import * as fs from 'node:fs';

import { render, TARGET } from '../../scripts/operations-doc/generate';

test('docs/operations.md is what npm run docs:operations writes now', () => {
	const current = fs.readFileSync(TARGET, 'utf8');
	// a plain comparison: a failure shows the first differing lines
	expect(current.split('\n')).toEqual(render().split('\n'));
});

test('it documents all 58 operations with their API section, and the renames the issue named', () => {
	const text = render();
	expect(text.match(/^### /gm)).toHaveLength(58);
	expect(text.match(/^API: .*§\d/gm)).toHaveLength(58);
	expect(text).toContain('`send_satus` → `send_status`');
	expect(text).toContain('`listes.item` → `contact_lists`');
	expect(text).toContain('`track_id` → `tracking_ids`');
});
