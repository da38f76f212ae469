import robotsParserModule from 'robots-parser';
import type { FetchedResource } from '../collectors/collector.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getSitemaps(): string[];
}

// A CommonJS module whose typings declare an ES default export: take whichever shape Node hands us.
const robotsParser = ((robotsParserModule as unknown as { default?: unknown }).default ??
  robotsParserModule) as (url: string, body: string) => Robot;

/** The token our robots.txt rules are matched against (the full UA string contains it). */
export const ROBOTS_TOKEN = 'egov-monitor';

/**
 * RFC 9309 §2.5: crawlers "MUST" parse at least 500 KiB; Google stops there too. The fetch stops reading at this
 * many bytes whether or not the server says how long the file is, and the rules read so far are used.
 */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** Google's robots.txt parser cuts longer lines (kMaxLineLen = 2083 × 8): a rule never costs more than this. */
const MAX_LINE_CHARS = 2083 * 8;
/**
 * Allow/Disallow lines kept, in file order (later ones are ignored like bytes past the cap). Every URL check walks
 * every rule of its group, so this bounds a check's cost; real files have tens to hundreds of rules.
 */
export const MAX_RULES = 2_000;

/**
 * The robots.txt text of a fetch (at most ROBOTS_MAX_BYTES, `stopAtCap`), or null when there is none: a 404, an
 * error before any byte, or an HTML page served with 200 for a missing file. A file longer than the cap, or cut
 * by a timeout mid-body, is *not* absent: its complete lines are rules like any others (a truncated robots.txt
 * still disallows); only the last, partial line is dropped.
 */
export function robotsText(response: FetchedResource): string | null {
  if (response.status !== 200 || /html/.test(response.contentType)) return null;
  let text = response.head.subarray(0, ROBOTS_MAX_BYTES).toString('utf8');
  if (response.truncated) {
    const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    text = end >= 0 ? text.slice(0, end + 1) : '';
  }
  return text;
}

/**
 * Bounds what robots-parser is handed: lines cut at MAX_LINE_CHARS and runs of `*` folded into one (the same
 * pattern), so matching a URL against a rule costs at most path length × rule length, never a hostile file's size.
 */
function boundRules(body: string): string {
  let rules = 0;
  const kept: string[] = [];
  for (const raw of body.split(/\r\n|\r|\n/)) {
    const line = (raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw).replace(/\*{2,}/g, '*');
    if (/^\s*(dis)?allow\s*:/i.test(line) && ++rules > MAX_RULES) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

export interface RobotsRules {
  url: string;
  found: boolean;
  sitemaps: string[];
  isAllowed(url: string): boolean;
}

/**
 * robots.txt of the home page's origin. A missing file (404) or one that cannot be read allows everything, as
 * RFC 9309 §2.3.1.3 says for unavailable files; a 5xx would mean "disallow all" but on government sites it is
 * far more often a broken server than a policy, so we crawl politely instead of not at all.
 */
export function parseRobots(url: string, body: string | null): RobotsRules {
  if (body === null) return { url, found: false, sitemaps: [], isAllowed: () => true };
  const robots = robotsParser(url, boundRules(body));
  // The crawl meets the same link on many pages: each URL is matched once.
  const verdicts = new Map<string, boolean>();
  return {
    url,
    found: true,
    sitemaps: robots.getSitemaps(),
    isAllowed: (target: string) => {
      let verdict = verdicts.get(target);
      if (verdict === undefined) {
        // Rules for other origins (the www twin) do not apply: robots-parser answers undefined, which we allow.
        verdict = robots.isAllowed(target, ROBOTS_TOKEN) !== false;
        verdicts.set(target, verdict);
      }
      return verdict;
    },
  };
}
