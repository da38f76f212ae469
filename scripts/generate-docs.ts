// `npm run docs`: writes every file generated from the code (docs/checks.md, the table of docs/status-codes.md,
// the criterion ids of results.schema.json, the criteria's part of data/default-rubric.json; the list is
// packages/rubric/src/docs/generated.ts). With `--check` it writes nothing and fails when a file is stale. The
// rubric's tests fail too when a generated file on disk differs from what the code says.
import { readFile, writeFile } from 'node:fs/promises';
import { GENERATED_FILES } from '../packages/rubric/src/docs/generated.js';

const check = process.argv.includes('--check');
const root = new URL('../', import.meta.url);
const stale: string[] = [];
for (const file of GENERATED_FILES) {
  const target = new URL(file.path, root);
  const current = await readFile(target, 'utf8');
  const wanted = file.render(current);
  if (wanted === current) continue;
  stale.push(file.path);
  if (!check) await writeFile(target, wanted);
}
if (check && stale.length) {
  process.stderr.write(`stale generated files (run \`npm run docs\`): ${stale.join(', ')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(stale.length ? `wrote ${stale.join(', ')}\n` : 'generated files are up to date\n');
}
