import { describe, expect, it } from 'vitest';
import { siteResult, scanResults } from '../compare/test-helpers/site-result.js';
import { defaultRubric } from '../rubric-config.js';
import { compactRun } from './compact-run.js';
import { addRunToIndex, emptyHistoryIndex } from './history-index.js';
import { parseHistoryIndex } from './schema.js';

const run = (startedAt: string) =>
  compactRun(scanResults([siteResult({ url: 'https://a.gob.gt/' })], startedAt), { rubric: defaultRubric });

describe('addRunToIndex', () => {
  it('keeps runs oldest first; the newest run is the latest', () => {
    let index = emptyHistoryIndex();
    const first = run('2026-01-01T00:00:00.000Z');
    const second = run('2026-02-01T00:00:00.000Z');
    ({ index } = addRunToIndex(index, second));
    const added = addRunToIndex(index, first);
    expect(added.index.runs.map((r) => r.id)).toEqual([first.id, second.id]);
    // An older run appended late joins the trend but does not replace the kept latest results.
    expect(added.isLatest).toBe(false);
    expect(added.index.latest).toBe(second.id);
    expect(() => parseHistoryIndex(added.index, 'index.json')).not.toThrow();
  });

  it('replaces a run appended twice instead of listing it twice', () => {
    const r = run('2026-01-01T00:00:00.000Z');
    const once = addRunToIndex(emptyHistoryIndex(), r).index;
    const twice = addRunToIndex(once, r);
    expect(twice.index.runs).toHaveLength(1);
    expect(twice.isLatest).toBe(true);
  });
});
