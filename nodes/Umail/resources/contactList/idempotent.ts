import { plainCreate } from '../../shared/idempotency';
import { listAt } from '../../shared/outputs';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/**
 * What U-Mail keeps of a contact list (§4.1): name, description and status make two lists the same. §4.1 gives no
 * creation time, so a same list this workflow does not remember counts however old it is.
 */
export const contactListIdempotency = plainCreate({
	creates: 'maillist-add',
	find: () => ({ endpoint: 'mloperate.php', do: 'maillist-list', lists: ['maillist.item'] }),
	records: (body) => listAt(body, 'maillist.item'),
	same: (list, request) =>
		text(list.subject) === text(request.form?.subject) &&
		text(list.description) === text(request.form?.description) &&
		text(list.status) === text(request.form?.status),
	madeAt: () => undefined,
	discard: (id) => ({ endpoint: 'mloperate.php', do: 'maillist-del', qs: { id } }),
});
