import { describe, expect, it } from 'vitest';
import { HistoryFormatError, parseHistoryIndex, parseHistoryRun } from './schema.js';

describe('history files', () => {
  it('name the file and the bad key', () => {
    const bad = { format: 1, latest: null, runs: [{ id: 'nope' }] };
    expect(() => parseHistoryIndex(bad, 'index.json')).toThrow(HistoryFormatError);
    expect(() => parseHistoryIndex(bad, 'index.json')).toThrow(/index\.json: .*runs\[0\]/);
  });

  it('say plainly when a newer version wrote them', () => {
    expect(() => parseHistoryRun({ format: 2 }, 'runs/2030/x.json')).toThrow(/format 2 is newer/);
  });
});
