import type { Collector } from './collector.js';
import type { EvidenceKind } from '@egov-monitor/rubric';

/** Collectors of evidence for the standards checks (issue #3): https, lighthouse, usability, recommendations. */
export const standardsCollectors: Collector<EvidenceKind>[] = [];
