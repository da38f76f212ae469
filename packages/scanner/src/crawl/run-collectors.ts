import type {
  CollectorError,
  EvidenceKind,
  EvidenceKinds,
  Gathered,
  Incompleteness,
} from '@egov-monitor/rubric';
import type { Collector, SiteContext } from '../collectors/collector.js';
import { withTimeout } from './time.js';

export type GatheredMap = Partial<{ [K in EvidenceKind]: Gathered<EvidenceKinds[K]> }>;

/**
 * Collectors of one site that run at once. Most of a collector's time is spent waiting on the site (a page to load
 * and settle, a download, a TLS handshake), so two at a time overlap those waits (docs/performance.md) without a
 * third tab's memory.
 */
export const COLLECTORS_AT_ONCE = 2;

/** After the site's safety net fired, a collector still gets this long to judge what the crawl already read. */
const GRACE_MS = 5_000;

/**
 * Runs each collector on its own, like GSA site-scanning's runScan wrapper: timed, caught, logged. Each gets its
 * own view of the site whose `deadline` is its safety net (its time limit, never past the site's) and whose
 * `markIncomplete` records that its data is partial. A collector that throws becomes `{status: 'error'}` for its
 * kind (`collector-crashed`, or `timeout` when its safety net fired); the others still run. Up to `atOnce` run side
 * by side; those marked `runsAlone` (Lighthouse) run afterwards, one by one. The result lists the kinds in the
 * collectors' order, whatever order they finished in.
 */
export async function runCollectors(
  collectors: Collector<EvidenceKind>[],
  site: SiteContext,
  options: {
    defaultTimeoutMs: number;
    now: () => number;
    onStart?: (kind: EvidenceKind) => void;
    atOnce?: number;
    graceMs?: number;
  },
): Promise<GatheredMap> {
  const results = new Map<EvidenceKind, Gathered<unknown>>();
  const runOne = async (collector: Collector<EvidenceKind>) => {
    options.onStart?.(collector.kind);
    const started = options.now();
    const limit = collector.timeoutMs ?? options.defaultTimeoutMs;
    const deadline = Math.min(site.deadline, started + limit);
    // The collector stops starting work at its deadline; the bound leaves it a moment to return what it has.
    const grace = options.graceMs ?? GRACE_MS;
    const bound = Math.max(grace, deadline - started + grace);
    let incomplete: Incompleteness | undefined;
    const own = Object.create(site, {
      deadline: { value: deadline, enumerable: true },
      markIncomplete: {
        value: (reason: Incompleteness) => {
          incomplete ??= reason;
        },
      },
    }) as SiteContext;
    try {
      const data = await withTimeout(
        Promise.resolve().then(() => collector.collect(own)),
        bound,
        `collector ${collector.kind}`,
      );
      results.set(collector.kind, { status: 'ok', data, ...(incomplete ? { incomplete } : {}) });
      site.log(
        `collector ${collector.kind}: ok in ${options.now() - started} ms${incomplete ? ` (incomplete: ${incomplete.code})` : ''}`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const collectorError: CollectorError = {
        code: /^Timeout \d+ms exceeded/.test(message) ? 'timeout' : 'collector-crashed',
        message: message.split('\n')[0] ?? message,
      };
      results.set(collector.kind, { status: 'error', error: collectorError });
      site.log(`collector ${collector.kind}: ${collectorError.code}: ${collectorError.message}`);
    }
  };

  const enabled = collectors.filter((collector) => collector.enabled?.(site) !== false);
  const together = enabled.filter((collector) => !collector.runsAlone);
  let next = 0;
  const worker = async () => {
    while (next < together.length) await runOne(together[next++]!);
  };
  await Promise.all(
    Array.from(
      { length: Math.max(1, Math.min(options.atOnce ?? COLLECTORS_AT_ONCE, together.length)) },
      worker,
    ),
  );
  for (const collector of enabled.filter((candidate) => candidate.runsAlone)) await runOne(collector);

  const gathered: GatheredMap = {};
  for (const collector of enabled) {
    const result = results.get(collector.kind);
    if (result) (gathered as Record<string, Gathered<unknown>>)[collector.kind] = result;
  }
  return gathered;
}
