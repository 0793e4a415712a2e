/**
 * What other contexts may use of the channels context, and nothing else (the dependency rules
 * in `biome.json` refuse any other import of it): its declaration in the privacy registry.
 */
export { channelsPrivacy } from './privacy.ts';
