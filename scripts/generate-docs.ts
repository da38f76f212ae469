// `npm run docs`: writes the documentation generated from the code (docs/checks.md, the table of
// docs/status-codes.md). The rubric's tests fail when a generated page on disk differs from what the code says.
import { readFile, writeFile } from 'node:fs/promises';
import { renderChecksDoc } from '../packages/rubric/src/docs/checks-doc.js';
import { withStatusTable } from '../packages/rubric/src/docs/status-codes-doc.js';

const checks = new URL('../docs/checks.md', import.meta.url);
await writeFile(checks, renderChecksDoc());
const statusCodes = new URL('../docs/status-codes.md', import.meta.url);
await writeFile(statusCodes, withStatusTable(await readFile(statusCodes, 'utf8')));
process.stdout.write(`wrote ${checks.pathname}, ${statusCodes.pathname}\n`);
