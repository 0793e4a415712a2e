/**
 * What other contexts (and the sandbox's demo bank) may use of the sales context, and nothing
 * else (the dependency rules in `biome.json` refuse any other import of it): the product catalogue,
 * whose codes the customers' holdings carry.
 */
export { catalogue, productByCode } from './catalogue/catalogue.ts';
