import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../checks/index.js';
import { renderChecksDoc } from './checks-doc.js';

const DOC = new URL('../../../../docs/checks.md', import.meta.url);

describe('docs/checks.md', () => {
  it('is what the checks and the default config say (run `npm run docs` and commit when this fails)', async () => {
    expect(await readFile(DOC, 'utf8')).toBe(renderChecksDoc());
  });

  it('lists every check with its weight', () => {
    const doc = renderChecksDoc();
    for (const { meta } of CHECKS) expect(doc).toContain(`| \`${meta.id}\` |`);
  });
});
