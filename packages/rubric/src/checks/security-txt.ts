import type { Check } from './check.js';
import { judge } from './check.js';
import { HTTPS_META, probe } from './https-common.js';

/** RFC 9116: a security.txt tells whoever finds a vulnerability whom to tell. */
export const securityTxt: Check = {
  meta: {
    ...HTTPS_META,
    id: 'security-txt',
    weight: 1,
    title: { es: 'Archivo security.txt', en: 'security.txt file' },
    hint: {
      es: 'Publique /.well-known/security.txt (RFC 9116) con un Contact: y un Expires: para reportar vulnerabilidades.',
      en: 'Publish /.well-known/security.txt (RFC 9116) with a Contact: and an Expires: for reporting vulnerabilities.',
    },
  },
  evaluate(evidence) {
    const found = probe(evidence, 'any-endpoint');
    if ('output' in found) return found.output;
    const { securityTxt: file } = found.https;
    return judge(
      file.found,
      [{ url: file.url, detail: file.found ? 'security.txt found' : 'no security.txt' }],
      file.found,
    );
  },
};
