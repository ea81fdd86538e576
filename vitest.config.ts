import { defineConfig } from 'vitest/config';

/** Tests that measure latency under load: run alone, after the rest, so no other file competes for the two cores. */
const TIMED = ['tests/discord-load.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: most files wait on child processes and sockets, so two at a time nearly halves the suite.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: TIMED, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'timed', include: TIMED, sequence: { groupOrder: 1 } } },
    ],
  },
});
