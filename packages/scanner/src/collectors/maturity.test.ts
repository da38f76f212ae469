import { describe, expect, it } from 'vitest';
import { maturityCollectors } from './maturity.js';

describe('maturity collectors registry', () => {
  it('has one collector per maturity evidence kind (crawl and accessibility come from the site scan)', () => {
    expect(maturityCollectors.map((c) => c.kind).sort()).toEqual([
      'accounts',
      'contact',
      'dates',
      'downloads',
      'institutional',
      'interactive',
      'outboundLinks',
      'participation',
      'payments',
      'search',
      'serviceCatalog',
    ]);
  });
});
