import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Umail } from '../../../nodes/Umail/Umail.node';
import { transportSettings } from '../../../nodes/Umail/shared/transport';
import { start } from '../../emulator';
import type { EmulatorControl } from '../../emulator';
import { runNode } from '../../helpers/n8n';

/** One emulator per test file, and a way to run the U-Mail node against it through n8n-core. */
export function useEmulator(options: Parameters<typeof start>[0] = {}) {
	const env = {} as {
		url: string;
		control: EmulatorControl;
		credentials: IDataObject;
		stop: () => Promise<void>;
	};
	beforeAll(async () => {
		transportSettings.backoffMs = 5;
		transportSettings.timeoutMs = 5_000;
		const emulator = await start({ seed: 7, ...options });
		env.url = emulator.url;
		env.control = emulator.control;
		env.stop = emulator.stop;
		env.credentials = { username: 'demo', password: 'demo-pass', baseUrl: emulator.url };
	});
	afterAll(async () => {
		await env.stop?.();
	});
	return env;
}

/** An `__rl` value as the editor stores a resource locator picked By ID. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

export async function runUmail(
	env: { credentials: IDataObject },
	parameters: INodeParameters,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; credentials?: IDataObject; staticData?: IDataObject } = {},
): Promise<INodeExecutionData[]> {
	const [output] = await runNode(new Umail(), {
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		staticData: options.staticData,
		credentials: { umailApi: (options.credentials ?? env.credentials) as never },
	});
	return output;
}

export const json = (items: INodeExecutionData[]) => items.map((item) => item.json);
