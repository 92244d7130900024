import type {
	IAuthenticateGeneric,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://api.bestedm.net/mm-ms/apinew';

export class UmailApi implements ICredentialType {
	name = 'umailApi';

	displayName = 'U-Mail API';

	icon = { light: 'file:../nodes/Umail/umail.svg', dark: 'file:../nodes/Umail/umail.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-umail/n8n-nodes-umail#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The U-Mail EDM account name you log in to the web console with',
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
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			required: true,
			hint: 'Customers on another host (www.bestedm.net, www.bestedm.org, an IP or a white-label host) or on the legacy /mm-ms/api path set theirs here',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.username}}',
				password: '={{$credentials.password}}',
			},
		},
	};
}
