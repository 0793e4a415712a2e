/**
 * What other contexts may use of the analytics context, and nothing else (the dependency rules
 * in `biome.json` refuse any other import of it but `privacy.ts`, its part of the privacy
 * registry): the lake rows about a person, for their access request, and their erasure from the
 * lake.
 */
export { eraseLakeRowsAbout } from './lake/erase-person.ts';
export type { LakeErasureReport } from './lake/erasure.ts';
export { type LakeRowsAbout, lakeRowsAbout } from './lake/rows-about.ts';
