/**
 * The JSON Schema of results.json (`ScanResults`) and its validator. The reporter writes, the pipeline resumes
 * from and the GitHub Action publishes this file, so everything that leaves the rubric is checked against it.
 */
import type { ErrorObject } from 'ajv';
import schema from './results.schema.json' with { type: 'json' };
import { createAjv, describeErrors } from './ajv.js';

/** Version of the results.json format; bump the minor for additive fields, the major for breaking changes. */
export const SCHEMA_VERSION = '1.3.0';

export const resultsSchema: object = schema;

const ajv = createAjv();
const validate = ajv.compile(schema);
const validateSite = ajv.getSchema(`${schema.$id}#/definitions/siteResult`)!;

export interface ResultsValidation {
  valid: boolean;
  errors: string[];
}

/** Validates a results document; every problem is listed (ajv `allErrors`), each naming its path. */
export function validateResults(value: unknown): ResultsValidation {
  const valid = validate(value) as boolean;
  return { valid, errors: valid ? [] : describeErrors(validate.errors as ErrorObject[], '', value) };
}

/**
 * Validates one entry of `sites`, its paths named as in the whole document (`sites[12].maturity.level`). The
 * items of `sites` are independent in the schema, so the envelope (validated with `sites: []`) plus every site
 * this way is the same verdict as validateResults on the whole — without holding a 20,000-site run in memory.
 */
export function validateSiteResult(value: unknown, index: number): ResultsValidation {
  const valid = validateSite(value) as boolean;
  return {
    valid,
    errors: valid ? [] : describeErrors(validateSite.errors as ErrorObject[], `sites[${index}]`, value),
  };
}
