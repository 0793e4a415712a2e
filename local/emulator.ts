/**
 * The AWS emulator of the sandbox and the tests. `AWS_ENDPOINT_URL` wins when it is set and
 * answers (LocalStack, AWS Emulator, any compatible endpoint); otherwise moto runs in server
 * mode on a free loopback port (through `moto_server.py`), installed with pip only if Python
 * cannot import it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
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

const ensureMotoInstalled = () => {
  const probe = spawnSync('python3', ['-c', 'import moto.server, flask_cors'], { stdio: 'ignore' });
  if (probe.status === 0) return;
  const install = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', 'moto[server]'], {
    stdio: 'inherit',
  });
  if (install.status !== 0) {
    throw new Error(
      'moto is not installed and `pip install "moto[server]"` failed; install it, or set AWS_ENDPOINT_URL',
    );
  }
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
  ensureMotoInstalled();
  const port = options.port ?? (await freePort());
  // moto's own server, started through a launcher that fixes a slowness of its EventBridge.
  const launcher = fileURLToPath(new URL('./moto_server.py', import.meta.url));
  const child = spawn('python3', [launcher, '-H', '127.0.0.1', '-p', String(port)], {
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
