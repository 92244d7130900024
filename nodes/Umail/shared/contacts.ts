import type { IDataObject, NodeOperationError } from 'n8n-workflow';

import { brokenColumn, type Contact, ROW_COLUMNS, VARIABLES } from './batch';
import type { Params } from './params';

/** M / F from what an item may hold (m, F, male, Female); empty → ''. */
export function readSex(p: Params, value: unknown): string {
	const text = String(value ?? '').trim().toUpperCase();
	if (text === '') return '';
	if (text === 'M' || text === 'MALE') return 'M';
	if (text === 'F' || text === 'FEMALE') return 'F';
	throw p.fail('sex', `must be M or F, got "${String(value)}"`);
}

/**
 * One input item → one contact, checked so that it cannot break its row (Add Many and Sync Members both read contacts
 * this way). `value(column)` gives what the item holds for a column; throws p.fail naming the item and the field.
 */
export function readContact(p: Params, value: (column: string) => unknown): Contact {
	const contact = {
		email: p.email('email', value('email') ?? ''),
		name: p.textOf('name', value('name')),
		sex: readSex(p, value('sex')),
		birthday: p.date('birthday', value('birthday') ?? '') ?? '',
		phone: p.textOf('phone', value('phone')),
		area: p.textOf('area', value('area')),
	} as Contact;
	for (const name of VARIABLES) contact[name] = p.textOf(name, value(name));
	const broken = brokenColumn(contact);
	if (broken) {
		throw p.fail(broken, 'holds a ";", a TAB or a line break, which would shift the columns of its row (U-Mail has no escaping)');
	}
	return contact;
}

/** The error of On Invalid Contact = Fail names the way around it (Add Many: "send", Sync Members: "sync"). */
export function withSkipHint(failure: NodeOperationError, verb: string): NodeOperationError {
	const hint = `To ${verb} the valid items and report this one as "rejected", set Options → On Invalid Contact to "Skip and Report".`;
	failure.description = failure.description ? `${failure.description} ${hint}` : hint;
	return failure;
}

/** §4.7 names some columns its own way (`fullname`, `brithday` [sic]) and answers no sex. */
const MEMBER_FIELD: Partial<Record<(typeof ROW_COLUMNS)[number], string>> = { name: 'fullname', birthday: 'brithday' };

/** Columns §4.7 answers, so a difference can be seen: every row column but the email and sex. */
export const COMPARED_COLUMNS = ROW_COLUMNS.filter((column) => column !== 'email' && column !== 'sex');

function normal(column: string, value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	// U-Mail stores "no birthday" as 0000-00-00
	return column === 'birthday' && text === '0000-00-00' ? '' : text;
}

const SAME: string[] = [];

/** The columns in which the input's contact differs from the list's copy (a §4.7 record). Runs 100,000 times a sync. */
export function differences(contact: Contact, member: IDataObject): string[] {
	let differing: string[] | undefined;
	for (const column of COMPARED_COLUMNS) {
		const mine = contact[column];
		const theirs = member[MEMBER_FIELD[column] ?? column];
		if (mine === theirs) continue;
		if (normal(column, mine) !== normal(column, theirs)) (differing ??= []).push(column);
	}
	return differing ?? SAME;
}
