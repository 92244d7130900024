import { type IDataObject, type IPollFunctions, NodeOperationError } from 'n8n-workflow';

/** The value of a resource locator (or of a plain string a user typed). */
export function locatorValue(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in value) return String((value as IDataObject).value ?? '').trim();
	return String(value ?? '').trim();
}

/** The ids picked in a multiple-values collection of resource locators (`<name>.values[].<field>`). */
export function chosenIds(fn: IPollFunctions, name: string, field: string, label: string): string[] {
	const rows = (fn.getNodeParameter(`${name}.values`, []) as IDataObject[]) ?? [];
	const ids = [...new Set(rows.map((row) => locatorValue(row[field])).filter((id) => id !== ''))];
	if (!ids.length) throw new NodeOperationError(fn.getNode(), `Choose at least one ${label}`);
	return ids;
}

export function lookbackDays(fn: IPollFunctions): number {
	const days = Number(fn.getNodeParameter('days', 7));
	if (!Number.isInteger(days) || days < 0 || days > 366) {
		throw new NodeOperationError(fn.getNode(), '"Days Back" must be a whole number from 0 to 366');
	}
	return days;
}

export function option<T>(fn: IPollFunctions, name: string, fallback: T): T {
	return ((fn.getNodeParameter('options', {}) as IDataObject)[name] as T | undefined) ?? fallback;
}
