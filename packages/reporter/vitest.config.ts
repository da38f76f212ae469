import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@egov-monitor/source'] },
  ssr: { resolve: { conditions: ['@egov-monitor/source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // A worker keeps its loaded modules from one test file to the next: re-importing Playwright, axe and the
    // rubric for every file was most of the suite's import time on 2 cores. Safe here: no file of this package
    // replaces a module (vi.mock); spies are restored after each test.
    isolate: false,
  },
});
