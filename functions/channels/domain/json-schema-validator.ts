/**
 * Classic zod's `fromJSONSchema` (zod/mini has none), alone in its module: `custom-events.ts`
 * imports this module when it compiles its first schema, so the bundler keeps only the part of
 * classic zod it needs and the function loads it then, not at init.
 */
export { fromJSONSchema } from 'zod';
