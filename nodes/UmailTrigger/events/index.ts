import { domainVerificationChanged } from './domainVerificationChanged';
import { fileImportFinished } from './fileImportFinished';
import { newClick } from './newClick';
import { newFailedAddress } from './newFailedAddress';
import { newOpen } from './newOpen';
import { newUnsubscribe } from './newUnsubscribe';
import { taskCompleted } from './taskCompleted';
import { taskStatusChanged } from './taskStatusChanged';
import { templateCheckFinished } from './templateCheckFinished';
import type { TriggerEvent } from './types';

export const EVENTS = [
	domainVerificationChanged,
	fileImportFinished,
	newClick,
	newFailedAddress,
	newOpen,
	newUnsubscribe,
	taskCompleted,
	taskStatusChanged,
	templateCheckFinished,
] as unknown as Array<TriggerEvent<unknown>>;
