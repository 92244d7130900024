import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';

export interface PollRun {
	fn: IPollFunctions;
	/** Fetch Test Event: one real recent sample is enough, so events may stop scanning early */
	sample: boolean;
}

export interface EventResult<S> {
	/** the new events, oldest first */
	items: IDataObject[];
	/** the state to keep once these items are emitted */
	state: S;
}

/**
 * One kind of event. `poll` reads what changed since `state` (undefined on the first run: everything that exists counts
 * as new) and returns the next state; it never writes static data itself, so a failed fetch changes nothing.
 */
export interface TriggerEvent<S = unknown> {
	value: string;
	name: string;
	description: string;
	/** API calls a poll costs, shown to the user under the event */
	cost: string;
	/** fields of this event, without displayOptions for the event (the node adds them) */
	properties: INodeProperties[];
	/** the parameters that decide what is watched: when they change, the trigger starts afresh */
	scope(fn: IPollFunctions): unknown;
	poll(run: PollRun, state: S | undefined): Promise<EventResult<S>>;
}
