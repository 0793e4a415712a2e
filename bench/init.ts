/**
 * The cold-init part of `npm run bench`: what each Lambda function's own code costs at cold
 * start over the AWS SDK clients it cannot do without. For every function of
 * `infra/declaration/functions.ts` it bundles the entry as a deployment does (the construct's
 * `houseBundling`: ESM, node22, minified, no source maps, the SDK inside, the declared external
 * modules left out), reads in the bundle's metafile which SDK clients went in, and bundles a
 * bare file that only imports and constructs those clients, with the same options; and a third, the
 * platform's floor: the bare clients plus the shared entry point the function is written on (the
 * HTTP stack, with idempotency where the function has its table, or the queue/stream/schedule
 * wrapper) — what any function of that kind costs before its context adds a line. Each bundle is
 * then imported in a fresh `node` (with dummy values for the environment a module reads when
 * loaded), the three interleaved, and the report gives per function the sizes, the median import
 * times and the ratios, each beside its goal, with the share of the ratio the floor accounts for. Files the stack copies next to a bundle (`bundledFiles`) are
 * only read by a handler, never at import: they are not copied.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { houseBundling, metricsNamespace } from '#infra/constructs/bundling.ts';
import {
  envName,
  type FunctionDeclaration,
  type FunctionName,
  functions,
} from '#infra/declaration/functions.ts';
import type { QueueName } from '#infra/declaration/messaging.ts';
import type { BucketName, SecretName, TableName } from '#infra/declaration/storage.ts';
import { repositoryRoot } from '#infra/stacks/functions.ts';
import { againstGoal, formatTable, log, median } from './figures.ts';
import { initProfile } from './init-profile.ts';

export type InitOptions = {
  /** Imports of each bundle measured (after one discarded warm-up). */
  runs: number;
};

/** The goals: a function's own code weighs at most this over its bare clients… */
const maxExtraKB = 60;
/** …and its cold init takes at most this many times the bare one. */
const maxInitRatio = 1.3;
/** Imports profiled per function to say where its own init goes. */
const profileRuns = 5;

/** The packages that hold a client (lib-dynamodb wraps the DynamoDB client in a document client). */
const clientPackage = /node_modules\/(@aws-sdk\/(?:client-[a-z0-9-]+|lib-dynamodb))\//;

/** The esbuild options of a function's bundle, as `NodejsFunction` passes `houseBundling` on. */
const esbuildOptions = (declared: FunctionDeclaration, outfile: string): BuildOptions => ({
  bundle: true,
  platform: 'node',
  format: houseBundling.format,
  target: houseBundling.target,
  mainFields: houseBundling.mainFields,
  banner: { js: houseBundling.banner },
  minify: houseBundling.minify,
  sourcemap: houseBundling.sourceMap,
  // With `bundleAwsSDK`, only the declared modules stay out (CDK's default would add `@aws-sdk/*`).
  external: [...(declared.externalModules ?? (houseBundling.bundleAwsSDK ? [] : ['@aws-sdk/*']))],
  outfile,
  metafile: true,
  logLevel: 'warning',
});

/** The name of the client class a package exports (`DynamoDBClient`, `SQSClient`…). */
const clientClass = async (pkg: string): Promise<string> => {
  const name = Object.keys(await import(pkg)).find((key) => /^[A-Z]\w*Client$/.test(key));
  if (!name) throw new Error(`${pkg} exports no client class`);
  return name;
};

/** A module that imports and constructs the clients of `packages`, as `functions/shared/clients/` do. */
const bareSource = async (packages: readonly string[]): Promise<string> => {
  const lines: string[] = [];
  const clients: string[] = [];
  for (const [i, pkg] of packages.entries()) {
    const name = await clientClass(pkg);
    lines.push(`import { ${name} as Client${i} } from '${pkg}';`);
    if (pkg === '@aws-sdk/lib-dynamodb') {
      lines.push(`import { DynamoDBClient as Wrapped${i} } from '@aws-sdk/client-dynamodb';`);
      clients.push(`Client${i}.from(new Wrapped${i}({}))`);
    } else {
      clients.push(`new Client${i}({})`);
    }
  }
  return [...lines, `export const clients = [${clients.join(', ')}];`].join('\n');
};

/** The bare clients and the shared entry point a function of this kind is written on. */
const floorSource = async (declared: FunctionDeclaration, packages: readonly string[]): Promise<string> =>
  [
    await bareSource(packages),
    ...(declared.http
      ? [
          "export { httpApi } from '#shared/http/api.ts';",
          ...(declared.tables?.idempotency
            ? ["export { onceByKey } from '#shared/http/idempotency.ts';"]
            : []),
        ]
      : ["export { entryPoint } from '#shared/entry-point.ts';"]),
  ].join('\n');

/** Dummy values for what a function reads from its environment (see `envName`). */
const environmentOf = (name: FunctionName, declared: FunctionDeclaration): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  // Lambda runs Node 22: the SDK's warning for older versions is not part of its init.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_REGION: 'eu-west-3',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_SERVICE_NAME: name,
  POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
  ...Object.fromEntries(
    Object.keys(declared.tables ?? {}).map((table) => [envName.table(table as TableName), `bench-${table}`]),
  ),
  ...(declared.putsEvents ? { [envName.bus]: 'bench-bus' } : {}),
  ...Object.fromEntries(
    (declared.sendsTo ?? []).map((queue: QueueName) => [
      envName.queue(queue),
      `https://sqs.eu-west-3.amazonaws.com/123456789012/bench-${queue}`,
    ]),
  ),
  ...Object.fromEntries(
    Object.keys(declared.buckets ?? {}).map((bucket) => [
      envName.bucket(bucket as BucketName),
      `bench-${bucket}`,
    ]),
  ),
  ...Object.fromEntries(
    (declared.secrets ?? []).map((secret: SecretName) => [
      envName.secret(secret),
      `arn:aws:secretsmanager:eu-west-3:123456789012:secret:bench-${secret}`,
    ]),
  ),
  ...(declared.queriesLake ? { ATHENA_WORKGROUP: 'bench', GLUE_DATABASE: 'bench' } : {}),
});

/** Milliseconds a fresh `node` takes to import `file` (its own start-up left out). */
const importMs = (file: string, env: Record<string, string>): number => {
  const script =
    'const started = performance.now(); await import(process.argv[1]); ' +
    'process.stdout.write(String(performance.now() - started)); process.exit(0);';
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, pathToFileURL(file).href],
    {
      env,
      encoding: 'utf8',
    },
  );
  return Number(out);
};

type Bundled = {
  name: FunctionName;
  declared: FunctionDeclaration;
  packages: string[];
  file: string;
  bare: string;
  floor: string;
  env: Record<string, string>;
};

/** Bundles a function's entry and its bare counterpart into `dir`. */
const bundle = async (name: FunctionName, dir: string): Promise<Bundled> => {
  const declared: FunctionDeclaration = functions[name];
  const file = join(dir, name, 'index.mjs');
  const built = await build({
    ...esbuildOptions(declared, file),
    entryPoints: [join(repositoryRoot, declared.entry)],
  });
  const packages = [
    ...new Set(
      Object.keys(built.metafile?.inputs ?? {}).flatMap((input) => clientPackage.exec(input)?.[1] ?? []),
    ),
  ].sort();
  const bare = join(dir, `${name}-bare`, 'index.mjs');
  await build({
    ...esbuildOptions(declared, bare),
    stdin: { contents: await bareSource(packages), resolveDir: repositoryRoot, sourcefile: 'bare.mjs' },
  });
  const floor = join(dir, `${name}-floor`, 'index.mjs');
  await build({
    ...esbuildOptions(declared, floor),
    stdin: {
      contents: await floorSource(declared, packages),
      resolveDir: repositoryRoot,
      sourcefile: 'floor.mjs',
    },
  });
  return { name, declared, packages, file, bare, floor, env: environmentOf(name, declared) };
};

const kilobytes = async (file: string) => (await stat(file)).size / 1024;

/** Bundles and measures every declared function; answers the report's lines. */
export const initBench = async ({ runs }: InitOptions): Promise<string[]> => {
  const dir = await mkdtemp(join(tmpdir(), 'relais-bench-init-'));
  try {
    const names = Object.keys(functions) as FunctionName[];
    log(`Cold init: bundling ${names.length} functions and their bare clients into ${dir}…`);
    const bundles: Bundled[] = [];
    for (const name of names) bundles.push(await bundle(name, dir));

    log(`   importing each bundle ${runs} times in a fresh node, function, bare and floor interleaved…`);
    const rows: string[][] = [];
    const profiles: string[][] = [];
    for (const b of bundles) {
      const files = { own: b.file, bare: b.bare, floor: b.floor };
      const samples = { own: [] as number[], bare: [] as number[], floor: [] as number[] };
      const orders = [
        ['own', 'bare', 'floor'],
        ['bare', 'floor', 'own'],
        ['floor', 'own', 'bare'],
      ] as const;
      // One discarded round warms the file cache; then the rounds rotate which goes first.
      for (let run = -1; run < runs; run++) {
        for (const which of orders[(run + 3) % 3] ?? orders[0]) {
          const ms = importMs(files[which], b.env);
          if (run >= 0) samples[which].push(ms);
        }
      }
      const [ownKB, bareKB, floorKB] = [
        await kilobytes(b.file),
        await kilobytes(b.bare),
        await kilobytes(b.floor),
      ];
      const [ownMs, bareMs, floorMs] = [median(samples.own), median(samples.bare), median(samples.floor)];
      const extraKB = ownKB - bareKB;
      const ratio = ownMs / bareMs;
      rows.push([
        b.name,
        b.packages.map((pkg) => pkg.replace(/^@aws-sdk\/(client-)?/, '')).join(' '),
        ownKB.toFixed(0),
        bareKB.toFixed(0),
        againstGoal(
          `${extraKB >= 0 ? '+' : ''}${extraKB.toFixed(0)}`,
          `≤ +${maxExtraKB}`,
          extraKB <= maxExtraKB,
        ),
        ownMs.toFixed(0),
        bareMs.toFixed(0),
        againstGoal(`${ratio.toFixed(2)}×`, `≤ ${maxInitRatio}×`, ratio <= maxInitRatio),
        `+${(floorKB - bareKB).toFixed(0)}`,
        `${(floorMs / bareMs).toFixed(2)}×`,
        `${(ownMs / floorMs).toFixed(2)}×`,
      ]);
      log(`   ${b.name}: ${ownMs.toFixed(0)} ms vs ${bareMs.toFixed(0)} ms bare`);
      const spent = await initProfile(
        { ...esbuildOptions(b.declared, b.file), entryPoints: [join(repositoryRoot, b.declared.entry)] },
        b.env,
        profileRuns,
      );
      profiles.push([
        b.name,
        (ownMs - bareMs).toFixed(0),
        spent
          .slice(0, 4)
          .map(([owner, ms]) => `${owner} ${ms.toFixed(1)}`)
          .join(', '),
      ]);
    }
    return [
      `Cold init — each function's bundle vs a bare bundle of its SDK clients (esbuild ${houseBundling.target}, ` +
        `minified, ${houseBundling.sourceMap ? 'source maps on' : 'no source maps'}; import in a fresh node, median of ${runs})`,
      ...formatTable(
        [
          'function',
          'SDK clients',
          '>bundle KB',
          '>bare KB',
          '>own code KB',
          '>init ms',
          '>bare ms',
          '>init ratio',
          '>floor KB',
          '>floor ratio',
          '>own ÷ floor',
        ],
        rows,
      ),
      '  floor: the bare clients plus the shared entry point the function is written on (HTTP stack with its',
      '  idempotency, or the queue/stream/schedule wrapper); own ÷ floor is what the context itself adds.',
      '',
      `Where each function's own init goes — CPU profile of an unminified copy, self time in ms by package ` +
        `(mean of ${profileRuns} imports; the SDK, which the bare bundle holds too, left out)`,
      ...formatTable(['function', '>over bare ms', 'largest'], profiles),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
