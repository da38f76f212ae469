/**
 * Every file generated from the code, with the function that writes it from its current content (a generated part
 * keeps the hand-written rest). `npm run docs` writes them all, `npm run docs -- --check` lists the stale ones, and
 * generated.test.ts fails when a file on disk differs from what the code says.
 */
import { renderDefaultComplianceFile } from '../compliance-config.js';
import { renderDefaultRubricFile } from '../rubric-config.js';
import type { DefaultRubricData } from '../rubric-config.js';
import { withCriterionIds } from '../schema/results-schema-file.js';
import { renderChecksDoc } from './checks-doc.js';
import { withStatusTable } from './status-codes-doc.js';

export interface GeneratedFile {
  /** From the repository's root. */
  path: string;
  /** What the file must hold, given what it holds now. */
  render(current: string): string;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: 'docs/checks.md', render: () => renderChecksDoc() },
  { path: 'docs/status-codes.md', render: withStatusTable },
  { path: 'packages/rubric/src/schema/results.schema.json', render: withCriterionIds },
  {
    path: 'packages/rubric/src/data/default-rubric.json',
    render: (current) => renderDefaultRubricFile(JSON.parse(current) as DefaultRubricData),
  },
  { path: 'packages/rubric/src/data/default-compliance.json', render: renderDefaultComplianceFile },
];
