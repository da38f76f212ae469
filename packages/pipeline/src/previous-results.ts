import { readFile } from 'node:fs/promises';
import { validateResults } from '@egov-monitor/rubric';
import type { ScanResults } from '@egov-monitor/rubric';
import { PipelineConfigError } from './errors.js';
import { describeReadError } from './config-file.js';

/** The results.json of an earlier run, to compare with; it must validate against the results schema. */
export async function readPreviousResults(path: string): Promise<ScanResults> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not JSON: ${error.message}` : describeReadError(error);
    throw new PipelineConfigError(`${path}: ${reason}`);
  }
  const validation = validateResults(value);
  if (!validation.valid) {
    throw new PipelineConfigError(
      `${path}: not a valid results.json: ${validation.errors[0] ?? 'schema mismatch'}`,
    );
  }
  return value as ScanResults;
}
