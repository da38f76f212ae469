/**
 * The JSON Schema of results.json (`ScanResults`) and its validator. The reporter writes, the pipeline resumes
 * from and the GitHub Action publishes this file, so everything that leaves the rubric is checked against it.
 */
import type { ErrorObject } from 'ajv';
import schema from './results.schema.json' with { type: 'json' };
import { createAjv, describeErrors } from './ajv.js';

/** Version of the results.json format; bump the minor for additive fields, the major for breaking changes. */
export const SCHEMA_VERSION = '1.1.0';

export const resultsSchema: object = schema;

const validate = createAjv().compile(schema);

/** Validates a results document; every problem is listed (ajv `allErrors`), each naming its path. */
export function validateResults(value: unknown): { valid: boolean; errors: string[] } {
  const valid = validate(value) as boolean;
  return { valid, errors: valid ? [] : describeErrors(validate.errors as ErrorObject[], '', value) };
}
