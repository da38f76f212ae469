import robotsParserModule from 'robots-parser';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getSitemaps(): string[];
}

// A CommonJS module whose typings declare an ES default export: take whichever shape Node hands us.
const robotsParser = ((robotsParserModule as unknown as { default?: unknown }).default ?? robotsParserModule) as (url: string, body: string) => Robot;

/** The token our robots.txt rules are matched against (the full UA string contains it). */
export const ROBOTS_TOKEN = 'egov-monitor';

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
  const robots = robotsParser(url, body);
  return {
    url,
    found: true,
    sitemaps: robots.getSitemaps(),
    // Rules for other origins (the www twin) do not apply: robots-parser answers undefined, which we allow.
    isAllowed: (target: string) => robots.isAllowed(target, ROBOTS_TOKEN) !== false,
  };
}
