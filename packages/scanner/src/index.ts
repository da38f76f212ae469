// Public entry point of @egov-monitor/scanner.
export type { PageSnapshot } from './page-snapshot.js';
export type { Collector, SiteContext, FetchedResource } from './collectors/collector.js';
