const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** U-Mail answers and filters in Beijing time (UTC+8), whatever the n8n instance's time zone. */
const SERVICE_OFFSET = 8 * HOUR;

/** The trigger's clock; tests point it at the emulator's simulated clock. */
export const triggerClock = {
	now: (): number => Date.now(),
};

/** `YYYY-MM-DD` in service time, `daysFromNow` days from now (negative = past). */
export function serviceDate(daysFromNow = 0): string {
	return new Date(triggerClock.now() + SERVICE_OFFSET + daysFromNow * DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm:ss` in service time, as the API writes timestamps. */
export function serviceDateTime(daysFromNow = 0): string {
	return new Date(triggerClock.now() + SERVICE_OFFSET + daysFromNow * DAY).toISOString().slice(0, 19).replace('T', ' ');
}
