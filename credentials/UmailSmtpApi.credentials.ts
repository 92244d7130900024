import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export const DEFAULT_SMTP_HOST = 'smtp.bestedm.net';

export class UmailSmtpApi implements ICredentialType {
	name = 'umailSmtpApi';

	displayName = 'U-Mail SMTP';

	icon = { light: 'file:../nodes/Umail/umail.svg', dark: 'file:../nodes/Umail/umail.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-umail/n8n-nodes-umail#smtp-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: DEFAULT_SMTP_HOST,
			required: true,
		},
		{
			displayName: 'Security',
			name: 'security',
			type: 'options',
			options: [
				{ name: 'None', value: 'none', description: 'Plain connection; the password crosses the network unencrypted' },
				{ name: 'SSL/TLS', value: 'ssl', description: 'Encrypted from the start (usually port 465)' },
				{ name: 'STARTTLS', value: 'starttls', description: 'Plain connection upgraded to TLS before login (usually port 25)' },
			],
			default: 'ssl',
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 465,
			required: true,
			hint: 'U-Mail listens on 465 for SSL/TLS and on 25 for STARTTLS',
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. notice@mail.example.com',
			description: 'The sender account created in the U-Mail web console',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the server\'s certificate cannot be verified',
		},
	];
}
