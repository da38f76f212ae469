import { getDomain } from 'tldts-icann';

/**
 * The registrable domain of a host (Public Suffix List, ICANN section): `portal.sat.gob.gt` → `sat.gob.gt`, so
 * two hosts of one agency count once. IP addresses and single-label hosts are their own domain.
 */
export function registrableDomain(host: string): string {
  const clean = host.toLowerCase().replace(/\.$/, '');
  return getDomain(clean) ?? clean;
}

/**
 * Suffix patterns of government names: `.gob.gt` matches `x.gob.gt`; `*` stands for one two-letter country
 * label, so `.gob.*` matches `.gob.mx` but `.go.*` does not match `.go.com`.
 */
export function suffixMatcher(patterns: readonly string[]): (host: string) => string | undefined {
  const compiled = patterns.map((pattern) => {
    const body = pattern
      .toLowerCase()
      .replace(/^\./, '')
      .split('.')
      .map((label) => (label === '*' ? '[a-z]{2}' : label.replace(/[^a-z0-9-]/g, (c) => `\\${c}`)))
      .join('\\.');
    return { pattern, regex: new RegExp(`(?:^|\\.)${body}$`) };
  });
  return (host) => compiled.find(({ regex }) => regex.test(host.toLowerCase()))?.pattern;
}

/** True when `host` is `domain` or one of its subdomains. */
export function isWithin(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = domain.toLowerCase().replace(/^\./, '');
  return h === d || h.endsWith(`.${d}`);
}
