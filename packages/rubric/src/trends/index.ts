export { createTrendBuilder } from './trend-builder.js';
export type { TrendBuilder } from './trend-builder.js';
export { aggregatePoint } from './aggregate-point.js';
export type * from './types.js';
