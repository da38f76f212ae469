/**
 * Validators of the history's files (history.schema.json). A history is read from a folder or a branch anyone
 * with write access can edit, so every file is checked before a trend or a page is built from it; a bad file
 * gives an error naming the file and the key.
 */
import type { ErrorObject } from 'ajv';
import schema from './history.schema.json' with { type: 'json' };
import { createAjv, describeErrors } from '../schema/ajv.js';
import type { HistoryIndex, HistoryRun } from './types.js';
import { HISTORY_FORMAT } from './types.js';

export const historySchema: object = schema;

const ajv = createAjv();
ajv.addSchema(schema);
const validateRun = ajv.getSchema(`${schema.$id}#/definitions/run`)!;
const validateIndex = ajv.getSchema(`${schema.$id}#/definitions/index`)!;

export class HistoryFormatError extends Error {
  readonly issues: string[];
  constructor(what: string, issues: string[]) {
    super(`${what}: not a valid egov-monitor history file: ${issues.slice(0, 5).join('; ')}`);
    this.name = 'HistoryFormatError';
    this.issues = issues;
  }
}

/** A newer tool's file says so plainly instead of listing every key this version does not know. */
function checkFormat(value: unknown, what: string): void {
  const format = value && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
  if (typeof format === 'number' && format > HISTORY_FORMAT) {
    throw new HistoryFormatError(what, [
      `format ${format} is newer than this version of egov-monitor reads (${HISTORY_FORMAT})`,
    ]);
  }
}

/** The value as a run, or a HistoryFormatError naming `what` (the file) and each bad key. */
export function parseHistoryRun(value: unknown, what: string): HistoryRun {
  checkFormat(value, what);
  if (!validateRun(value))
    throw new HistoryFormatError(what, describeErrors(validateRun.errors as ErrorObject[], '', value));
  return value as HistoryRun;
}

export function parseHistoryIndex(value: unknown, what: string): HistoryIndex {
  checkFormat(value, what);
  if (!validateIndex(value))
    throw new HistoryFormatError(what, describeErrors(validateIndex.errors as ErrorObject[], '', value));
  return value as HistoryIndex;
}
