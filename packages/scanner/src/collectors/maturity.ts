import type { Collector } from './collector.js';
import type { EvidenceKind } from '@egov-monitor/rubric';

/**
 * Collectors of evidence for the twelve maturity criteria (issue #6). Each lives in its own file in this folder;
 * add it here. `crawl` and `accessibility` are produced by the site scan itself, not by a collector.
 */
export const maturityCollectors: Collector<EvidenceKind>[] = [];
