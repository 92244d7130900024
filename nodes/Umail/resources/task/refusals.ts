import { NodeApiError } from 'n8n-workflow';

import type { UmailRequest } from '../../shared/transport';
import type { ItemContext } from '../../shared/types';

/**
 * What an add-task refusal means, in the words of the node's fields. The reference names none of these statuses; they
 * are the ones a `<param>_error` answer takes, so an unknown status is left as it is. An AI agent sees only the
 * error's message, so the hint goes into the message, after the server's own words; the description keeps only the
 * server's message, since n8n's MCP Server Trigger hands a client the message and then the description.
 */
const HINTS: Record<string, (form: UmailRequest['form']) => string> = {
	tpl_id_error: (form) => `Template: no template with the ID ${form?.tpl_id} exists in this account; list the templates to find the right ID`,
	tpl_checking: () => 'Template: the template is still being checked; try again in a few minutes',
	tpl_check_error: () => 'Template: the template failed the content check and cannot be sent; change it first',
	maillist_id_error: (form) => `Contact List: no contact list with the ID ${form?.maillist_id} exists in this account`,
	send_account_error: (form) => `Sender Mailbox: ${form?.send_account} is not a sender mailbox of this account`,
	send_domain_error: (form) => `Sender Domain: ${form?.send_domain} is not a sender domain of this account`,
	time_error: (form) => `Send Time: "${form?.time}" is not a time as YYYY-MM-DD HH:mm`,
};

/** Adds what the field was and how to fix it to an add-task refusal the node knows; other errors stay as they are. */
export function explainRefusal(ctx: ItemContext, request: UmailRequest, error: NodeApiError): NodeApiError {
	const response = error.errorResponse ?? {};
	const hint = HINTS[String(response.status ?? '')]?.(request.form);
	if (!hint) return error;
	return new NodeApiError(
		ctx.fn.getNode(),
		{ ...response },
		{ message: `${error.message}. ${hint}`, description: error.description ?? undefined, itemIndex: ctx.itemIndex },
	);
}
