import { parseRubric } from '@egov-monitor/rubric';
import type { CountryProfile, Rubric } from '@egov-monitor/rubric';
import { readStructuredFile, withFileName } from './config-file.js';

/**
 * A user's rubric (thresholds, word lists, level requirements) from YAML or JSON, merged over the rubric of the
 * country profile (default Guatemala) and validated by the rubric.
 */
export async function readRubricFile(path: string, profile?: CountryProfile): Promise<Rubric> {
  const raw = await readStructuredFile(path);
  return withFileName(path, () => parseRubric(raw, profile));
}
