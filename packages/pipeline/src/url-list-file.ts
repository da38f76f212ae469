import { readFile } from 'node:fs/promises';
import { describeReadError } from './config-file.js';
import type { ParsedUrlList } from './url-list.js';
import { parseUrlList, UrlListError, urlListFormatOf } from './url-list.js';

/** Reads a `--urls` file; the format follows the extension (.csv, else YAML). Errors name the file. */
export async function readUrlListFile(path: string): Promise<ParsedUrlList> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UrlListError(`${path}: ${describeReadError(error)}`);
  }
  try {
    return parseUrlList(text, urlListFormatOf(path));
  } catch (error) {
    if (error instanceof UrlListError) throw new UrlListError(`${path}: ${error.message}`);
    throw error;
  }
}
