/**
 * What other contexts may use of the customers context, and nothing else (the dependency rules
 * in `.dependency-cruiser.cjs` refuse any other import of it): reading a customer, and the keys
 * of the customer's item collection, to which other contexts add their members (identity
 * links, channel activity) so that the 360° file stays one Query.
 */
export { eventItem, getCustomer } from './store/customers-store.ts';
export { customerPk, profileSk, timelineSk } from './store/keys.ts';
