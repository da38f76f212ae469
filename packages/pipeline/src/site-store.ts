import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where one site's files live in the output folder: results stream here as each site finishes. */
export function siteFilePaths(outDir: string, slug: string): { site: string; evidence: string } {
  return { site: join(outDir, 'sites', `${slug}.json`), evidence: join(outDir, 'evidence', `${slug}.json`) };
}

/**
 * Write-then-rename, so an interrupted run never leaves a half-written file that --resume would take for a
 * finished site.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await rename(temporary, path);
}

/** The parsed file, or null when it is missing or not JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
