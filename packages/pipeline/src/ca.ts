import { readFile } from 'node:fs/promises';
import { splitPemBundle, withoutSystemRoots } from '@egov-monitor/scanner';
import { describeReadError } from './config-file.js';
import { PipelineConfigError } from './errors.js';

/**
 * The one reader of extra CAs, once per run: the files given with --ca, then NODE_EXTRA_CA_CERTS of the environment
 * passed in (Node only reads that variable for its own TLS; the browser and our probe get the PEMs explicitly, and
 * the scanner never reads the variable itself).
 */
export async function readExtraCaPems(
  caFiles: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const files = [...caFiles];
  const fromEnv = env.NODE_EXTRA_CA_CERTS?.trim();
  if (fromEnv && !files.includes(fromEnv)) files.push(fromEnv);
  if (files.length === 0) return [];
  const bundles: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new PipelineConfigError(`CA file ${file}: ${describeReadError(error)}`);
    }
    if (splitPemBundle([text]).length === 0)
      throw new PipelineConfigError(`CA file ${file}: no PEM certificate in it`);
    bundles.push(text);
  }
  return withoutSystemRoots(splitPemBundle(bundles));
}
