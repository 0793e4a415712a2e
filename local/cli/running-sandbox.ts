/**
 * The sandbox `npm start` left running (`.sandbox/<prefix>.json`), for the commands that work on
 * it: its emulator endpoint and prefix, or a message and exit when there is none.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export type RunningSandbox = { awsEndpoint: string; prefix: string };

/** The running sandbox of `prefix` (`relais`, `npm start`'s), or exits with `hint`. */
export const runningSandbox = async (
  prefix = 'relais',
  hint = 'No running sandbox was found: start it with `npm start`.',
): Promise<RunningSandbox> => {
  const file = fileURLToPath(new URL(`../../.sandbox/${prefix}.json`, import.meta.url));
  const state = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as RunningSandbox)
    .catch(() => undefined);
  const reachable =
    state &&
    (await fetch(state.awsEndpoint).then(
      () => true,
      () => false,
    ));
  if (!state || !reachable) {
    process.stderr.write(`${hint}\n`);
    process.exit(1);
  }
  return state;
};
