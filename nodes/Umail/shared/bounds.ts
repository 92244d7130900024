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
export class AnswerBounds {
	private readonly started = Date.now();
	private received = 0;
	private lastByte = Date.now();
	private headers = false;
	private timer: NodeJS.Timeout | undefined;
	private failure: Error | undefined;
	private source: Destroyable | undefined;
	private wake: (() => void) | undefined;

	constructor(private readonly settings: BoundSettings) {}

	private deadline(): number {
		const grace = this.headers ? 0 : HEADER_GRACE_MS;
		return this.started + this.settings.timeoutMs + grace + (this.received / this.settings.minBytesPerSecond) * 1000;
	}

	/** Checks the deadline when it is due (not on every piece) and re-arms while bytes keep earning time. */
	private arm() {
		const wait = Math.max(0, this.deadline() - Date.now());
		this.timer = setTimeout(() => {
			if (Date.now() < this.deadline()) return this.arm();
			this.fail(new AnswerTooSlow(this.received, Date.now() - this.started, this.headers));
		}, wait);
		this.timer.unref?.();
	}

	private fail(error: Error) {
		this.failure ??= error;
		this.source?.destroy?.(error);
		this.wake?.();
	}

	/** The response headers, or AnswerTooSlow: n8n replaces a request's abort signal, so a late answer is closed when it comes. */
	async response<T>(request: Promise<T>): Promise<T> {
		this.arm();
		let late = false;
		const timedOut = new Promise<never>((_resolve, reject) => {
			this.wake = () => reject(this.failure);
		});
		try {
			return await Promise.race([request, timedOut]);
		} catch (error) {
			if (this.failure) {
				late = true;
				void request.then((answer) => ((answer as { body?: Destroyable } | undefined)?.body)?.destroy?.(), () => undefined);
			}
			throw error;
		} finally {
			this.wake = undefined;
			this.headers = true;
			// the header grace is over: the deadline is due sooner
			this.stop();
			if (!late && !this.failure) this.arm();
		}
	}

	/** The body's pieces, counted; a piece past the limit or the deadline ends the reading with the error. */
	async *read(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
		this.source = body as Destroyable;
		try {
			for await (const piece of body) {
				if (this.failure) throw this.failure;
				this.received += piece.length;
				this.lastByte = Date.now();
				if (this.received > this.settings.limitBytes) {
					this.fail(new AnswerTooBig(this.settings.limitBytes, this.received));
					throw this.failure;
				}
				yield piece;
			}
			if (this.failure) throw this.failure;
		} catch (error) {
			const silentMs = Date.now() - this.lastByte;
			// n8n's timeout ends a connection silent for `timeoutMs` as if it had been reset
			if (!this.failure && silentMs >= this.settings.timeoutMs) {
				this.failure = new AnswerTooSlow(this.received, Date.now() - this.started, true, silentMs);
			}
			// the stream destroyed by fail() reports its own words; ours say what happened
			throw this.failure ?? error;
		} finally {
			this.stop();
		}
	}

	/** A body n8n's helper already read whole (another n8n version): bounded after the fact. */
	check(bytes: number) {
		this.stop();
		if (bytes > this.settings.limitBytes) throw new AnswerTooBig(this.settings.limitBytes, bytes);
	}

	stop() {
		clearTimeout(this.timer);
		this.timer = undefined;
	}
}
