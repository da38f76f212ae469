import { defineConfig } from 'vitest/config';

// The benchmark's own helpers (memory sampling, targets, profile naming): `npx vitest run -c scripts/bench/vitest.config.ts`.
export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ['@egov-monitor/source'] },
  ssr: { resolve: { conditions: ['@egov-monitor/source'] } },
  test: { include: ['**/*.test.ts'], testTimeout: 30_000 },
});
