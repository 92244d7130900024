import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

const WRONG_LOGIN = 'Authentication failed: check the username and password';
const NOT_API =
	'The server did not answer like the U-Mail API: check the username and password, and that the API Base URL ends in /mm-ms/apinew';

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
		{
			// here, not on the node: it is a property of the account (how big its lists grow), and the trigger and the
			// list searches, which have no such node option, read the same answers
			displayName: 'Max Answer Size (MB)',
			name: 'maxAnswerMb',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 256,
			description:
				'The largest list or export answer read (after decompression). 256 MB holds about 400,000 addresses or opens, or 5,000,000 failed addresses; raise it only for bigger lists.',
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

	/**
	 * A wrong password may come back as HTTP 401, or as status 200 with an XML error or an HTML login page. n8n's
	 * declarative test can only look into JSON, so it asks the one read-only call that answers JSON (§2.6 send log) and
	 * fails unless the answer carries its `lists` array.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/maillog.php',
			json: true,
			qs: { date: '={{$now.setZone("Asia/Shanghai").toFormat("yyyy-MM-dd")}}' },
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: WRONG_LOGIN },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: WRONG_LOGIN },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'lists', value: undefined, message: NOT_API },
			},
		] as ICredentialTestRequest['rules'],
	};
}
