/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- runs in Node, not in n8n (README: Linting) */
/**
 * docs/operations.md from the node itself: every operation's fields (its description), its API section (the comment
 * above its definition), and its output — the vendor reference's sample answer for that section
 * (test/fixtures/reference/, where each element's text says what the field means) run through the node's own decoder
 * (shared/answers.ts) and the operation's own output mapping. Renames show where a field of the sample comes out
 * under another name.
 *
 *   npm run docs:operations      (test/docs/operations.test.ts fails when the file is stale)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { IExecuteFunctions, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { RESOURCES } from '../../nodes/Umail/resources';
import { addLabels, decodeXml, FIELD_RENAMES } from '../../nodes/Umail/shared/answers';
import { CODE_TABLES } from '../../nodes/Umail/shared/codes';
import { Params } from '../../nodes/Umail/shared/params';
import type { OperationDef, ResourceDef } from '../../nodes/Umail/shared/types';
import { flatten, type Row, sourceIndex } from './fields';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.join(ROOT, 'test/fixtures/reference');
export const TARGET = path.join(ROOT, 'docs/operations.md');

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const cell = (text: unknown) => String(text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text: unknown) => `\`${String(text).replace(/`/g, "'")}\``;

/** The comment above `export const <name>: OperationDef` in the resource's folder: its § and endpoint. */
function apiNote(resource: ResourceDef, op: OperationDef): string {
	const dir = path.join(ROOT, 'nodes/Umail/resources', resource.value);
	for (const file of fs.readdirSync(dir).sort()) {
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export const \\w+: OperationDef = \\{\\s*value: '${op.value}'`).exec(text);
		if (match) return match[1].replace(/^\s*\* ?/gm, '').replace(/\s+/g, ' ').trim();
	}
	return '';
}

/** The reference's printing defects, read the way test/shared/answers.test.ts repairs them. */
const REPAIRS: Record<string, (text: string) => string> = {
	'3.2-data-user.xml': (text) => text.replace(/<data>\s*$/, '</data>\n'),
	'3.6-track_domain.xml': (text) => text.replace(/\n\s*\.\.\.\s*$/, '\n'),
	'6.1-task_list.xml': (text) => text.replace(/<\/listes>\n {2}<\/task>\n<\/task_list>\n/, '</listes>\n'),
};

/** Write operations answer a bare `<result>`: §4.5's sample stands for those the reference prints none for. */
const RESULT_SAMPLE = '4.5-result.xml';

function sampleFor(section: string | undefined, op: OperationDef): { file: string; text: string } | undefined {
	const file = section ? sampleFile(section) : undefined;
	const chosen = file ?? (op.output && !op.paging ? RESULT_SAMPLE : undefined);
	if (!chosen) return undefined;
	const text = fs.readFileSync(path.join(SAMPLES, chosen), 'utf8');
	return { file: chosen, text: (REPAIRS[chosen] ?? ((same: string) => same))(text) };
}

function sampleFile(section: string): string | undefined {
	const candidates = fs
		.readdirSync(SAMPLES)
		.filter((file) => file.startsWith(`${section}-`) && file.endsWith('.xml') && !/empty|error|-eg\./.test(file))
		.sort((a, b) => a.length - b.length);
	return candidates[0];
}

/** A field's default, or for a required field without one its placeholder's example (`e.g. name@example.com`). */
function sampleValue(property: INodeProperties): unknown {
	const example = (placeholder: string | undefined) => (placeholder ?? '').replace(/^e\.g\.\s*/, '').split(/,\s*/)[0] || '1';
	if (property.type === 'resourceLocator') {
		return example((property.modes ?? []).find((mode) => mode.placeholder?.startsWith('e.g.'))?.placeholder);
	}
	return property.required && property.default === '' ? example(property.placeholder) : property.default;
}

/** Parameters as an operation's output mapping sees them when nothing is set: each field's default. */
function defaultParams(op: OperationDef): Params {
	const defaults = new Map(op.properties.map((property) => [property.name, sampleValue(property)]));
	const fn = {
		getNode: () => ({ name: 'U-Mail' }),
		getNodeParameter: (name: string, _item: number, fallback: unknown) => {
			const value = defaults.get(name);
			return value === undefined || value === '' ? (fallback ?? '1') : value;
		},
	} as unknown as IExecuteFunctions;
	return new Params(fn, 0, op.properties);
}

/** The XML paths the operation's request declares as lists (with page 1 for paged operations). */
function listsOf(op: OperationDef, p: Params): readonly string[] {
	try {
		return op.request?.(p, op.paging ? { page: 1, limit: 10 } : undefined).lists ?? [];
	} catch {
		return [];
	}
}

function typeOf(property: INodeProperties): string {
	if (property.type === 'resourceLocator') {
		const modes = (property.modes ?? []).map((mode) => mode.displayName).join(', ');
		return `resource locator (${modes})`;
	}
	if (property.type === 'options' || property.type === 'multiOptions') {
		const options = (property.options as INodePropertyOptions[]).map((option) => `${code(option.value)} ${option.name}`);
		return `${property.type === 'options' ? 'one of' : 'any of'} ${options.join(', ')}`;
	}
	if (property.type === 'string' && property.typeOptions?.multipleValues) return 'strings';
	return property.type;
}

function defaultOf(property: INodeProperties): string {
	const value = property.default;
	if (value === undefined || value === '' || property.type === 'collection' || property.type === 'fixedCollection') return '';
	if (property.type === 'resourceLocator') return '';
	if (Array.isArray(value) && value.length === 0) return '';
	return code(typeof value === 'string' ? value : JSON.stringify(value));
}

function shownWhen(property: INodeProperties): string {
	const show = property.displayOptions?.show;
	if (!show) return '';
	const parts = Object.entries(show).map(([name, values]) => `${name} = ${(values as unknown[]).map((value) => String(value)).join(' or ')}`);
	return ` (shown when ${parts.join(', ')})`;
}

function parameterRows(properties: INodeProperties[], prefix = ''): string[] {
	const rows: string[] = [];
	for (const property of properties) {
		if (property.type === 'notice') continue;
		const name = `${prefix}${property.name}`;
		const required = property.required ? 'yes' : '';
		const about = `${property.description ?? ''}${shownWhen(property)}`;
		if (property.type === 'collection' || property.type === 'fixedCollection') {
			rows.push(`| ${cell(property.displayName)} | ${code(name)} | ${property.type} | | ${required} | ${cell(about)} |`);
			const options = property.options as Array<INodeProperties | INodePropertyCollection>;
			const inner = options.flatMap((option) => ('values' in option ? option.values : [option as INodeProperties]));
			rows.push(...parameterRows(inner, `${name}.`));
			continue;
		}
		rows.push(`| ${cell(property.displayName)} | ${code(name)} | ${cell(typeOf(property))} | ${defaultOf(property)} | ${required} | ${cell(about)} |`);
	}
	return rows;
}

function outputSection(op: OperationDef, section: string | undefined): string[] {
	const lines: string[] = [];
	const sample = sampleFor(section, op);
	let rows: Row[] = [];
	let renames: Array<[string, string]> = [];
	if (sample && op.output && !op.run && !op.runBatch) {
		try {
			const p = defaultParams(op);
			const body = decodeXml(sample.text, listsOf(op, p), true);
			const mapped = op.output(body, p);
			const record = addLabels({ ...(Array.isArray(mapped) ? mapped[0] : mapped) }, op.labels);
			const source = sourceIndex(body);
			rows = flatten(record, source);
			renames = rows.filter((row) => row.from).map((row) => [row.from!, row.path]);
		} catch (error) {
			throw new Error(`${op.name}: the sample ${sample.file} does not go through its mapping: ${(error as Error).message}`);
		}
	}
	const typos = Object.entries(FIELD_RENAMES).filter(([typo]) => sample?.text.includes(`<${typo}>`));
	for (const [typo, name] of typos) if (!renames.some(([, to]) => to.endsWith(name))) renames.push([typo, name]);
	if (rows.length) {
		lines.push(`Output (the reference's sample answer ${code(`test/fixtures/reference/${sample!.file}`)} through this operation's mapping; the meaning is the reference's own text):`, '');
		lines.push('| Field | Meaning |', '|---|---|');
		for (const row of rows) lines.push(`| ${code(row.path)} | ${cell(row.meaning)} |`);
		lines.push('');
	}
	if (!rows.length && (op.run || op.runBatch)) {
		lines.push(
			"Output: made by the operation's own code (its `run`: several calls, polling or a file), so no sample answer is traced here; the description above says what it returns, and test/nodes/Umail/ shows it against the emulator.",
			'',
		);
	}
	if (renames.length) {
		lines.push(`Renamed from the API: ${renames.map(([from, to]) => `${code(from)} → ${code(to)}`).join(', ')}.`, '');
	}
	if (op.labels) {
		const labels = Object.entries(op.labels).map(([field, table]) => {
			const codes = Object.entries(CODE_TABLES[table]).map(([value, label]) => `${value} ${label}`);
			return `${code(`${field}_label`)} (${codes.join(', ')})`;
		});
		lines.push(`Labels added beside the codes: ${labels.join('; ')}; \`null\` for a code the reference does not list.`, '');
	}
	if (op.simplify) lines.push(`With *Simplify* on, only: ${op.simplify.map(code).join(', ')}.`, '');
	return lines;
}

function operationSection(resource: ResourceDef, op: OperationDef): string[] {
	const note = apiNote(resource, op);
	const section = /§(\d+(?:\.\d+){1,2})/.exec(note)?.[1];
	const lines = [`### ${resource.name} → ${op.name}`, '', `${op.description}. n8n action: *${op.action}*.`, ''];
	// endpoints as code, unless the comment already quotes them
	if (!note && !op.request) lines.push('API: none: built in n8n, no request to U-Mail.', '');
	if (note) lines.push(`API: ${note.replace(/(^|[\s(])([\w-]+\.php(?:[^\s,;:)`]*[^\s,;:)`.])?)/g, '$1`$2`')}`, '');
	const params = parameterRows(op.properties);
	if (params.length) {
		lines.push('| Parameter | Name | Type | Default | Required | Description |', '|---|---|---|---|---|---|', ...params, '');
	}
	lines.push(...outputSection(op, section));
	return lines;
}

export function render(): string {
	const resources = [...RESOURCES].sort(byName);
	const count = resources.reduce((sum, resource) => sum + resource.operations.length, 0);
	const lines = [
		'# U-Mail node: operations reference',
		'',
		`<!-- generated by \`npm run docs:operations\` (scripts/operations-doc/) from the node's description and answer mappings; do not edit -->`,
		'',
		`All ${count} operations of the **U-Mail** node, by resource. Every operation also takes the node settings n8n gives`,
		'every node (*Continue On Fail* and the like); list operations have *Return All* / *Limit*. Section numbers (§) are',
		"the vendor reference's (API V28).",
		'',
	];
	for (const resource of resources) {
		lines.push(`- **${resource.name}**: ${[...resource.operations].sort(byName).map((op) => `[${op.name}](#${anchor(`${resource.name} → ${op.name}`)})`).join(', ')}`);
	}
	lines.push('');
	for (const resource of resources) {
		lines.push(`## ${resource.name}`, '', `${resource.description}.`, '');
		for (const op of [...resource.operations].sort(byName)) lines.push(...operationSection(resource, op));
	}
	return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces → hyphens. */
export function anchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}
