/**
 * What other contexts may use of the channels context, and nothing else (the dependency rules
 * in `biome.json` refuse any other import of it but `privacy.ts`, its part of the privacy
 * registry): the visitor ids linked to a customer, and their erasure's part outside the
 * customer's collection.
 */
export { eraseVisitorLinks } from './store/erase-links.ts';
export { listLinks } from './store/identity-store.ts';
