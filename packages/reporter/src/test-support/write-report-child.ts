/**
 * A child process for the durability tests: writes a large run's report into OUT again and again, printing
 * `done N` after each complete write, until it is killed (the test sends SIGKILL at chosen points of the write).
 *
 *   node --conditions=@egov-monitor/source --import tsx write-report-child.ts OUT SITES
 */
import { summarizeSite } from '@egov-monitor/rubric';
import type { SiteResult } from '@egov-monitor/rubric';
import { writeRunReport } from '../outputs/write-report.js';
import { largeRun } from './large-run.js';

const [out, count] = [process.argv[2]!, Number(process.argv[3] ?? 1000)];
for (let round = 1; ; round += 1) {
  const run = largeRun(count, `ronda ${round}`);
  const summaries = Array.from(run.sites(), (site: SiteResult) => summarizeSite(site));
  await writeRunReport({ results: { ...run.head, sites: summaries }, sites: run.sites }, out, { lang: 'es' });
  process.stdout.write(`done ${round}\n`);
}
