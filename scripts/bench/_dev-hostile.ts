import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureSites } from '../../fixtures/src/server.js';
import { startHostileSites } from '../../fixtures/src/hostile.js';
import { runScan } from '@egov-monitor/pipeline';
import { launchBrowser } from '@egov-monitor/scanner';
const hostile = await startHostileSites();
const normal = await startFixtureSites({ only: ['nivel-1', 'sitio-roto'] });
const session = await launchBrowser({ extraCaPems: [hostile.caPem, normal.caPem] });
const outDir = await mkdtemp(join(tmpdir(), 'dev-hostile-'));
const t0 = Date.now();
const ids = new Map([...hostile.sites, ...normal.sites].map((s) => [s.url, s.id]));
const out = await runScan({
  targets: [...hostile.sites, ...normal.sites].map(({ url, name }) => ({ url, name })),
  outDir, concurrency: 2, extraCaPems: [hostile.caPem, normal.caPem], browserSession: session,
  scan: { siteTimeLimitMs: Number(process.env.LIMIT ?? 30000), pageTimeoutMs: 6000, maxPages: 6, maxDiscoveredPages: 30, lighthouse: { enabled: false } },
  onProgress: (e) => {
    if (e.type === 'site-done') console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s done ${ids.get(e.url)} ${e.status} ${e.errorCode ?? ''} ${(e.elapsedMs / 1000).toFixed(1)}s pages=${e.pages}`);
    if (e.type === 'site-progress' && process.env.V) console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s   ${ids.get(e.url)} ${e.phase} ${e.pagesAnalysed}/${e.pagesDiscovered}`);
  },
});
console.log('total', (Date.now() - t0) / 1000, outDir, out.counts);
await session.close(); await hostile.close(); await normal.close();
