import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // What the tests need from the system (redis-server, chromium): installed or named before any test runs.
    globalSetup: ['test/setup/system-deps.ts'],
  },
});
