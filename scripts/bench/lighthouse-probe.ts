// One Lighthouse run on a generated home page, through the scanner's own Lighthouse runner: scanSite wires
// `SiteContext.lighthouse.run` to runLighthouse on the shared browser (debugging port, one run at a time). A
// one-kind collector calls it for the home page only, so the time measured is Lighthouse's, not the crawl's.
import type { LighthouseEvidence } from '@egov-monitor/rubric';
import { DEFAULT_SCAN_OPTIONS, scanSite } from '@egov-monitor/scanner';
import type { BrowserSession, Collector } from '@egov-monitor/scanner';

export interface LighthouseProbe {
  url: string;
  durationMs: number;
  error?: string;
  lighthouseVersion: string;
  scores?: LighthouseEvidence['pages'][number]['scores'];
}

export async function measureLighthouse(
  session: BrowserSession,
  url: string,
  extraCaPems: string[],
): Promise<LighthouseProbe> {
  let measured: LighthouseProbe | undefined;
  const probe: Collector<'lighthouse'> = {
    kind: 'lighthouse',
    timeoutMs: 300_000,
    async collect(site) {
      if (!site.lighthouse) throw new Error('the site scan did not wire Lighthouse although it was enabled');
      const run = await site.lighthouse.run(site.homeUrl);
      measured = {
        url: run.url,
        durationMs: run.durationMs,
        lighthouseVersion: run.lighthouseVersion,
        scores: run.scores,
        ...(run.error ? { error: run.error } : {}),
      };
      return { lighthouseVersion: run.lighthouseVersion, pages: [{ url: run.url, scores: run.scores }] };
    },
  };
  const evidence = await scanSite(
    session,
    { url },
    {
      ...DEFAULT_SCAN_OPTIONS,
      maxPages: 1,
      maxDiscoveredPages: 1,
      extraCaPems,
      lighthouse: { enabled: true, keyPages: 0 },
    },
    { collectors: [probe as Collector<never>] },
  );
  if (!measured) {
    const reason = evidence.fatal
      ? `${evidence.fatal.code}: ${evidence.fatal.message}`
      : JSON.stringify(evidence.gathered.lighthouse);
    throw new Error(`Lighthouse did not run on ${url}: ${reason}`);
  }
  return measured;
}
