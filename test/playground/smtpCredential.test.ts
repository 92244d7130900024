/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- runs in Node, not in n8n (README: Linting) */
/*
 * The playground's SMTP credential (scripts/playground-setup.js): pointed at this run's inbox while it points at
 * 127.0.0.1, kept as the user set it once it points elsewhere. The n8n CLI is replaced by one that keeps credentials
 * in memory and answers export/import as n8n does (files); the real CLI path is test/e2e/playgroundInbox.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SMTP_CREDENTIAL, setUpSmtpCredential } = require('../../scripts/playground-setup.js');

const mailbox = { smtpPort: 46465, user: 'orders@mail.example.com', password: 'playground-smtp' };

function fakeN8n(stored: Record<string, any>) {
	const imports: any[] = [];
	const cli = async (args: string[], { allowFailure = false } = {}) => {
		const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))!.split('=')[1];
		if (args[0] === 'export:credentials') {
			const found = stored[arg('id')];
			if (!found) {
				if (allowFailure) return null;
				throw new Error('not found');
			}
			fs.writeFileSync(arg('output'), JSON.stringify([found]));
			return 'Successfully exported 1 credential.';
		}
		if (args[0] === 'import:credentials') {
			for (const c of JSON.parse(fs.readFileSync(arg('input'), 'utf8'))) {
				imports.push(c);
				stored[c.id] = c;
			}
			return '';
		}
		throw new Error(`unexpected ${args[0]}`);
	};
	return { cli, imports };
}

describe('the playground SMTP credential', () => {
	let inputs: string;
	beforeEach(() => {
		inputs = fs.mkdtempSync(path.join(os.tmpdir(), 'umail-smtp-cred-'));
	});
	afterEach(() => fs.rmSync(inputs, { recursive: true, force: true }));

	it('a new playground gets it pointed at the inbox: 127.0.0.1, implicit TLS, the inbox login; no file with the password stays', async () => {
		const n8n = fakeN8n({});
		expect(await setUpSmtpCredential(n8n.cli, inputs, mailbox, true)).toBe('credential "U-Mail SMTP (playground inbox)" created');
		expect(n8n.imports).toEqual([
			{ ...SMTP_CREDENTIAL, type: 'smtp', data: { hostName: '', host: '127.0.0.1', port: 46465, secure: true, user: mailbox.user, password: mailbox.password } },
		]);
		expect(fs.readdirSync(inputs)).toEqual([]);
	});

	it('on a later run it follows the inbox to its new port and keeps the name and other fields the user set', async () => {
		const old = { ...SMTP_CREDENTIAL, name: 'My inbox', type: 'smtp', data: { host: 'localhost', port: 1111, secure: true, user: mailbox.user, password: mailbox.password, hostName: 'shop.example.com' } };
		const n8n = fakeN8n({ [SMTP_CREDENTIAL.id]: old });
		expect(await setUpSmtpCredential(n8n.cli, inputs, mailbox, false)).toBe('credential "My inbox" pointed at this run\'s inbox');
		expect(n8n.imports[0]).toEqual({ ...old, data: { ...old.data, host: '127.0.0.1', port: 46465 } });
		expect(await setUpSmtpCredential(n8n.cli, inputs, mailbox, false)).toBe('credential "My inbox" kept');
		expect(n8n.imports).toHaveLength(1);
	});

	it('pointed at another host (U-Mail’s relay), it is kept as the user set it', async () => {
		const real = { ...SMTP_CREDENTIAL, type: 'smtp', data: { host: 'smtp.bestedm.net', port: 465, secure: true, user: 'orders@shop.example.com', password: 'real' } };
		const n8n = fakeN8n({ [SMTP_CREDENTIAL.id]: real });
		expect(await setUpSmtpCredential(n8n.cli, inputs, mailbox, false)).toBe(`credential "${SMTP_CREDENTIAL.name}" kept as you set it (smtp.bestedm.net:465)`);
		expect(n8n.imports).toEqual([]);
	});
});
