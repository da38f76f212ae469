import { describe, expect, it } from 'vitest';
import { criteriaDiff } from './criteria-diff.js';
import { siteResult } from './test-helpers/site-result.js';

describe('criteriaDiff', () => {
  it('lists criteria gained and lost in the model’s order', () => {
    const before = siteResult({
      url: 'https://a.gob.gt/',
      level: 2,
      met: ['static_info', 'many_pages', 'fresh_content', 'email_contact'],
    });
    const after = siteResult({
      url: 'https://a.gob.gt/',
      level: 3,
      met: ['working_search', 'static_info', 'many_pages', 'links_to_agencies', 'downloadable_forms'],
    });
    expect(criteriaDiff(before, after)).toEqual({
      gained: ['links_to_agencies', 'downloadable_forms', 'working_search'],
      lost: ['fresh_content', 'email_contact'],
    });
    expect(criteriaDiff(after, after)).toEqual({ gained: [], lost: [] });
  });

  it('never lists an inconclusive criterion as lost, nor one inconclusive before as gained', () => {
    const url = 'https://a.gob.gt/';
    const before = siteResult({
      url,
      level: 2,
      met: ['static_info', 'many_pages', 'fresh_content'],
      inconclusive: ['working_search'],
    });
    const after = siteResult({
      url,
      level: 1,
      met: ['static_info', 'working_search'],
      inconclusive: ['many_pages', 'fresh_content'],
    });
    expect(criteriaDiff(before, after)).toEqual({ gained: [], lost: [] });
    const settled = siteResult({ url, level: 1, met: ['static_info'] });
    expect(criteriaDiff(before, settled)).toEqual({ gained: [], lost: ['many_pages', 'fresh_content'] });
  });
});
