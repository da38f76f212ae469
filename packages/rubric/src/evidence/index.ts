export type * from './common.js';
export type * from './maturity.js';
export type * from './standards.js';
export type * from './site.js';
