import { parseAcceptedFindings } from '@egov-monitor/rubric';
import type { AcceptedFinding } from '@egov-monitor/rubric';
import { readStructuredFile, withFileName } from './config-file.js';

/** The agency's accepted findings (checks and axe rules it lives with, each with reason, author, expiry), YAML or JSON. */
export async function readAcceptedFile(path: string): Promise<AcceptedFinding[]> {
  const raw = await readStructuredFile(path);
  return withFileName(path, () => parseAcceptedFindings(raw));
}
