import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    globalSetup: ['test/cache-home.ts'],
    pool: 'forks',
    // Most of the suite's time is the model compiled and run from cold in each test file, and
    // CLI processes the tests wait for: files share a worker's modules (its compiled programs
    // and warm code), and the workers are as many as the cores (vitest's default leaves one
    // idle, which on 2 cores runs the files one after another). No test file mocks modules;
    // those that set environment variables put them back.
    isolate: false,
    maxWorkers: availableParallelism(),
  },
});
