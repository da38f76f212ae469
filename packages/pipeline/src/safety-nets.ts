import { isSafetyNetCode } from '@egov-monitor/rubric';
import type { SiteEvidence } from '@egov-monitor/rubric';

/**
 * How much of a site's scan a safety net (a time limit, never a work budget) cut: 0 when the scan finished its
 * work. A home page that never loaded in time weighs most (nothing could be judged); then each kind of evidence
 * left partial or stopped. The pipeline scans a site with marks again, alone, and keeps the result with fewer.
 */
export function safetyNetMarks(evidence: SiteEvidence): number {
  if (evidence.fatal) return evidence.fatal.code === 'timeout' ? 1_000 : 0;
  let marks = 0;
  for (const entry of Object.values(evidence.gathered)) {
    if (!entry) continue;
    if (
      entry.status === 'error'
        ? isSafetyNetCode(entry.error.code)
        : entry.incomplete && isSafetyNetCode(entry.incomplete.code)
    )
      marks += 1;
  }
  return marks;
}
