/**
 * The 20,000-entry run of big-list.integration.test.ts, in a child process started with a small V8 heap
 * (--max-old-space-size): a run that needed memory in proportion to the list would die here. Prints one JSON
 * line: counts, error codes, validation and the process's peak RSS (counted by the kernel, not timed).
 *
 *   node --max-old-space-size=384 --conditions=@egov-monitor/source --import tsx big-list-child.ts OUT ENTRIES PORTS
 */
import { runScan } from '../run-scan.js';
import { parseUrlList } from '../url-list.js';

const [outDir, entriesText, portsText] = process.argv.slice(2) as [string, string, string];
const entries = Number(entriesText);
const ports = portsText.split(',').map(Number);
const lines: string[] = [];
for (let i = 0; i < entries; i += 1) {
  switch (i % 5) {
    case 0:
    case 1:
      lines.push(`- url: https://dependencia-${i}.ministerio.invalid/\n  name: Dependencia ${i}`);
      break;
    case 2:
    case 3:
      lines.push(`- http://127.0.0.1:${ports[i % ports.length]}/sitio-${i}`);
      break;
    default:
      lines.push(i % 2 === 0 ? `- no es una url ${i}` : `- name: Entrada sin url ${i}`);
  }
}
const list = parseUrlList(lines.join('\n'), 'yaml');
let peakHeap = 0;
const outcome = await runScan({
  targets: list.targets,
  listProblems: list.problems,
  outDir,
  concurrency: 8,
  now: new Date('2026-12-01T12:00:00Z'),
  scan: { lighthouse: { enabled: false } },
  onProgress: (event) => {
    if (event.type === 'site-done' && event.done % 500 === 0)
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  },
});
const codes: Record<string, number> = {};
for (const site of outcome.results.sites)
  codes[site.error?.code ?? 'ok'] = (codes[site.error?.code ?? 'ok'] ?? 0) + 1;
process.stdout.write(
  `${JSON.stringify({
    counts: outcome.counts,
    codes,
    validation: { valid: outcome.validation.valid, errors: outcome.validation.errors.slice(0, 5) },
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapDuringScanMb: Math.round(peakHeap / 1024 / 1024),
  })}\n`,
);
