import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { STATUS_CODES } from '../status-codes.js';
import { renderStatusTable, withStatusTable } from './status-codes-doc.js';

const DOC = new URL('../../../../docs/status-codes.md', import.meta.url);

describe('docs/status-codes.md', () => {
  it('has the table STATUS_CODES gives (run `npm run docs` and commit when this fails)', async () => {
    const doc = await readFile(DOC, 'utf8');
    expect(withStatusTable(doc)).toBe(doc);
  });

  it("lists every code once, the list reader's included", () => {
    const table = renderStatusTable();
    for (const code of Object.keys(STATUS_CODES)) expect(table.split(`| \`${code}\` |`)).toHaveLength(2);
    expect(table).toContain('`missing-url`');
    expect(table).toContain('`invalid-group`');
  });
});
