/**
 * Points the AWS SDK of a test file at the run's emulator (started by the global setup), and
 * gives each file unique resource names so files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { emulatorEnvironment } from '../../local/emulator.ts';

/** Call at the top of an integration test file, before creating SDK clients. */
export const useEmulator = (): string => {
  const endpoint = inject('awsEndpoint');
  Object.assign(process.env, emulatorEnvironment(endpoint));
  return endpoint;
};

/** A short unique prefix for this test file's resources, e.g. `t-3fa9c1`. */
export const uniquePrefix = (label = 't'): string => `${label}-${randomBytes(3).toString('hex')}`;
