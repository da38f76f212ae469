import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@egov-monitor/reporter';

/** Where one site's files live in the output folder: results stream here as each site finishes. */
export function siteFilePaths(outDir: string, slug: string): { site: string; evidence: string } {
  return { site: join(outDir, 'sites', `${slug}.json`), evidence: join(outDir, 'evidence', `${slug}.json`) };
}

/**
 * Write-then-rename (the reporter's atomic writer), so an interrupted run never leaves a half-written file that
 * --resume would take for a finished site, and a full disk leaves no temporary file behind. Not synced to disk:
 * thousands of fsyncs would cost minutes, and a site file a power cut loses is only a site --resume scans again
 * (it validates every file it reuses). Throws OutputWriteError naming the file and the cause.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, { fsync: false });
}

/** The parsed file, or null when it is missing or not JSON. */
export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
