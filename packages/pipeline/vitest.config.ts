import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@egov-monitor/source'] },
  ssr: { resolve: { conditions: ['@egov-monitor/source'] } },
  test: { include: ['src/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
});
