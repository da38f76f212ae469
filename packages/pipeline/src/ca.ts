import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import { describeReadError } from './config-file.js';
import { PipelineConfigError } from './errors.js';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Extra CAs, read once per run: the files given with --ca, then NODE_EXTRA_CA_CERTS (Node only reads that
 * variable for its own TLS; the browser and our probe need the PEMs passed explicitly).
 */
export async function readExtraCaPems(
  caFiles: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const files = [...caFiles];
  const fromEnv = env.NODE_EXTRA_CA_CERTS?.trim();
  if (fromEnv && !files.includes(fromEnv)) files.push(fromEnv);
  const pems: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new PipelineConfigError(`CA file ${file}: ${describeReadError(error)}`);
    }
    const certificates = text.match(PEM_CERTIFICATE);
    if (!certificates) throw new PipelineConfigError(`CA file ${file}: no PEM certificate in it`);
    pems.push(...certificates);
  }
  // NODE_EXTRA_CA_CERTS often points at the whole system bundle: roots Node and Chromium already trust. Passing
  // them again would only slow the browser's start (each extra CA is imported into its NSS store).
  const known = new Set(tls.rootCertificates.map(pemBody));
  const unique = new Map<string, string>();
  for (const pem of pems)
    if (!known.has(pemBody(pem)) && !unique.has(pemBody(pem))) unique.set(pemBody(pem), pem);
  return [...unique.values()];
}

function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
}
