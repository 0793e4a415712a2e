/**
 * Test projects: unit (pure code), infra (CDK template, cdk-nag, drift), integration (the
 * sandbox against the emulator, through the real SDK and HTTP), e2e (headless Chromium), and
 * acceptance (the issues' large end-to-end runs, after the others).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Most integration time is waiting (batching windows, visibility timeouts, the emulator), not
    // computing: three files at once on two cores keep the run short. The acceptance run still
    // runs alone, last.
    maxWorkers: 3,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'infra',
          include: ['tests/infra/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/emulator-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/emulator-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'acceptance',
          include: ['tests/acceptance/**/*.test.ts'],
          globalSetup: ['tests/support/emulator-setup.ts'],
          hookTimeout: 180_000,
          // Alone, once the other projects are done: its load would slow theirs.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
