import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countBrowserMains,
  findBrowserPid,
  listProcesses,
  parsePpid,
  parsePssKb,
  parseVmRssKb,
  processTree,
  sampleMemory,
  summarize,
} from './process-memory.js';

const root = mkdtempSync(join(tmpdir(), 'bench-proc-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakeProcess(pid: number, ppid: number, rssKb: number | null, argv: string[], comm = 'x') {
  mkdirSync(join(root, String(pid)));
  writeFileSync(join(root, String(pid), 'stat'), `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1`);
  writeFileSync(
    join(root, String(pid), 'status'),
    `Name:\t${comm}\nPPid:\t${ppid}\n${rssKb === null ? '' : `VmRSS:\t  ${rssKb} kB\n`}Threads:\t1\n`,
  );
  writeFileSync(join(root, String(pid), 'cmdline'), `${argv.join('\0')}\0`);
  if (rssKb !== null)
    writeFileSync(
      join(root, String(pid), 'smaps_rollup'),
      `00400000-7ffd [rollup]\nRss:  ${rssKb} kB\nPss:  ${rssKb / 2} kB\n`,
    );
}

const node = process.pid;
fakeProcess(node, 1, 200_000, ['node', 'scripts/bench.ts']);
fakeProcess(9001, node, 150_000, ['/usr/bin/chromium', '--headless', '--remote-debugging-port=40111']);
fakeProcess(9002, 9001, 100_000, ['/usr/bin/chromium', '--type=zygote']);
fakeProcess(9003, 9002, 300_000, ['/usr/bin/chromium', '--type=renderer'], 'chromium (renderer)');
fakeProcess(9004, 9001, 50_000, ['/usr/bin/chromium', '--type=utility']);
fakeProcess(9100, 1, 999_000, ['/usr/bin/chromium', '--remote-debugging-port=40222']); // someone else's browser
fakeProcess(9200, node, null, []); // a zombie child
mkdirSync(join(root, 'self')); // not a pid

describe('reading /proc', () => {
  it('parses VmRSS and the parent pid, also when the command name holds spaces and parentheses', () => {
    expect(parseVmRssKb('Name:\tx\nVmRSS:\t   12345 kB\n')).toBe(12345);
    expect(parseVmRssKb('Name:\tx\n')).toBe(0);
    expect(parsePssKb('Rss: 10 kB\nPss:   4321 kB\nPss_Anon: 1 kB\n')).toBe(4321);
    expect(parsePpid('77 (Web Content (x)) S 42 77 77 0')).toBe(42);
  });

  it("sums the browser's whole tree and nothing else", () => {
    const processes = listProcesses(root);
    expect(processes.map((info) => info.pid).sort((a, b) => a - b)).toEqual(
      [9001, 9002, 9003, 9004, 9100, 9200, node].sort((a, b) => a - b),
    );
    const browser = findBrowserPid(processes, 40111);
    expect(browser).toBe(9001);
    expect(
      processTree(processes, 9001)
        .map((info) => info.pid)
        .sort(),
    ).toEqual([9001, 9002, 9003, 9004]);
    expect(findBrowserPid(processes, 1)).toBeNull();
    expect(countBrowserMains(processTree(processes, node))).toBe(1);

    const sample = sampleMemory(browser, performance.now(), root);
    expect(sample.browserRssMb).toBeCloseTo(600_000 / 1024, 1);
    expect(sample.nodeRssMb).toBeCloseTo(200_000 / 1024, 1);
    expect(sample.browserPssMb).toBeCloseTo(300_000 / 1024, 1);
    expect(sample.browserProcesses).toBe(4);
    expect(sample.browserMains).toBe(1);
  });

  it('takes the peak of Node + Chromium at one instant, not the sum of separate peaks', () => {
    const summary = summarize(
      [
        { at: 0, nodeRssMb: 100, browserRssMb: 900, browserPssMb: 400, browserProcesses: 5, browserMains: 1 },
        {
          at: 250,
          nodeRssMb: 300,
          browserRssMb: 500,
          browserPssMb: 300,
          browserProcesses: 7,
          browserMains: 1,
        },
      ],
      250,
    );
    expect(summary).toMatchObject({
      peakNodeRssMb: 300,
      peakBrowserRssMb: 900,
      peakTotalRssMb: 1000,
      peakTotalPssMb: 600,
      peakBrowserProcesses: 7,
      maxBrowserMains: 1,
    });
  });

  it('reads this very process from the real /proc', () => {
    const sample = sampleMemory(null, performance.now());
    expect(sample.nodeRssMb).toBeGreaterThan(10);
    expect(sample.browserRssMb).toBe(0);
  });
});
