/**
 * #11: a list of 20,000 entries, mostly dead (names under .invalid, closed ports on 127.0.0.1, malformed
 * entries), completes with the real scanner in bounded memory. Before, it ended with exit 3, "Invalid string
 * length" (results.json built as one string), after seconds of browser work on each dead site. The run goes in a
 * child process whose V8 heap is capped: a run that held the list's results (or its results.json as one string)
 * dies there. Memory is counted (the kernel's peak RSS), never timed; nothing leaves the machine (RFC 6761: .invalid
 * names are answered without a DNS server).
 */
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The suite runs 500 entries (each dead site still costs its atomic, fsynced site files); the full 20,000 is run on
 * demand, `EGOV_BIG_LIST_ENTRIES=20000 npx vitest run big-list` in packages/pipeline, where the results.json
 * outgrows the capped heap and so proves it was never held whole. A multiple of 10.
 */
const ENTRIES = Number(process.env.EGOV_BIG_LIST_ENTRIES ?? 500);
const FULL_SIZE = ENTRIES >= 20_000;
/** The child's V8 heap cap: this run's results.json alone is ~640 MB of text. */
const HEAP_CAP_MB = 384;
/** Generous: Node, tsx and the compiled sources take ~250 MB of RSS before the first site. */
const RSS_BOUND_MB = 1_024;
const CHILD = fileURLToPath(new URL('./test-support/big-list-child.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

let outDir: string | undefined;
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function closedPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ports.push((server.address() as net.AddressInfo).port);
    await new Promise((resolve) => server.close(resolve));
  }
  return ports;
}

describe(`a ${ENTRIES.toLocaleString('en')}-entry list, mostly unreachable`, () => {
  it('completes with every entry in results.json and the reports, the same codes, within a capped heap', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'egov-20k-'));
    const ports = await closedPorts(3);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_CAP_MB}`,
        '--conditions=@egov-monitor/source',
        '--import',
        'tsx',
        CHILD,
        outDir,
        String(ENTRIES),
        ports.join(','),
      ],
      { cwd: PACKAGE, maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(stdout.trim().split('\n').pop()!) as {
      counts: Record<string, number>;
      codes: Record<string, number>;
      validation: { valid: boolean; errors: string[] };
      peakRssMb: number;
      peakHeapDuringScanMb: number;
    };
    const size = (await stat(join(outDir, 'results.json'))).size;
    process.stdout.write(
      `${ENTRIES}-entry list: heap capped at ${HEAP_CAP_MB} MB, peak RSS ${report.peakRssMb} MB, heap at most ${report.peakHeapDuringScanMb} MB while scanning; results.json ${Math.round(size / 1024 / 1024)} MB\n`,
    );
    expect(report.counts).toMatchObject({ total: ENTRIES, ok: 0, error: ENTRIES, listProblems: ENTRIES / 5 });
    expect(report.codes).toEqual({
      'dns-not-found': (ENTRIES * 2) / 5,
      'connection-refused': (ENTRIES * 2) / 5,
      'invalid-url': ENTRIES / 10,
      'missing-url': ENTRIES / 10,
    });
    expect(report.validation).toEqual({ valid: true, errors: [] });
    expect(report.peakRssMb).toBeLessThan(RSS_BOUND_MB);
    // Larger than the heap the run was allowed: it cannot have been held whole.
    if (FULL_SIZE) expect(size).toBeGreaterThan(HEAP_CAP_MB * 1024 * 1024);

    // results.json has every entry (read line by line: it is too long for one string).
    let count = 0;
    const reader = createInterface({
      input: createReadStream(join(outDir, 'results.json'), 'utf8'),
      crlfDelay: Infinity,
    });
    for await (const line of reader) if (line.startsWith('      "url": ')) count += 1;
    expect(count).toBe(ENTRIES);
    for (const name of ['report.md', 'report.html', 'report.csv']) {
      expect((await stat(join(outDir, name))).size, name).toBeGreaterThan(ENTRIES * 50);
    }
  }, 3_600_000);
});
