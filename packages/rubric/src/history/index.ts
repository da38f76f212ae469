export * from './types.js';
export { historySiteKey } from './site-key.js';
export {
  compactRun,
  createRunCompactor,
  evaluatedInRun,
  historyRunFile,
  historyRunId,
  indexEntry,
  rubricFingerprint,
} from './compact-run.js';
export type { CompactOptions, RunCompactor, RunHead } from './compact-run.js';
export { addRunToIndex, emptyHistoryIndex } from './history-index.js';
export { criterionCode, outcomeCode, outcomeOfCode } from './outcome-code.js';
export { isProvisional } from './provisional.js';
export { HistoryFormatError, historySchema, parseHistoryIndex, parseHistoryRun } from './schema.js';
