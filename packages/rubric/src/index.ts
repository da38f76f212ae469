// Public entry point of @egov-monitor/rubric: pure functions from evidence to judgments. No I/O.
export type * from './evidence/index.js';
export * from './results.js';
export type { Criterion } from './criteria/criterion.js';
