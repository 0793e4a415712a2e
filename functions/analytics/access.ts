/**
 * What other contexts may use of the analytics context, and nothing else (the dependency rules
 * in `biome.json` refuse any other import of it but `privacy.ts`, its part of the privacy
 * registry): the lake rows about a person, for their access request.
 */
export { type LakeRowsAbout, lakeRowsAbout } from './lake/rows-about.ts';
