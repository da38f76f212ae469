import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { PipelineConfigError } from './errors.js';

/** Reads a YAML or JSON file (JSON is YAML) into plain data; every error names the file. */
export async function readStructuredFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PipelineConfigError(`${path}: ${describeReadError(error)}`);
  }
  try {
    return parseYaml(text, { prettyErrors: false, uniqueKeys: true }) as unknown;
  } catch (error) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0]?.line : undefined;
    const message = (error as Error).message.split('\n')[0];
    throw new PipelineConfigError(`${path}${line ? `:${line}` : ''}: not valid YAML or JSON: ${message}`);
  }
}

export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  return code ?? (error as Error).message;
}

/** Runs a validator from the rubric and prefixes its error (which names the bad key) with the file. */
export function withFileName<T>(path: string, validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    throw new PipelineConfigError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
}
