/** The customer the web unit tests edit: Marie Dupont of the Paris Opéra branch, at version 3. */
import type { Customer } from '#schemas/customers/customer.ts';

export const marieDupont = (
  contact: Customer['contact'] = { email: 'marie.dupont@exemple.fr' },
): Customer => ({
  id: 'cu-1',
  customerNumber: 'C0000000001',
  kind: 'individual',
  firstName: 'Marie',
  lastName: 'Dupont',
  contact,
  address: { line1: '3 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
  segment: 'mass_market',
  branchId: 'br-paris-opera',
  kycStatus: 'verified',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  createdBy: 'seed',
  updatedBy: 'seed',
  version: 3,
});
