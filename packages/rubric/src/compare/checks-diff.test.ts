import { describe, expect, it } from 'vitest';
import { checksChanged } from './checks-diff.js';
import { siteResult } from './test-helpers/site-result.js';

describe('checksChanged', () => {
  it('lists the checks whose outcome changed, skipping checks present in one run only', () => {
    const before = siteResult({
      url: 'https://a.gob.gt/',
      checks: { 'https-valid': 'fail', hsts: 'fail', 'security-txt': 'fail', viewport: 'pass' },
    });
    const after = siteResult({
      url: 'https://a.gob.gt/',
      checks: { 'https-valid': 'pass', hsts: 'fail', 'security-txt': 'error', 'page-weight': 'fail' },
    });
    expect(checksChanged(before, after)).toEqual([
      { id: 'https-valid', from: 'fail', to: 'pass' },
      { id: 'security-txt', from: 'fail', to: 'error' },
    ]);
  });

  it('never reports a check that is inconclusive in either run', () => {
    const before = siteResult({
      url: 'https://a.gob.gt/',
      checks: { 'privacy-policy': 'pass', 'open-data': 'inconclusive', hsts: 'pass' },
    });
    const after = siteResult({
      url: 'https://a.gob.gt/',
      checks: { 'privacy-policy': 'inconclusive', 'open-data': 'fail', hsts: 'fail' },
    });
    expect(checksChanged(before, after)).toEqual([{ id: 'hsts', from: 'pass', to: 'fail' }]);
  });
});
