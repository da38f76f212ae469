import { describe, expect, it } from 'vitest';
import { isUnfinished } from './unfinished.js';

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
});
