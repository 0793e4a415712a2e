/**
 * The AWS emulator of the sandbox and the tests. `AWS_ENDPOINT_URL` wins when it is set and
 * answers (LocalStack, AWS Emulator, any compatible endpoint); otherwise moto runs in server
 * mode on a free loopback port (through `moto_server.py`): the machine's moto if it has one,
 * else the pinned one of `local/requirements-emulator.txt` in the project's `.venv`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Emulator = {
  /** Endpoint every AWS SDK client uses (`AWS_ENDPOINT_URL`). */
  endpoint: string;
  /** `moto` when this process started it, `external` when `AWS_ENDPOINT_URL` was given. */
  kind: 'moto' | 'external';
  /** Stops what this process started; an external emulator is left alone. */
  stop: () => Promise<void>;
};

/** Credentials and region the emulator accepts; real ones are never needed locally. */
export const emulatorEnvironment = (endpoint: string) => ({
  AWS_ENDPOINT_URL: endpoint,
  AWS_REGION: process.env.AWS_REGION ?? 'eu-west-3',
  AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'test',
  AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
});

/** Answers a free TCP port on the loopback interface. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

const answers = async (url: string): Promise<boolean> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1500) });
    return response.status < 500;
  } catch {
    return false;
  }
};

const root = fileURLToPath(new URL('..', import.meta.url));
/** The moto the launcher is written for (`moto_server.py` patches its internals). */
const requirements = join(root, 'local', 'requirements-emulator.txt');
const pinnedMoto = readFileSync(requirements, 'utf8').match(/==([\d.]+)/)?.[1] ?? '';
/** The project's own Python environment, made only when the machine's Python lacks moto. */
const venv = join(root, '.venv');
const venvPython = join(venv, 'bin', 'python');

/** The moto version `python` imports, or undefined when it cannot import moto's server. */
const motoVersion = (python: string): string | undefined => {
  const probe = spawnSync(
    python,
    ['-W', 'ignore', '-c', 'import moto, moto.server, flask_cors; print(moto.__version__)'],
    { encoding: 'utf8' },
  );
  return probe.status === 0 ? probe.stdout.trim() : undefined;
};

const failInstall = (step: string): never => {
  throw new Error(
    `moto ${pinnedMoto} is not installed and ${step} failed. Install it (pip install -r local/requirements-emulator.txt), or set AWS_ENDPOINT_URL to an emulator.`,
  );
};

/**
 * The Python that runs moto: the project's `.venv` if it has moto, else the machine's
 * `python3` if it has it, else a new `.venv` (seeing the machine's packages) into which the
 * pinned moto is installed; stock Debian refuses a system-wide pip install, a venv does not.
 * Another moto than the pinned one is used with a warning (the launcher's fixes may not fit).
 */
const motoPython = (): string => {
  const candidates = existsSync(venvPython) ? [venvPython, 'python3'] : ['python3'];
  for (const python of candidates) {
    const version = motoVersion(python);
    if (!version) continue;
    if (version !== pinnedMoto) {
      process.stderr.write(`Note: moto ${version} found; Relais is tested with moto ${pinnedMoto}.\n`);
    }
    return python;
  }
  process.stderr.write(`Installing moto ${pinnedMoto} into .venv (first start only)…\n`);
  if (
    spawnSync('python3', ['-m', 'venv', '--system-site-packages', venv], { stdio: 'inherit' }).status !== 0
  ) {
    failInstall('creating .venv (on Debian: apt-get install python3-venv)');
  }
  const install = spawnSync(venvPython, ['-m', 'pip', 'install', '--quiet', '-r', requirements], {
    stdio: 'inherit',
  });
  if (install.status !== 0 || !motoVersion(venvPython)) failInstall('pip install into .venv');
  return venvPython;
};

const waitUntilHealthy = async (url: string, child: ChildProcess, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`moto exited with code ${child.exitCode} before it was ready`);
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`moto did not answer on ${url} within ${timeoutMs / 1000} s`);
};

/** Starts (or finds) the emulator. */
export const startEmulator = async (options: { port?: number } = {}): Promise<Emulator> => {
  const given = process.env.AWS_ENDPOINT_URL;
  if (given) {
    if (!(await answers(given))) throw new Error(`AWS_ENDPOINT_URL=${given} does not answer`);
    return { endpoint: given, kind: 'external', stop: async () => {} };
  }
  const python = motoPython();
  const port = options.port ?? (await freePort());
  // moto's own server, started through a launcher that fixes a slowness of its EventBridge.
  const launcher = join(root, 'local', 'moto_server.py');
  const child = spawn(python, [launcher, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
    // Its own process group: a Ctrl-C in the terminal must not stop the emulator before the
    // pollers that use it; the sandbox stops it last (and moto_server.py exits if we die).
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(`${endpoint}/moto-api/`, child, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return { endpoint, kind: 'moto', stop };
};
