/**
 * Vitest global setup: one emulator for the run (moto, or AWS_ENDPOINT_URL when set). Test
 * files isolate themselves with unique resource names (see `tests/support/sandbox.ts`), so
 * they can run in parallel against it.
 */
import type { TestProject } from 'vitest/node';
import { emulatorEnvironment, startEmulator } from '../../local/emulator.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    awsEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const emulator = await startEmulator();
  Object.assign(process.env, emulatorEnvironment(emulator.endpoint));
  project.provide('awsEndpoint', emulator.endpoint);
  return () => emulator.stop();
}
