/**
 * How every Relais function is built: esbuild locally, ESM for Node.js 22, minified, the AWS SDK
 * inside, source maps only on request; and the namespace of its metrics. `npm run bench`
 * bundles the entries with these same options.
 */
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/** Namespace of every Relais metric (Powertools Metrics). */
export const metricsNamespace = 'Relais';

/**
 * ESM bundles still meet CommonJS dependencies calling `require`; Lambda's ESM loader has none,
 * so the bundle gets one. The alias avoids clashing with a `createRequire` import in the code.
 */
const requireShim =
  "import { createRequire as relaisCreateRequire } from 'node:module'; const require = relaisCreateRequire(import.meta.url);";

/**
 * How every function is bundled (esbuild, locally): `npm run bench` bundles the entries with
 * these same options to measure their cold init. No source maps: Node loads them at init when
 * enabled; `cdk deploy -c sourceMaps=true` asks for them (stack traces in the logs then name
 * the TypeScript sources).
 */
export const houseBundling = {
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: requireShim,
  minify: true,
  sourceMap: false,
  // The SDK ships in the bundle: the version the tests ran is the version that runs.
  bundleAwsSDK: true,
  forceDockerBundling: false,
} satisfies BundlingOptions;

/** The CDK context key that asks for source maps in the bundles (`-c sourceMaps=true`). */
export const sourceMapsContext = 'sourceMaps';
