import type { Frame, Page } from 'playwright-core';

/** A self-contained function to run in the page, and its argument (plain JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type InPageCall = readonly [(arg: any) => unknown, unknown];

/**
 * Evaluates self-contained functions in the page from their source text, in one protocol round trip, and returns
 * their results by name. Bundlers and tsx may wrap functions in a `__name(...)` helper that does not exist in the
 * page, so the shim defines it.
 *
 * The results cross as one JSON string: Playwright would otherwise serialise and validate a snapshot's thousands
 * of links and forms value by value, which the benchmark's CPU profile showed as the largest share of the scan's
 * own Node time. The functions return plain data, so JSON loses nothing they say (an `undefined` field is absent).
 */
export async function evaluateSources<P extends Record<string, InPageCall>>(
  page: Page | Frame,
  calls: P,
): Promise<{ [K in keyof P]: Awaited<ReturnType<P[K][0]>> }> {
  const names = Object.keys(calls);
  const runs = names.map((name) => {
    const [fn, arg] = calls[name]!;
    return `Promise.resolve().then(() => (${fn.toString()})(${JSON.stringify(arg)}))`;
  });
  const source = `(() => { const __name = (f) => f; return Promise.all([${runs.join(', ')}]).then((values) => JSON.stringify(values.map((value) => value ?? null))); })()`;
  const values = JSON.parse((await page.evaluate(source)) as string) as unknown[];
  return Object.fromEntries(names.map((name, index) => [name, values[index]])) as {
    [K in keyof P]: Awaited<ReturnType<P[K][0]>>;
  };
}

/** One self-contained function (see evaluateSources). */
export async function evaluateSource<A, R>(
  page: Page | Frame,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  return (await evaluateSources(page, { value: [fn, arg] })).value as R;
}
