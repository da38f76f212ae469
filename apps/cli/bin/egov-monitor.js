#!/usr/bin/env node
// Launcher of the egov-monitor CLI. It runs the build (dist/main.js, made by `npm run build`). In a checkout
// without a build it runs the TypeScript sources through tsx instead, so `npx egov-monitor` works either way;
// EGOV_MONITOR_FROM_SOURCE=1 forces the sources (the CLI's own tests use it).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const distMain = new URL('../dist/main.js', import.meta.url);
const srcMain = new URL('../src/main.ts', import.meta.url);
const fromSource = process.env.EGOV_MONITOR_FROM_SOURCE === '1';

if (fromSource && process.env.EGOV_MONITOR_SOURCE_LOADER === '1') {
  const { main } = await import(srcMain.href);
  process.exitCode = await main(process.argv);
} else if (!fromSource && existsSync(distMain)) {
  const { main } = await import(distMain.href);
  process.exitCode = await main(process.argv);
} else {
  let tsx;
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    tsx = undefined;
  }
  if (!tsx || !existsSync(srcMain)) {
    process.stderr.write('egov-monitor is not built: run `npm run build` in the repository first.\n');
    process.exit(2);
  }
  // Workspace packages resolve to their TypeScript sources under the @egov-monitor/source condition.
  const child = spawn(
    process.execPath,
    [
      '--conditions=@egov-monitor/source',
      '--import',
      tsx,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, EGOV_MONITOR_FROM_SOURCE: '1', EGOV_MONITOR_SOURCE_LOADER: '1' },
    },
  );
  // Ctrl-C reaches the child too (same process group); it decides how to stop, this launcher only waits.
  process.on('SIGINT', () => undefined);
  child.once('exit', (code, signal) => {
    process.exitCode = code ?? (signal === 'SIGINT' ? 130 : 1);
  });
}
