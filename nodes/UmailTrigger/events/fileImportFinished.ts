import type { IDataObject } from 'n8n-workflow';

import { listAt } from '../../Umail/shared/outputs';
import { umailRequest } from '../../Umail/shared/transport';
import { serviceDateTime } from '../shared/clock';
import { daysField } from '../shared/fields';
import { addLabels } from '../../Umail/shared/answers';
import { lookbackDays } from '../shared/params';
import type { TriggerEvent } from './types';

/** imports already emitted as finished, among those of the window (file path + upload time) */
export type FinishedImports = string[];

const keyOf = (log: IDataObject) => `${String(log.filepath)} ${String(log.time_import)}`;

/**
 * File Import Finished (§4.13 ml-addr-add-log, one call per poll): an import is finished once its status is set
 * (1 success, -1/-2/-3 failed); the history has no id, so an import is keyed by its server file path and upload time.
 */
export const fileImportFinished: TriggerEvent<FinishedImports> = {
	value: 'fileImportFinished',
	name: 'File Import Finished',
	cost: 'Cost per poll: 1 API call.',
	description: 'An address file import finished (success or failure), with its counts',
	properties: [daysField('Watch imports uploaded this many days back, up to now')],
	scope: (fn) => [fn.getNodeParameter('days', 7)],
	async poll({ fn }, state) {
		const since = serviceDateTime(-lookbackDays(fn));
		const answer = await umailRequest.call(fn, { effect: 'read',
			endpoint: 'mloperate.php',
			do: 'ml-addr-add-log',
			lists: ['result.data.address_log'],
		});
		const finished = listAt(answer.body, 'result.data.address_log')
			.filter((log) => String(log.time_import ?? '') >= since && !['', '0'].includes(String(log.status ?? '')))
			.sort((a, b) => (String(a.time_import) < String(b.time_import) ? -1 : 1));
		const seen = new Set(state ?? []);
		const items = finished
			.filter((log) => !seen.has(keyOf(log)))
			.map((log) => {
				const all = Number(log.count_all ?? 0);
				const invalid = Number(log.count_err_1 ?? 0);
				const duplicate = Number(log.count_err_2 ?? 0);
				return addLabels(
					{ ...log, success: String(log.status) === '1', count_imported: Math.max(0, all - invalid - duplicate) },
					{ status: 'importLogStatus' },
				);
			});
		return { items, state: finished.map(keyOf) };
	},
};
