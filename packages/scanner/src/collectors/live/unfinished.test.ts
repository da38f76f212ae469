import { describe, expect, it } from 'vitest';
import { isUnfinished, markIfUnfinished } from './unfinished.js';

describe('unfinished work', () => {
  it.each([
    'page.goto: Timeout 15000ms exceeded.',
    'ETIMEDOUT',
    'ECONNRESET',
    'net::ERR_TIMED_OUT at https://x.gob.gt/',
    'Target page, context or browser has been closed',
  ])('%s: the work was not finished', (message) => expect(isUnfinished(message)).toBe(true));

  it.each([
    'ENOTFOUND',
    'ECONNREFUSED',
    'net::ERR_NAME_NOT_RESOLVED at https://x.gob.gt/',
    'HTTP 404',
    '',
    undefined,
  ])('%s: a fact about the site', (message) => expect(isUnfinished(message)).toBe(false));

  it('marks the collector incomplete only for unfinished work, naming what and why', () => {
    const marked: { code: string; message: string }[] = [];
    const site = { markIncomplete: (reason: { code: string; message: string }) => void marked.push(reason) };
    expect(markIfUnfinished(site, 'HTTP 404', 'the forum /foro')).toBe(false);
    expect(
      markIfUnfinished(site, 'page.goto: Timeout 60000ms exceeded.\nCall log:', 'the chat probe of /'),
    ).toBe(true);
    expect(markIfUnfinished(site, 'ECONNRESET', 'the payment link /pagos')).toBe(true);
    expect(marked).toEqual([
      {
        code: 'page-timeout',
        message: 'the chat probe of / did not finish: page.goto: Timeout 60000ms exceeded.',
      },
      { code: 'page-failed', message: 'the payment link /pagos did not finish: ECONNRESET' },
    ]);
  });
});
