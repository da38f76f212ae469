import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILES } from './generated.js';

const ROOT = new URL('../../../../', import.meta.url);

describe('files generated from the code', () => {
  it.each(GENERATED_FILES.map((file) => [file.path, file] as const))(
    '%s is what the code says (run `npm run docs` and commit when this fails)',
    async (path, file) => {
      const current = await readFile(new URL(path, ROOT), 'utf8');
      expect(file.render(current)).toBe(current);
    },
  );

  it('rendering is idempotent: a generated file renders to itself', async () => {
    for (const file of GENERATED_FILES) {
      const once = file.render(await readFile(new URL(file.path, ROOT), 'utf8'));
      expect(file.render(once)).toBe(once);
    }
  });
});
