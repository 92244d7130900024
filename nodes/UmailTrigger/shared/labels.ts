import type { IDataObject } from 'n8n-workflow';

import { type CodeTable, labelOf } from '../../Umail/shared/codes';

/** Adds `<field>_label` next to each coded field, as the action node's outputs do. */
export function withLabels(record: IDataObject, labels: Record<string, CodeTable>): IDataObject {
	const out: IDataObject = { ...record };
	for (const [field, table] of Object.entries(labels)) {
		if (!(field in out)) continue;
		out[`${field}_label`] = labelOf(table, out[field]) ?? null;
	}
	return out;
}
