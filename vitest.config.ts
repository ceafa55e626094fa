import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The site test builds the whole site once in beforeAll.
    hookTimeout: 240_000,
    testTimeout: 30_000,
  },
});
