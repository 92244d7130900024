/**
 * Every answer is bounded in size and in time while it is read, in one place (the transport reads every answer through
 * here): a compressed answer that inflates without end, or a server that trickles, fails the call instead of holding
 * the process's memory or an execution.
 *
 * Size: counted on the bytes as they come out of n8n's helper, which are already inflated (axios inflates gzip, deflate
 * and br in stream mode as the stream is read, with backpressure), so a compression bomb is stopped after at most
 * the limit plus one piece is inflated.
 *
 * Time: a deadline that grows with the bytes received: by `timeoutMs + received / minBytesPerSecond` after the request
 * was sent, or the call fails. A trickle (a byte or a record a second) fails about `timeoutMs` after the request; a
 * healthy answer earns time with every byte, so tens of MB at any speed above the minimum complete, and a pause
 * (a server busy building the next part) is allowed while the average holds and it is shorter than `timeoutMs` (n8n's
 * own timeout, the socket's idle time, ends a longer silence). Chosen over curl's rate-over-a-window because it also
 * bounds the whole call: at most `timeoutMs + limit / minBytesPerSecond`, whatever the server does.
 */

import { sleep } from 'n8n-workflow';

/** The answer grew past its limit; `bytes` is what was read when it was stopped. */
export class AnswerTooBig extends Error {
	constructor(
		readonly limit: number,
		readonly bytes: number,
	) {
		super(`The answer is larger than ${megabytes(limit)}`);
		this.name = 'AnswerTooBig';
	}
}

/** The answer did not come fast enough. */
export class AnswerTooSlow extends Error {
	constructor(
		readonly bytes: number,
		readonly elapsedMs: number,
		readonly headers: boolean,
		/** set when nothing came for this long: n8n's own timeout (the socket's idle time) ended the answer */
		readonly silentMs?: number,
	) {
		super(headers ? 'The answer came too slowly' : 'No answer came in time');
		this.name = 'AnswerTooSlow';
	}
}

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export interface BoundSettings {
	limitBytes: number;
	timeoutMs: number;
	minBytesPerSecond: number;
}

/**
 * Before the headers, n8n's own timeout (the socket's idle time, the same `timeoutMs`) ends a silent server with its
 * usual error; this deadline waits a little longer, for a server that sends its headers a byte at a time.
 */
const HEADER_GRACE_MS = 1000;

type Destroyable = { destroy?: (error?: Error) => void };

/** One call's bounds, from the moment the request is sent. */
/** How often a running call looks at its deadline at most: a stopped watch ends within this. */
const WATCH_MS = 250;

export class AnswerBounds {
	private readonly started = Date.now();
	private received = 0;
	private lastByte = Date.now();
	private headers = false;
	private stopped = false;
	private failure: Error | undefined;
	private source: Destroyable | undefined;
	private wake: (() => void) | undefined;

	constructor(private readonly settings: BoundSettings) {}

	private deadline(): number {
		const grace = this.headers ? 0 : HEADER_GRACE_MS;
		return this.started + this.settings.timeoutMs + grace + (this.received / this.settings.minBytesPerSecond) * 1000;
	}

	/** Looks at the deadline when it is due (not on every piece), sleeping while bytes keep earning time. */
	private async watch() {
		while (!this.stopped) {
			const wait = this.deadline() - Date.now();
			if (wait <= 0) return this.fail(new AnswerTooSlow(this.received, Date.now() - this.started, this.headers));
			await sleep(Math.min(wait, WATCH_MS));
		}
	}

	private fail(error: Error) {
		this.failure ??= error;
		this.stopped = true;
		this.source?.destroy?.(error);
		this.wake?.();
	}

	/** The response headers, or AnswerTooSlow: n8n replaces a request's abort signal, so a late answer is closed when it comes. */
	async response<T>(request: Promise<T>): Promise<T> {
		void this.watch();
		void request.then(
			(answer) => this.failure && (answer as { body?: Destroyable } | undefined)?.body?.destroy?.(),
			() => undefined,
		);
		const timedOut = new Promise<never>((_resolve, reject) => {
			this.wake = () => reject(this.failure);
		});
		return await Promise.race([request, timedOut]).finally(() => {
			this.wake = undefined;
			this.headers = true;
		});
	}

	/** What a failed read of the body was: ours (size, time), n8n's timeout on a silent answer, or the stream's own. */
	private explain(error: unknown): unknown {
		const silentMs = Date.now() - this.lastByte;
		if (!this.failure && silentMs >= this.settings.timeoutMs) {
			this.failure = new AnswerTooSlow(this.received, Date.now() - this.started, true, silentMs);
		}
		return this.failure ?? error;
	}

	/** The body's pieces, counted; a piece past the limit or the deadline ends the reading with the error. */
	async *read(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
		this.source = body as Destroyable;
		const pieces = body[Symbol.asyncIterator]();
		try {
			for (;;) {
				const step = await pieces.next().catch(async (error: unknown) => await Promise.reject(this.explain(error)));
				if (this.failure) throw this.failure;
				if (step.done) return;
				this.received += step.value.length;
				this.lastByte = Date.now();
				if (this.received > this.settings.limitBytes) {
					this.fail(new AnswerTooBig(this.settings.limitBytes, this.received));
					throw this.failure;
				}
				yield step.value;
			}
		} finally {
			this.stop();
			// a reader that stopped early (a Limit reached) closes the stream, and the connection
			await pieces.return?.().catch(() => undefined);
		}
	}

	/** A body n8n's helper already read whole (another n8n version): bounded after the fact. */
	check(bytes: number) {
		this.stop();
		if (bytes > this.settings.limitBytes) throw new AnswerTooBig(this.settings.limitBytes, bytes);
	}

	stop() {
		this.stopped = true;
	}
}
