import { parseRubric } from '@egov-monitor/rubric';
import type { Rubric } from '@egov-monitor/rubric';
import { readStructuredFile, withFileName } from './config-file.js';

/** A user's rubric (thresholds, word lists, level requirements) from YAML or JSON, validated by the rubric. */
export async function readRubricFile(path: string): Promise<Rubric> {
  const raw = await readStructuredFile(path);
  return withFileName(path, () => parseRubric(raw));
}
