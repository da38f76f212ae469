import type { Page } from 'playwright-core';

/**
 * Evaluates a self-contained function in the page from its source text and returns its result. Bundlers and tsx
 * may wrap functions in a `__name(...)` helper that does not exist in the page, so the shim defines it.
 *
 * The result crosses as one JSON string: Playwright would otherwise serialise and validate a snapshot's thousands
 * of links and forms value by value, which the benchmark's CPU profile showed as the largest share of the scan's
 * own Node time. The functions return plain data, so JSON loses nothing they say (an `undefined` field is absent).
 */
export async function evaluateSource<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const source = `(() => { const __name = (f) => f; return Promise.resolve((${fn.toString()})(${JSON.stringify(arg)})).then((value) => JSON.stringify(value ?? null)); })()`;
  return JSON.parse((await page.evaluate(source)) as string) as R;
}
