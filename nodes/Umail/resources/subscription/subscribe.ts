import { contactListLocator } from '../../shared/fields';
import { isEmail, type Params } from '../../shared/params';
import { succeeded } from '../../shared/outputs';
import type { OperationDef } from '../../shared/types';

interface Subscriber {
	email: string;
	name: string;
}

/** "email", "email,name" or "email<TAB>name" a line; a name may not hold a line break or TAB (it would split the row) */
function readMany(p: Params): Subscriber[] {
	const lines = String(p.raw('subscribers', '') ?? '')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
	if (lines.length === 0) throw p.fail('subscribers', 'is required');
	return lines.map((line, index) => {
		const [, email, name = ''] = /^([^\t,]*)(?:[\t,](.*))?$/.exec(line) ?? [];
		if (!email) throw p.fail('subscribers', `line ${index + 1} has no email: "${line}"`);
		const address = email.trim();
		if (!isEmail(address)) {
			throw p.fail('subscribers', `line ${index + 1} is not a valid email address: "${address}"`);
		}
		return { email: address, name: name.trim() };
	});
}

function subscribers(p: Params): Subscriber[] {
	if (p.string('mode', { fallback: 'one' }) === 'many') return readMany(p);
	const name = p.string('name') ?? '';
	if (/[\t\r\n;]/.test(name)) throw p.fail('name', 'may not hold ";", a TAB or a line break');
	return [{ email: p.email('email'), name }];
}

/**
 * §4.11 mloperate.php?do=ml-sub: one address (address + name) or many (maillist, one `email<TAB>name` a line). Without a
 * name the service takes the part before @.
 */
export const subscribe: OperationDef = {
	value: 'subscribe',
	effect: 'write',
	name: 'Subscribe',
	action: 'Subscribe addresses to a list',
	description: 'Add one or many addresses to a subscription list',
	properties: [
		contactListLocator({ displayName: 'Contact List', description: 'The subscription list' }),
		{
			displayName: 'Subscribe',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'One Address', value: 'one' },
				{ name: 'Many Addresses', value: 'many' },
			],
			default: 'one',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			displayOptions: { show: { mode: ['one'] } },
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'The name of the subscriber; empty = the part of the email before @',
			displayOptions: { show: { mode: ['one'] } },
		},
		{
			displayName: 'Subscribers',
			name: 'subscribers',
			type: 'string',
			typeOptions: { rows: 6 },
			required: true,
			default: '',
			placeholder: 'anna@example.com,Anna\nben@example.com',
			description: 'One subscriber a line: email, or email and name separated by a comma or TAB',
			displayOptions: { show: { mode: ['many'] } },
		},
	],
	request: (p) => {
		const list = subscribers(p);
		const many = p.string('mode', { fallback: 'one' }) === 'many';
		return {
			endpoint: 'mloperate.php',
			do: 'ml-sub',
			method: many ? 'POST' : 'GET',
			// §4.11: address and name are GET parameters; only maillist may go by GET or POST (big lists: POST)
			qs: many ? { list_id: p.id('contactList') } : { list_id: p.id('contactList'), address: list[0].email, name: list[0].name },
			form: many ? { maillist: list.map((entry) => (entry.name ? `${entry.email}\t${entry.name}` : entry.email)).join('\n') } : {},
		};
	},
	output: (body, p) => {
		const list = subscribers(p);
		return succeeded(body, { contactListId: p.id('contactList'), emails: list.map((entry) => entry.email) });
	},
};
