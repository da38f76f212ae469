import type { Page } from 'playwright-core';

/**
 * Evaluates a self-contained function in the page from its source text. Bundlers and tsx may wrap functions in a
 * `__name(...)` helper that does not exist in the page, so the shim defines it.
 */
export function evaluateSource<A, R>(page: Page, fn: (arg: A) => R, arg: A): Promise<R> {
  const source = `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
  return page.evaluate(source) as Promise<R>;
}
