/**
 * Where a function's init time goes, for the cold-init part of `npm run bench`: the function's
 * entry is bundled once more without minifying (esbuild then marks each input file with a
 * `// path` comment), imported a few times in a fresh `node --cpu-prof`, and the profile's
 * samples of bundle code are summed per package (or per folder of ours) by the line they ran.
 * What the bare bundle also holds (the SDK: `@aws-sdk/*`, `@smithy/*`) is left out: the
 * report names what the function adds. Self time only: a schema's construction counts for the
 * library that builds it, not for the file that declares it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/** A sample of a CPU profile: the function's node and, for code, the line it ran. */
type ProfileNode = { id: number; callFrame: { url: string; lineNumber: number } };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The SDK's packages, which the bare bundle holds too. */
const sdkPackage = /^@(aws-sdk|smithy)\//;

/** What each line of an unminified bundle belongs to: `zod`, `@middy/core`, `functions/customers`… */
const linesOwners = (source: string): string[] => {
  let owner = 'esbuild runtime';
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
      const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
      profile.samples.forEach((id, i) => {
        const frame = nodes.get(id)?.callFrame;
        if (frame?.url !== url) return;
        const owner = owners[frame.lineNumber] ?? 'esbuild runtime';
        totals.set(owner, (totals.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000 / runs);
      });
    }
    return [...totals].filter(([owner]) => !sdkPackage.test(owner)).sort((a, b) => b[1] - a[1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
