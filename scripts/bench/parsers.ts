// `npm run bench:parsers`: how long the sitemap and robots.txt parsers take on the hostile inputs of issue #11
// (each should be well under a second; the regex parser they replaced took 68 s on the first). Measured here, on
// demand, never in a test: a busy machine makes any parser slow. Prints a Markdown table; exit code 0 either way.
// Flags: --repeat N (5; the median is reported)
import { parseArgs } from 'node:util';
import { parseRobots } from '../../packages/scanner/src/crawl/robots.js';
import { parseSitemap } from '../../packages/scanner/src/crawl/sitemap.js';
import {
  endlessLoc,
  gzipBomb,
  hostileRobots,
  robotsProbePaths,
  unclosedLocs,
} from '../../packages/scanner/src/test-support/hostile-parser-inputs.js';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '5' } } });
const repeat = Math.max(1, Number(values.repeat));
const LIMITS = { maxBytes: 5 * 1024 * 1024, maxEntries: 200 };

async function median(work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const robotsText = hostileRobots();
const bomb = gzipBomb().bomb;
const cases: [string, () => Promise<unknown> | unknown][] = [
  ['sitemap: 1 MB of unclosed <loc>', () => parseSitemap(unclosedLocs(), LIMITS)],
  ['sitemap: one <loc> over 1 MB', () => parseSitemap(endlessLoc(), LIMITS)],
  ['sitemap: 0.97 MB gzip inflating to ~1 GB', () => parseSitemap(bomb, LIMITS)],
  [
    'robots: parse a 500 KiB wildcard line + 12,000 rules',
    () => parseRobots('https://x.gob.gt/robots.txt', robotsText),
  ],
  [
    'robots: 100 checks against those rules',
    () => {
      const robots = parseRobots('https://x.gob.gt/robots.txt', robotsText);
      for (const url of robotsProbePaths()) robots.isAllowed(url);
    },
  ],
];

process.stdout.write(`| hostile input | median of ${repeat} (ms) |\n|---|---:|\n`);
for (const [name, work] of cases) process.stdout.write(`| ${name} | ${(await median(work)).toFixed(1)} |\n`);
