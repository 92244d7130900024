import { plainCreate } from '../../shared/idempotency';
import { listAt } from '../../shared/outputs';
import { TEMPLATE_LISTS, templateRecord } from './shared';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** Beijing time `YYYY-MM-DD HH:mm:ss` → ms */
const beijingMs = (value: string) => {
	const ms = Date.parse(`${value.replace(' ', 'T')}+08:00`);
	return Number.isNaN(ms) ? undefined : ms;
};

/** What U-Mail keeps of a template (§5.4): name, subjects and content make two templates the same. */
export const templateIdempotency = plainCreate({
	creates: 'add-tpl',
	find: () => ({ endpoint: 'template.php', do: 'list-tpl', lists: TEMPLATE_LISTS }),
	records: (body) => listAt(body, 'template_list.template').map(templateRecord),
	same: (template, request) =>
		text(template.name) === text(request.form?.name) &&
		(template.subjects as Array<{ name?: unknown }>).map((s) => text(s.name)).join('|') === text(request.form?.subject) &&
		text(template.content) === text(request.form?.content),
	madeAt: (template) => beijingMs(text(template.created)),
	discard: (id) => ({ endpoint: 'template.php', do: 'del-tpl', qs: { tpl_id: id } }),
});
