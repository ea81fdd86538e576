import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: most files wait on child processes and sockets, so two at a time nearly halves the suite.
    maxWorkers: 2,
  },
});
