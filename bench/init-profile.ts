/**
 * Where a function's init time goes, for the cold-init part of `npm run bench`: the function's
 * entry is bundled once more without minifying (esbuild then marks each input file with a
 * `// path` comment), imported a few times in a fresh `node --cpu-prof`, and the profile's
 * samples of bundle code are summed per package (or per folder of ours) by the line they ran
 * (V8's per-line ticks: a function's first line would give a module's top-level code, which is
 * one function, to whatever precedes the bundle's first module). A sample in esbuild's module
 * wrappers (`__esm`, `__commonJS`: the lazy compilation of the module they start) counts for
 * that module. What the bare bundle also holds (the SDK: `@aws-sdk/*`, `@smithy/*`) is left
 * out: the report names what the function adds. Self time only: a schema's construction counts
 * for the library that builds it, not for the file that declares it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/**
 * A node of a CPU profile: the function (its first line, 0-based), the nodes it called, and the
 * samples taken in it per line (1-based).
 */
type ProfileNode = {
  id: number;
  callFrame: { url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The SDK's packages, which the bare bundle holds too. */
const sdkPackage = /^@(aws-sdk|smithy)\//;

/** The owner of the lines before the bundle's first module: esbuild's helpers and the banner. */
const runtime = 'esbuild runtime';

/** What each line of an unminified bundle belongs to: `zod`, `@middy/core`, `functions/customers`… */
const linesOwners = (source: string): string[] => {
  let owner = runtime;
  return source.split('\n').map((line) => {
    const marker = /^\/\/ ([\w@.-]+\/\S+)$/.exec(line)?.[1];
    if (marker) {
      owner =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(marker)?.[1] ?? marker.split('/').slice(0, 2).join('/');
    }
    return owner;
  });
};

/**
 * A node's self time in ms, shared among the lines it ran; a node without per-line ticks gives
 * it all to its first line. Lines are 0-based.
 */
const selfTimeByLine = (node: ProfileNode, ms: number): [number, number][] => {
  const ticks = node.positionTicks ?? [];
  const total = ticks.reduce((sum, { ticks: n }) => sum + n, 0);
  if (total === 0) return [[node.callFrame.lineNumber, ms]];
  return ticks.map(({ line, ticks: n }) => [line - 1, (ms * n) / total]);
};

/**
 * The self time of one profile, in ms per owner of the bundle's lines; a module wrapper's time
 * goes to the module it called (the first child in the bundle).
 */
const selfTimeByOwner = (profile: CpuProfile, url: string, owners: string[]): Map<string, number> => {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const ownerOf = (line: number) => owners[line] ?? runtime;
  const wrapped = (node: ProfileNode) =>
    (node.children ?? [])
      .map((id) => nodes.get(id)?.callFrame)
      .find((frame) => frame?.url === url && ownerOf(frame.lineNumber) !== runtime);
  const totals = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = nodes.get(id);
    if (node?.callFrame.url !== url) continue;
    for (const [line, share] of selfTimeByLine(node, ms)) {
      let owner = ownerOf(line);
      const started = owner === runtime ? wrapped(node) : undefined;
      if (started) owner = ownerOf(started.lineNumber);
      totals.set(owner, (totals.get(owner) ?? 0) + share);
    }
  }
  return totals;
};

/**
 * Milliseconds of init per package (self time, mean of `runs` imports) for the bundle of
 * the entry built with `options`, the SDK left out; the largest first.
 */
export const initProfile = async (
  options: BuildOptions,
  env: Record<string, string>,
  runs: number,
): Promise<[string, number][]> => {
  const dir = await mkdtemp(join(options.outfile ?? '', '..', 'profile-'));
  try {
    const file = join(dir, 'index.mjs');
    await build({ ...options, minify: false, metafile: false, outfile: file });
    const owners = linesOwners(await readFile(file, 'utf8'));
    const url = pathToFileURL(file).href;
    const totals = new Map<string, number>();
    for (let run = 0; run < runs; run++) {
      const out = join(dir, `run-${run}`);
      execFileSync(
        process.execPath,
        [
          '--cpu-prof',
          `--cpu-prof-dir=${out}`,
          '--cpu-prof-interval=100',
          '--input-type=module',
          '-e',
          `await import(${JSON.stringify(url)}); process.exit(0);`,
        ],
        { env },
      );
      const [written] = await readdir(out);
      const profile = JSON.parse(await readFile(join(out, written ?? ''), 'utf8')) as CpuProfile;
      for (const [owner, ms] of selfTimeByOwner(profile, url, owners)) {
        totals.set(owner, (totals.get(owner) ?? 0) + ms / runs);
      }
    }
    return [...totals].filter(([owner]) => !sdkPackage.test(owner)).sort((a, b) => b[1] - a[1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
