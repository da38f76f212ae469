// `npm run accuracy`: scans every fixture site with the real pipeline and prints per-criterion and per-level
// accuracy against the fixtures' expected.json, listing every miss with the evidence the scanner reported.
// Options: --out DIR (keep the run's report; default a temporary folder), --lighthouse, --only id,id. The generated
// 150-page municipality (issue #17) is scanned too, unless --only leaves it out.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  fixtureTargets,
  MUNICIPALITY_ID,
  startFixtureSites,
  startMunicipalitySite,
} from '@egov-monitor/fixtures';
import type { RunningFixtures } from '@egov-monitor/fixtures';
import { formatAccuracy, measureAccuracy, runScan } from '@egov-monitor/pipeline';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    lighthouse: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const now = new Date();
const only = values.only?.split(',');
const bundled = only?.every((id) => id === MUNICIPALITY_ID)
  ? null
  : await startFixtureSites({ now, ...(only ? { only: only.filter((id) => id !== MUNICIPALITY_ID) } : {}) });
const large = !only || only.includes(MUNICIPALITY_ID) ? await startMunicipalitySite({ now }) : null;
const running = [bundled, large].filter((entry): entry is RunningFixtures => entry !== null);
const fixtures = {
  sites: running.flatMap((entry) => entry.sites),
  caPems: running.map((entry) => entry.caPem),
  close: () => Promise.all(running.map((entry) => entry.close())),
};
const outDir = values.out ? resolve(values.out) : await mkdtemp(join(tmpdir(), 'egov-accuracy-'));
try {
  process.stderr.write(`accuracy: scanning ${fixtures.sites.length} fixture site(s) into ${outDir}\n`);
  const outcome = await runScan({
    targets: fixtureTargets(fixtures.sites),
    outDir,
    now,
    extraCaPems: fixtures.caPems,
    scan: { lighthouse: { enabled: values.lighthouse } },
    onProgress: (event) => {
      if (event.type === 'site-done') {
        const outcomeText = event.status === 'ok' ? `level ${event.level}` : `error ${event.errorCode ?? ''}`;
        process.stderr.write(
          `  [${event.done}/${event.total}] ${outcomeText} ${event.url} (${(event.elapsedMs / 1000).toFixed(1)} s)\n`,
        );
      }
    },
  });
  const report = measureAccuracy(
    fixtures.sites.map((site) => ({ id: site.id, url: site.url, ...site.expected })),
    (await outcome.readResults()).sites,
  );
  process.stdout.write(formatAccuracy(report));
  if (!outcome.validation.valid) {
    process.stdout.write(`\nresults.json does not validate: ${outcome.validation.errors.join('; ')}\n`);
  }
} finally {
  await fixtures.close();
  if (!values.out) await rm(outDir, { recursive: true, force: true });
}
