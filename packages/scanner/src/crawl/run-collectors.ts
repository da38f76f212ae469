import type { CollectorError, EvidenceKind, EvidenceKinds, Gathered } from '@egov-monitor/rubric';
import type { Collector, SiteContext } from '../collectors/collector.js';
import { withTimeout } from './time.js';

export type GatheredMap = Partial<{ [K in EvidenceKind]: Gathered<EvidenceKinds[K]> }>;

/**
 * Runs each collector on its own, like GSA site-scanning's runScan wrapper: timed, caught, logged. A collector
 * that throws or overruns its time becomes `{status: 'error'}` for its kind; the others still run.
 */
export async function runCollectors(
  collectors: Collector<EvidenceKind>[],
  site: SiteContext,
  options: { defaultTimeoutMs: number; now: () => number; onStart?: (kind: EvidenceKind) => void },
): Promise<GatheredMap> {
  const gathered: GatheredMap = {};
  for (const collector of collectors) {
    if (collector.enabled?.(site) === false) continue;
    options.onStart?.(collector.kind);
    const left = site.deadline - options.now();
    const bound = Math.max(1_000, Math.min(collector.timeoutMs ?? options.defaultTimeoutMs, left + 5_000));
    const started = options.now();
    try {
      const data = await withTimeout(Promise.resolve().then(() => collector.collect(site)), bound, `collector ${collector.kind}`);
      (gathered as Record<string, Gathered<unknown>>)[collector.kind] = { status: 'ok', data };
      site.log(`collector ${collector.kind}: ok in ${options.now() - started} ms`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const collectorError: CollectorError = {
        code: /^Timeout \d+ms exceeded/.test(message) ? 'timeout' : 'collector-crashed',
        message: message.split('\n')[0] ?? message,
      };
      (gathered as Record<string, Gathered<unknown>>)[collector.kind] = { status: 'error', error: collectorError };
      site.log(`collector ${collector.kind}: ${collectorError.code}: ${collectorError.message}`);
    }
  }
  return gathered;
}
