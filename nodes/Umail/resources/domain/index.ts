import type { ResourceDef } from '../../shared/types';
import { create } from './create';
import { createForCustomer } from './createForCustomer';
import { deleteDomain } from './delete';
import { deleteForCustomer } from './deleteForCustomer';
import { getMany } from './getMany';
import { verifyDns } from './verifyDns';

export const domain: ResourceDef = {
	value: 'domain',
	name: 'Domain',
	description: 'Sender domains and their DNS verification',
	defaultOperation: 'getMany',
	operations: [create, createForCustomer, deleteDomain, deleteForCustomer, getMany, verifyDns],
};
