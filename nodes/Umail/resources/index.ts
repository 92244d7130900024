import type { ResourceDef } from '../shared/types';
import { contactList } from './contactList';

/** Every resource of the node; each operation lives in resources/<resource>/<operation>.ts. */
export const RESOURCES: ResourceDef[] = [contactList];
