// Bundles the Action into one CommonJS file (dist/lib/index.cjs) that GitHub runs on Node 24 with no
// node_modules. `--check` rebuilds in memory and fails when the committed bundle differs (actions/typescript-action's
// check). CommonJS, not ESM: playwright-core uses __dirname, which an ES module bundle does not have.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const outfile = `${dist}lib/index.cjs`;
const check = process.argv.includes('--check');

// playwright-core takes `__dirname/..` as its package root and reads package.json and browsers.json from there
// when it loads: the bundle sits in dist/lib/ so that root is dist/, where copies of both files go.
const playwrightRoot = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
const outputs = Object.fromEntries(
  ['package.json', 'browsers.json'].map((name) => [
    `${dist}${name}`,
    readFileSync(join(playwrightRoot, name), 'utf8'),
  ]),
);

const result = await build({
  entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  // Workspace packages from their TypeScript sources, so the bundle never depends on a stale dist/.
  conditions: ['@egov-monitor/source'],
  // Lighthouse loads audits and locale files from its own folder and cannot be bundled: the scanner loads it at
  // run time from the working directory when a workflow installs it (`npm install lighthouse@12`).
  external: ['lighthouse'],
  minify: true,
  legalComments: 'linked',
  // import.meta is empty in CommonJS: the code that uses it (reading axe's file, finding Lighthouse) falls back.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
  write: false,
  outfile,
});
for (const file of result.outputFiles) outputs[file.path] = file.text;

if (check) {
  const stale = Object.entries(outputs).filter(([path, text]) => {
    try {
      return readFileSync(path, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (stale.length > 0) {
    const names = stale.map(([path]) => path.slice(dist.length)).join(', ');
    console.error(
      `The Action's bundle is out of date (${names}): run \`npm run bundle -w @egov-monitor/github-action\` and commit apps/github-action/dist.`,
    );
    process.exit(1);
  }
  console.log('apps/github-action/dist matches the sources.');
} else {
  mkdirSync(`${dist}lib`, { recursive: true });
  for (const [path, text] of Object.entries(outputs)) writeFileSync(path, text);
}
