import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';

const EMAIL = /^[^\s@;,<>"']+@[^\s@;,<>"']+\.[^\s@;,<>"']+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

interface DateLike {
	toFormat(format: string): string;
	setZone?(zone: string): DateLike;
}

/** U-Mail reads every date and time as Beijing time (UTC+8, no daylight saving). */
const BEIJING = 'Asia/Shanghai';
const BEIJING_OFFSET_MS = 8 * 3600_000;

function inBeijing(value: DateLike): DateLike {
	return typeof value.setZone === 'function' ? value.setZone(BEIJING) : value;
}

/**
 * A time with a zone (`…Z`, `…+02:00`) names an instant: turn it into Beijing wall time. Without a zone it already is
 * the wall time the user means.
 */
function zoned(text: string): string {
	if (!/[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return text;
	const instant = Date.parse(text.replace(' ', 'T'));
	if (Number.isNaN(instant)) return text;
	return new Date(instant + BEIJING_OFFSET_MS).toISOString().slice(0, 19);
}

function isDateLike(value: unknown): value is DateLike {
	return typeof value === 'object' && value !== null && typeof (value as DateLike).toFormat === 'function';
}

function validDay(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Display names of every field, nested options included, so messages use the words the user sees. */
function labelsOf(properties: INodeProperties[], into = new Map<string, string>()) {
	for (const property of properties) {
		if (!into.has(property.name)) into.set(property.name, property.displayName);
		for (const option of property.options ?? []) {
			if ('displayName' in option && 'name' in option && 'type' in option) {
				labelsOf([option as INodeProperties], into);
			} else if ('values' in option) {
				labelsOf(option.values as INodeProperties[], into);
			}
		}
	}
	return into;
}

/** built once per operation: bulk runs make a reader for every item */
const LABELS = new WeakMap<INodeProperties[], Map<string, string>>();

/**
 * Reads one item's parameters and checks them before any request is sent. Every failure names the item and the field
 * the way the user sees them, e.g. `Item 3: "Send Time" must be YYYY-MM-DD HH:mm, got "2026-3-2"`.
 */
export class Params {
	private readonly labels: Map<string, string>;

	constructor(
		readonly fn: IExecuteFunctions,
		readonly itemIndex: number,
		properties: INodeProperties[],
	) {
		let labels = LABELS.get(properties);
		if (!labels) {
			labels = labelsOf(properties);
			LABELS.set(properties, labels);
		}
		this.labels = labels;
	}

	label(name: string): string {
		const leaf = name.split('.').pop() ?? name;
		return this.labels.get(leaf) ?? leaf;
	}

	fail(name: string, problem: string): NodeOperationError {
		return new NodeOperationError(this.fn.getNode(), `Item ${this.itemIndex + 1}: "${this.label(name)}" ${problem}`, {
			itemIndex: this.itemIndex,
			description: `Check the "${this.label(name)}" field of the node for input item ${this.itemIndex + 1}.`,
		});
	}

	raw(name: string, fallback?: unknown): unknown {
		// a null fallback: an optional field the user did not add reads as absent instead of throwing
		return this.fn.getNodeParameter(name, this.itemIndex, fallback === undefined ? null : fallback, {
			extractValue: true,
		});
	}

	/** a value given for field `name` as trimmed text ('' when absent); an object or array is refused, not sent as `[object Object]` */
	textOf(name: string, value: unknown): string {
		if (value !== null && typeof value === 'object') {
			const kind = Array.isArray(value) ? 'a list' : 'an object';
			throw this.fail(name, `must be text, got ${kind}: ${JSON.stringify(value).slice(0, 80)}`);
		}
		return value === undefined || value === null ? '' : String(value).trim();
	}

	/** a string, trimmed; empty → undefined unless required; an object or array (an expression gone wrong) is refused */
	string(name: string, options: { required?: boolean; fallback?: string } = {}): string | undefined {
		const text = this.textOf(name, this.raw(name, options.fallback ?? ''));
		if (text === '') {
			if (options.required) throw this.fail(name, 'is required');
			return undefined;
		}
		return text;
	}

	required(name: string): string {
		return this.string(name, { required: true }) as string;
	}

	/**
	 * An id the API takes as a number (contact list, template, task, address, attachment, import), checked in every
	 * resource-locator mode (also modes unknown to this version, from imported workflows, whose value n8n passes raw).
	 */
	id(name: string, options: { required?: boolean } = { required: true }): string {
		const text = this.string(name, options);
		if (text === undefined) return '';
		if (!/^\d+$/.test(text)) throw this.fail(name, `must be a numeric ID, got "${text.slice(0, 80)}"`);
		return text;
	}

	boolean(name: string, fallback = false): boolean {
		return Boolean(this.raw(name, fallback));
	}

	number(name: string, options: { min?: number; max?: number; fallback?: number } = {}): number | undefined {
		const value = this.raw(name, options.fallback);
		if (value === undefined || value === null || value === '') return undefined;
		const number = Number(value);
		if (!Number.isFinite(number) || !Number.isInteger(number)) throw this.fail(name, `must be a whole number, got "${String(value)}"`);
		if (options.min !== undefined && number < options.min) throw this.fail(name, `must be at least ${options.min}, got ${number}`);
		if (options.max !== undefined && number > options.max) throw this.fail(name, `must be at most ${options.max}, got ${number}`);
		return number;
	}

	collection(name: string): IDataObject {
		return (this.raw(name, {}) as IDataObject) ?? {};
	}

	/**
	 * A calendar day as the API wants it: YYYY-MM-DD (from a date picker, an ISO string or a Luxon DateTime).
	 * A value passed in (even undefined) is used instead of reading the parameter.
	 */
	date(name: string, ...given: unknown[]): string | undefined {
		const value = given.length > 0 ? given[0] : this.raw(name, '');
		if (value === undefined || value === null || value === '') return undefined;
		if (isDateLike(value)) return inBeijing(value).toFormat('yyyy-MM-dd');
		const text = zoned(String(value).trim());
		const day = text.slice(0, 10);
		const match = DATE.exec(day);
		const rest = text.slice(10);
		if (!match || (rest !== '' && !/^[T ]/.test(rest))) throw this.fail(name, `must be a date as YYYY-MM-DD, got "${text}"`);
		if (!validDay(Number(match[1]), Number(match[2]), Number(match[3]))) throw this.fail(name, `is not a real date: "${day}"`);
		return day;
	}

	/** A send time as the API wants it: YYYY-MM-DD HH:mm. */
	dateTime(name: string, ...given: unknown[]): string | undefined {
		const value = given.length > 0 ? given[0] : this.raw(name, '');
		if (value === undefined || value === null || value === '') return undefined;
		if (isDateLike(value)) return inBeijing(value).toFormat('yyyy-MM-dd HH:mm');
		const original = String(value).trim();
		const text = zoned(original);
		const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
		if (!match) throw this.fail(name, `must be a date and time as YYYY-MM-DD HH:mm, got "${original}"`);
		const day = this.date(name, match[1]) as string;
		const hour = match[2] ?? '00';
		const minute = match[3] ?? '00';
		if (Number(hour) > 23 || Number(minute) > 59) throw this.fail(name, `has an impossible time: "${original}"`);
		return `${day} ${hour}:${minute}`;
	}

	email(name: string, ...given: unknown[]): string {
		const value = given.length > 0 ? given[0] : this.raw(name, '');
		const text = String(value ?? '').trim();
		if (text === '') throw this.fail(name, 'is required');
		if (!isEmail(text)) throw this.fail(name, `is not a valid email address: "${text}"`);
		return text;
	}

	/** a comma list of ids or emails → trimmed entries */
	list(name: string, ...given: unknown[]): string[] {
		const value = given.length > 0 ? given[0] : this.raw(name, '');
		const entries = Array.isArray(value) ? value : String(value ?? '').split(/[,\n]/);
		return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
	}

	/** At least one of several alternative parameters must be set; the message lists the choices. */
	oneOf(values: Record<string, unknown>, field = Object.keys(values)[0]): void {
		const given = Object.values(values).some((value) => value !== undefined && value !== '' && value !== null);
		if (!given) {
			const choices = Object.keys(values).map((name) => `"${this.label(name)}"`).join(', ');
			throw this.fail(field, `is missing: set one of ${choices}`);
		}
	}
}
