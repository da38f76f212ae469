import { basename, extname } from 'node:path';

/** The name a run records for its URL list: the file's name without folder or extension (`guatemala-organismo-ejecutivo`). */
export function listNameOf(file: string | undefined): string | null {
  if (!file) return null;
  const name = basename(file, extname(file));
  return name || null;
}
