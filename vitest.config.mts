import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/e2e runs inside a real editor (code-server / VS Code), not under vitest.
    exclude: ['test/e2e/**', '**/node_modules/**', 'dist/**'],
    testTimeout: 20000,
    pool: 'forks',
  },
});
