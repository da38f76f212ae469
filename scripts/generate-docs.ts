// `npm run docs`: writes the documentation generated from the code (docs/checks.md). The rubric's tests fail when
// a generated page on disk differs from what the code says.
import { writeFile } from 'node:fs/promises';
import { renderChecksDoc } from '../packages/rubric/src/docs/checks-doc.js';

const target = new URL('../docs/checks.md', import.meta.url);
await writeFile(target, renderChecksDoc());
process.stdout.write(`wrote ${target.pathname}\n`);
