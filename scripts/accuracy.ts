// `npm run accuracy`: scans every fixture site with the real pipeline and prints per-criterion and per-level
// accuracy against the fixtures' expected.json, listing every miss with the evidence the scanner reported.
// Options: --out DIR (keep the run's report; default a temporary folder), --lighthouse, --only id,id.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureTargets, startFixtureSites } from '@egov-monitor/fixtures';
import { formatAccuracy, measureAccuracy, runScan } from '@egov-monitor/pipeline';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    lighthouse: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const now = new Date();
const fixtures = await startFixtureSites({ now, ...(values.only ? { only: values.only.split(',') } : {}) });
const outDir = values.out ? resolve(values.out) : await mkdtemp(join(tmpdir(), 'egov-accuracy-'));
try {
  process.stderr.write(`accuracy: scanning ${fixtures.sites.length} fixture site(s) into ${outDir}\n`);
  const outcome = await runScan({
    targets: fixtureTargets(fixtures.sites),
    outDir,
    now,
    caFile: fixtures.caFile,
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
