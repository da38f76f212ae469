// Where a site's scan time goes, without touching the scanner: scans extra generated sites with scanSite and
// times every Playwright call the scan makes (navigation, network-idle waits, axe, snapshot extraction, mobile
// layout, new tabs…) by wrapping the methods on the shared Page/BrowserContext prototypes, and reads each
// collector's own timing from the scan log. Each call is billed to its site (by origin) and to the site's phase
// at that moment. Diagnosis only: the timed runs of bench.ts are never wrapped.
import type { BrowserSession } from '@egov-monitor/scanner';
import { DEFAULT_SCAN_OPTIONS, scanSite } from '@egov-monitor/scanner';
import type { SiteTarget } from '@egov-monitor/rubric';
import { forEachConcurrently } from './bare-loop.js';
import type { ProfileSummary } from './report.js';

type Method = (...args: unknown[]) => unknown;

/** Names an `evaluate` call by what it sends to the page (the scanner's in-page functions take known limits). */
export function evaluateKind(arg: unknown, second: unknown): string {
  if (typeof arg === 'string') {
    if (arg.length > 100_000) return 'axe: inject axe-core';
    if (arg.includes('"inlineScriptChars"')) return 'snapshot: extract page';
    if (arg.includes('"textNodes"')) return 'snapshot: mobile layout';
    if (arg.includes('"textChars"')) return 'cheap visit: extract links';
    return 'evaluate: other source';
  }
  if (typeof arg === 'function') {
    const source = arg.toString();
    if (source.includes('axe') && typeof second === 'object' && second !== null && 'tags' in second)
      return 'axe: run';
  }
  return 'evaluate: other';
}

interface Timing {
  calls: number;
  ms: number;
}

export async function profileSites(
  session: BrowserSession,
  targets: SiteTarget[],
  options: { concurrency: number; extraCaPems: string[]; log: (message: string) => void },
): Promise<ProfileSummary> {
  const phaseOf = new Map<string, string>();
  const table = new Map<string, Timing>();
  const collectors = new Map<string, number>();
  const cheapPages = new WeakSet<object>();
  const originOf = (url: string) => {
    try {
      return new URL(url).origin;
    } catch {
      return '';
    }
  };
  const bill = (origin: string, operation: string, ms: number) => {
    const phase = phaseOf.get(origin);
    if (!phase) return; // not one of the profiled sites
    const key = `${phase}\u0000${operation}`;
    const entry = table.get(key) ?? { calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += ms;
    table.set(key, entry);
  };

  const probePage = await session.browser.newPage();
  const pageProto = Object.getPrototypeOf(probePage) as Record<string, Method>;
  const contextProto = Object.getPrototypeOf(probePage.context()) as Record<string, Method>;
  await probePage.context().close();
  const originals: [Record<string, Method>, string, Method][] = [];
  const wrap = (
    proto: Record<string, Method>,
    name: string,
    describe: (self: { url(): string }, args: unknown[]) => { origin: string; operation: string } | null,
  ) => {
    const original = proto[name] as Method;
    originals.push([proto, name, original]);
    proto[name] = function (this: { url(): string }, ...args: unknown[]) {
      const what = describe(this, args);
      const started = performance.now();
      const result = original.apply(this, args);
      if (what && result instanceof Promise) {
        result.then(
          () => bill(what.origin, what.operation, performance.now() - started),
          () => bill(what.origin, `${what.operation} (failed)`, performance.now() - started),
        );
      }
      return result;
    };
  };
  const pageDescribe = (operation: string) => (self: { url(): string }) => ({
    origin: originOf(self.url()),
    operation: cheapPages.has(self) ? `cheap visit: ${operation}` : operation,
  });
  wrap(pageProto, 'goto', (self, args) => ({
    origin: originOf(String(args[0])),
    operation: cheapPages.has(self) ? 'cheap visit: goto (probe/discovery)' : 'goto (domcontentloaded)',
  }));
  wrap(pageProto, 'waitForLoadState', pageDescribe('wait for network idle'));
  wrap(pageProto, 'evaluate', (self, args) => ({
    origin: originOf(self.url()),
    operation: evaluateKind(args[0], args[1]),
  }));
  wrap(pageProto, 'setViewportSize', pageDescribe('set viewport size'));
  wrap(pageProto, 'close', pageDescribe('close tab'));
  wrap(pageProto, 'fill', pageDescribe('fill'));
  wrap(pageProto, 'waitForTimeout', pageDescribe('wait for timeout'));
  wrap(pageProto, 'route', (self) => {
    cheapPages.add(self);
    return null;
  });
  wrap(contextProto, 'newCDPSession', (_self, args) => ({
    origin: originOf((args[0] as { url(): string }).url()),
    operation: 'CDP session (network tracker, viewport)',
  }));

  const started = performance.now();
  try {
    await forEachConcurrently(targets, options.concurrency, async (target) => {
      const origin = originOf(target.url);
      phaseOf.set(origin, 'probe');
      const siteStarted = performance.now();
      await scanSite(
        session,
        target,
        {
          ...DEFAULT_SCAN_OPTIONS,
          extraCaPems: options.extraCaPems,
          lighthouse: { enabled: false, keyPages: 0 },
          onProgress: (event) => phaseOf.set(origin, event.phase),
        },
        {
          log: (message) => {
            const match = /collector (\w+): ok in (\d+) ms/.exec(message);
            if (match) collectors.set(match[1]!, (collectors.get(match[1]!) ?? 0) + Number(match[2]));
          },
        },
      );
      phaseOf.set(origin, 'total');
      bill(origin, 'site wall time', performance.now() - siteStarted);
      phaseOf.delete(origin);
    });
  } finally {
    for (const [proto, name, original] of originals) proto[name] = original;
  }
  const sites = targets.length;
  const order = ['probe', 'crawl', 'collect', 'done', 'total'];
  const rows = [...table.entries()]
    .map(([key, timing]) => {
      const [phase, operation] = key.split('\u0000') as [string, string];
      return { phase, operation, calls: timing.calls, msPerSite: timing.ms / sites };
    })
    .sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase) || b.msPerSite - a.msPerSite);
  return {
    sites,
    wallMs: performance.now() - started,
    rows,
    collectors: [...collectors.entries()]
      .map(([kind, ms]) => ({ kind, msPerSite: ms / sites }))
      .sort((a, b) => b.msPerSite - a.msPerSite),
  };
}
