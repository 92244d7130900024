import type { IDataObject } from 'n8n-workflow';

import type { ItemContext, OperationResult } from './types';

function csvCell(value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: IDataObject[], columns: readonly string[]): string {
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(','));
	return `${lines.join('\n')}\n`;
}

/**
 * Export operations answer either one item per row or, with Output = File, one item carrying every row as a CSV file
 * (in the binary field the user named).
 */
export async function rowsOrFile(
	ctx: ItemContext,
	rows: IDataObject[],
	columns: readonly string[],
	fileName: string,
): Promise<OperationResult> {
	if (ctx.p.string('output', { fallback: 'items' }) !== 'file') return rows;
	const property = ctx.p.string('binaryPropertyName', { fallback: 'data' }) ?? 'data';
	const binary = await ctx.fn.helpers.prepareBinaryData(Buffer.from(toCsv(rows, columns), 'utf8'), fileName, 'text/csv');
	return { items: [{ json: { fileName, rows: rows.length }, binary: { [property]: binary } }] };
}
