import { n8nUnavailableReason } from '../e2e/harness';

/** Under CI a missing n8n fails the file (one failing test); elsewhere its tests are skipped with the harness's warning. */
export function failInCiWithoutN8n(n8n: unknown, what: string): void {
	if (n8n || !/^(true|1)$/i.test(process.env.CI ?? '')) return;
	it('n8n is available', () => {
		throw new Error(`${what} needs n8n: ${n8nUnavailableReason()}`);
	});
}
