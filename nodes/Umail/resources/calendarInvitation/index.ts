import type { ResourceDef } from '../../shared/types';
import { createInvitation } from './create';

export const calendarInvitation: ResourceDef = {
	value: 'calendarInvitation',
	name: 'Calendar Invitation',
	description: 'Invitations (iCalendar files) to send through the SMTP relay with the Send Email node; built locally, no API call',
	defaultOperation: 'create',
	operations: [createInvitation],
};
