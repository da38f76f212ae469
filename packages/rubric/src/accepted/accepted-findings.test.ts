import { describe, expect, it } from 'vitest';
import { siteResult } from '../compare/test-helpers/site-result.js';
import { acceptedBy, markMatched, parseAcceptedFindings, staleEntries } from './accepted-findings.js';

const site = 'https://www.seccuh.gob.gt/';
const now = new Date('2026-03-02T10:00:00Z');

describe('accepted findings', () => {
  const entries = parseAcceptedFindings({
    accepted: [
      {
        site,
        page: '/contacto*',
        rule: 'color-contrast',
        selector: '#chat-widget *',
        reason: 'chat del proveedor',
        author: 'ana',
        expires: new Date('2026-06-30'),
      },
      { rule: 'image-alt', reason: 'mapa de terceros', author: 'luis', expires: '2026-01-31' },
      { check: 'security_headers', reason: 'servidor compartido', author: 'ana' },
    ],
  });

  it('accepts a finding by site, page pattern, rule and element, until its expiry', () => {
    const finding = {
      kind: 'accessibility' as const,
      site,
      ruleId: 'color-contrast',
      page: `${site}contacto?x=1`,
      target: '#chat-widget button',
    };
    expect(acceptedBy(entries, finding, now)?.author).toBe('ana');
    expect(acceptedBy(entries, { ...finding, target: '#menu a' }, now)).toBeUndefined();
    expect(acceptedBy(entries, { ...finding, page: `${site}tramites` }, now)).toBeUndefined();
    expect(acceptedBy(entries, { ...finding, site: 'https://otro.gob.gt/' }, now)).toBeUndefined();
    expect(acceptedBy(entries, finding, new Date('2026-07-01T00:00:00Z'))).toBeUndefined();
    // Expired on 2026-01-31: accepts nothing more.
    expect(
      acceptedBy(entries, { kind: 'accessibility', site, ruleId: 'image-alt', page: site }, now),
    ).toBeUndefined();
    expect(acceptedBy(entries, { kind: 'check', site, id: 'security_headers' }, now)?.reason).toBe(
      'servidor compartido',
    );
  });

  it('reports expired entries and those matching nothing this run as stale', () => {
    const matched = new Set<number>();
    const result = siteResult({
      url: site,
      violations: { 'color-contrast': [`${site}contacto`] },
      checks: { security_headers: 'pass' },
    });
    result.accessibility.violations[0]!.occurrences = [
      { page: `${site}contacto`, nodes: 1, targets: ['#chat-widget .send'] },
    ];
    markMatched(entries, result, matched);
    expect(staleEntries(entries, matched, now).map(({ entry, why }) => `${entry.reason}: ${why}`)).toEqual([
      'mapa de terceros: expired',
      'servidor compartido: no-longer-matching',
    ]);
  });

  it('rejects an entry without a reason or author, or with both a rule and a check', () => {
    expect(() => parseAcceptedFindings([{ rule: 'label', author: 'ana' }])).toThrow(/reason/);
    expect(() =>
      parseAcceptedFindings([{ rule: 'label', check: 'https', reason: 'x', author: 'ana' }]),
    ).toThrow(/invalid accepted findings/);
    expect(() => parseAcceptedFindings({ ignore: [] })).toThrow(/ignore: unknown key/);
  });
});
