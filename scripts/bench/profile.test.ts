import { describe, expect, it } from 'vitest';
import { evaluateKind } from './profile.js';

describe('naming the scanner in-page calls', () => {
  it('recognises the axe bundle, the snapshot, the layout and the cheap link extraction', () => {
    expect(evaluateKind('x'.repeat(200_000), undefined)).toBe('axe: inject axe-core');
    expect(
      evaluateKind('(() => { return (f)({"textChars":200000,"inlineScriptChars":2000}) })()', undefined),
    ).toBe('snapshot: extract page');
    expect(evaluateKind('(() => { return (f)({"textNodes":20000,"targets":3000}) })()', undefined)).toBe(
      'snapshot: mobile layout',
    );
    expect(evaluateKind('(() => { return (f)({"textChars":50000,"links":3000}) })()', undefined)).toBe(
      'cheap visit: extract links',
    );
    expect(
      evaluateKind(({ tags }: { tags: string[] }) => `window.axe.run(${tags.length})`, {
        tags: ['wcag2a'],
        version: '4',
      }),
    ).toBe('axe: run');
    expect(evaluateKind(() => 1 + 1, undefined)).toBe('evaluate: other');
  });
});
