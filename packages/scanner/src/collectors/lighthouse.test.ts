import { describe, expect, it } from 'vitest';
import { keyPageUrls, lighthouseCollector } from './lighthouse.js';
import type { LighthouseHook, LighthousePageRun } from '../lighthouse/runner.js';
import { link, siteContext, snapshot } from './test-support/snapshot.js';

const base = 'https://ministerio.gob.gt';
const pages = [
  snapshot({
    url: `${base}/`,
    links: [
      link(`${base}/noticias`, 'Noticias'),
      link(`${base}/contactenos`, 'Contáctenos'),
      link(`${base}/tramites`, 'Trámites'),
      link(`${base}/roto`, 'Servicios'),
    ],
  }),
  snapshot({ url: `${base}/noticias`, title: 'Noticias' }),
  snapshot({ url: `${base}/roto`, status: 200, soft404: true }),
  snapshot({ url: `${base}/contactenos`, title: 'Contacto' }),
  snapshot({ url: `${base}/tramites`, title: 'Trámites' }),
  snapshot({
    url: `${base}/atencion`,
    title: 'Atención',
    headings: [{ level: 1, text: 'Servicios al ciudadano' }],
  }),
];

function fakeHook(keyPages: number, fail?: string): LighthouseHook & { calls: string[] } {
  const calls: string[] = [];
  return {
    keyPages,
    calls,
    async run(url): Promise<LighthousePageRun> {
      calls.push(url);
      return url === fail
        ? {
            url,
            scores: { accessibility: null, bestPractices: null, seo: null, performance: null },
            error: 'NO_FCP: no paint',
            lighthouseVersion: '12.8.2',
            durationMs: 5,
          }
        : {
            url,
            scores: { accessibility: 91, bestPractices: 78, seo: 100, performance: 42 },
            lighthouseVersion: '12.8.2',
            durationMs: 5,
          };
    },
  };
}

describe('keyPageUrls', () => {
  it('picks the home page, then trámites, servicios and contacto pages, skipping soft 404s', () => {
    const site = siteContext(pages);
    expect(keyPageUrls(site, 3)).toEqual([
      `${base}/`,
      `${base}/tramites`,
      `${base}/atencion`,
      `${base}/contactenos`,
    ]);
  });

  it('stops at keyPages and falls back to the first analysed pages when nothing matches', () => {
    expect(keyPageUrls(siteContext(pages), 1)).toEqual([`${base}/`, `${base}/tramites`]);
    const plain = [
      snapshot({ url: `${base}/` }),
      snapshot({ url: `${base}/a` }),
      snapshot({ url: `${base}/b` }),
    ];
    expect(keyPageUrls(siteContext(plain), 5)).toEqual([`${base}/`, `${base}/a`, `${base}/b`]);
    expect(keyPageUrls(siteContext(plain), 0)).toEqual([`${base}/`]);
  });
});

describe('lighthouse collector', () => {
  it('is disabled (kind absent) when the scan gives no Lighthouse hook', () => {
    expect(lighthouseCollector.enabled(siteContext(pages))).toBe(false);
    expect(lighthouseCollector.enabled(siteContext(pages, { extra: { lighthouse: fakeHook(1) } }))).toBe(
      true,
    );
  });

  it('runs the hook on each key page and keeps per-page errors', async () => {
    const hook = fakeHook(2, `${base}/tramites`);
    const evidence = await lighthouseCollector.collect(siteContext(pages, { extra: { lighthouse: hook } }));
    expect(hook.calls).toEqual([`${base}/`, `${base}/tramites`, `${base}/atencion`]);
    expect(evidence.lighthouseVersion).toBe('12.8.2');
    expect(evidence.pages).toEqual([
      { url: `${base}/`, scores: { accessibility: 91, bestPractices: 78, seo: 100, performance: 42 } },
      {
        url: `${base}/tramites`,
        scores: { accessibility: null, bestPractices: null, seo: null, performance: null },
        error: 'NO_FCP: no paint',
      },
      {
        url: `${base}/atencion`,
        scores: { accessibility: 91, bestPractices: 78, seo: 100, performance: 42 },
      },
    ]);
  });

  it('does not start runs once its safety time limit has passed, and says its evidence is partial', async () => {
    const hook = fakeHook(2);
    const evidence = await lighthouseCollector.collect(
      siteContext(pages, { extra: { lighthouse: hook, deadline: Date.now() - 1 } }),
    );
    expect(hook.calls).toEqual([]);
    expect(evidence.pages.map((p) => p.error)).toEqual([
      'safety time limit reached',
      'safety time limit reached',
      'safety time limit reached',
    ]);
  });
});
