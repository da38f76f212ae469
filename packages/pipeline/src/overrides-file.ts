import { parseOverrides } from '@egov-monitor/rubric';
import type { Override } from '@egov-monitor/rubric';
import { readStructuredFile, withFileName } from './config-file.js';

/** Reviewers' overrides (a criterion decided by hand, with reason and author) from YAML or JSON. */
export async function readOverridesFile(path: string): Promise<Override[]> {
  const raw = await readStructuredFile(path);
  return withFileName(path, () => parseOverrides(raw));
}
