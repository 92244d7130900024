import type { INodePropertyOptions } from 'n8n-workflow';

/** The catalogue's code tables: code → readable label, used for option lists and for `<field>_label` outputs. */
export const CODE_TABLES = {
	sendStatus: {
		'0': 'waiting to send',
		'1': 'waiting to start',
		'2': 'sending',
		'3': 'completed',
		'4': 'stopped',
		'-1': 'not sending yet',
		'-2': 'paused',
		'-3': 'cancelled',
		'-4': 'send error',
		'-5': 'waiting for import to start',
	},
	verifyStatus: { '0': 'pending review', '1': 'approved', '2': 'rejected' },
	trackStatus: { '0': 'none', '1': 'opens', '2': 'opens and clicks' },
	failureType: {
		'1': 'mailbox does not exist',
		'2': 'mailbox full',
		'3': 'user rejected',
		'4': 'spam content',
		'5': 'delivery refused',
		'6': 'recipient blacklisted',
		'7': 'complaint address',
		'8': 'invalid address',
		'9': 'format error',
		'10': 'connection error',
	},
	templateCheck: { '-1': 'checking', '0': 'rejected', '1': 'passed' },
	sizeStatus: { '-1': 'measuring', '1': 'measured' },
	importLogStatus: { '1': 'success', '-1': 'failed', '-2': 'failed', '-3': 'failed' },
	domainCheck: {
		'3': 'added and verified',
		'2': 'added, not verified',
		'1': 'not added, verified',
		'0': 'not added, not verified',
	},
	addressListType: { '0': 'contact list', '1': 'subscription list' },
	mailboxStatus: { '1': 'enabled', '0': 'disabled' },
} as const;

export type CodeTable = keyof typeof CODE_TABLES;

/** Names the failure type codes the way the API's own keywords do, where it has one. */
export const FAILURE_TYPE_KEYWORDS: Record<string, string> = {
	'1': 'not_exist',
	'2': 'over_quota',
	'3': 'user_reject',
	'8': 'invalid_addr',
	'9': 'format_error',
	'-1': 'all',
};

export function labelOf(table: CodeTable, code: unknown): string | undefined {
	if (code === undefined || code === null || code === '') return undefined;
	return (CODE_TABLES[table] as Record<string, string>)[String(code)];
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Options for a code table, sorted by name as n8n's UX guidelines ask. */
export function codeOptions(table: CodeTable, extra: INodePropertyOptions[] = []): INodePropertyOptions[] {
	const options = Object.entries(CODE_TABLES[table]).map(([value, name]) => ({
		name: `${capitalize(name)} (${value})`,
		value,
	}));
	return [...extra, ...options].sort((a, b) => a.name.localeCompare(b.name));
}
