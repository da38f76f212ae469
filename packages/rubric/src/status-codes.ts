/**
 * Why a site could not be evaluated: the one list of status codes (docs/status-codes.md is generated from it, with
 * `npm run docs`). The pipeline finds the URL list's problems, the scanner the rest while opening the home page;
 * results carry the code in `error.code`. Pure data, shared by every package.
 */
export const STATUS_CODES = {
  'invalid-url': {
    retried: 'no',
    meaning: 'The list entry is not a URL (found by the pipeline, or the browser refuses the address).',
    whatToDo: 'Fix the entry: `https://example.gob.gt/`.',
  },
  'unsupported-scheme': {
    retried: 'no',
    meaning: 'Not `http:` or `https:`.',
    whatToDo: "Use the site's web address.",
  },
  'duplicate-url': {
    retried: 'no',
    meaning: 'The URL is already in the list (pipeline).',
    whatToDo: 'Remove the duplicate.',
  },
  'invalid-group': {
    retried: 'no',
    meaning: "The entry's `group` is none of the groups the report uses (pipeline).",
    whatToDo:
      'Write `ministerio`, `secretaria` or `other` (also `ministry`, `secretaría`, `secretariat`, `otro`), or leave it out.',
  },
  'invalid-domain': {
    retried: 'no',
    meaning:
      "An entry of the site's `domains` (the institution's own other domains) is not a host name (pipeline).",
    whatToDo: 'Write each domain as a bare host name, e.g. `minfin.gob.gt`, or leave `domains` out.',
  },
  'missing-url': {
    retried: 'no',
    meaning: 'The list entry has no `url` (pipeline).',
    whatToDo: "Add the site's web address as `url:` (YAML) or in the `url` column (CSV).",
  },
  'dns-not-found': {
    retried: 'no',
    meaning: 'The host name does not resolve (`net::ERR_NAME_NOT_RESOLVED`).',
    whatToDo: 'Check for typos; the domain may have expired or moved.',
  },
  'connection-refused': {
    retried: 'no',
    meaning: 'Nothing listens on that host and port (`net::ERR_CONNECTION_REFUSED`).',
    whatToDo: 'The site is down or served elsewhere; tell its operator.',
  },
  'refused-address': {
    retried: 'no',
    meaning:
      "The home page, or a redirect on its way, is on a private, loopback, link-local, CGNAT, reserved or unspecified address other than the list's target's own (the egress proxy refused it: `net::ERR_SOCKS_CONNECTION_FAILED` with the proxy's record \"refused: … address\").",
    whatToDo:
      'Check where the site redirects; scanning a private network on purpose needs `allowPrivateNetwork` (docs/security.md).',
  },
  'connection-reset': {
    retried: 'yes',
    meaning:
      'The server closed the connection without a complete answer (`ERR_CONNECTION_RESET`, `ERR_EMPTY_RESPONSE`).',
    whatToDo: 'The server or a firewall in front of it is failing; try later.',
  },
  timeout: {
    retried: 'yes, and once more at the end of the run',
    meaning:
      'The home page did not answer within the page time limit (`--page-timeout`, default 60 s), or its document never finished arriving. An inner page whose document arrived but never finished loading is _not_ a timeout: it is cut and scanned.',
    whatToDo: 'Try later, or raise the page time limit for slow sites.',
  },
  'tls-certificate-invalid': {
    retried: 'no',
    meaning:
      'The browser refused the certificate (`net::ERR_CERT_*`: expired, self-signed, unknown CA, wrong host).',
    whatToDo:
      'Renew the certificate or serve the full chain for the right host name. For a private CA, pass `--ca FILE`.',
  },
  'tls-handshake-failed': {
    retried: 'no',
    meaning: 'No TLS session could be agreed (`net::ERR_SSL_*`, e.g. only obsolete protocols or ciphers).',
    whatToDo: 'Enable TLS 1.2/1.3 on the server.',
  },
  'redirect-loop': {
    retried: 'no',
    meaning: 'The home page redirects without end (`net::ERR_TOO_MANY_REDIRECTS`).',
    whatToDo: 'Fix the redirect rules (often http↔https or www↔bare domain pointing at each other).',
  },
  'http-error': {
    retried: '5xx yes, 4xx no',
    meaning: 'The home page answered 4xx/5xx.',
    whatToDo: '5xx: the server is failing. 4xx: the URL in the list is probably not the current home page.',
  },
  blocked: {
    retried: '429 yes, 403 no',
    meaning:
      'The server answered 403, or 429 even after waiting, to our crawler (user agent `egov-monitor/…`).',
    whatToDo: 'Ask the operator to allow the egov-monitor user agent, or scan it alone later.',
  },
  'not-html': {
    retried: 'no',
    meaning: 'The home page is a file download or not a web page (PDF, ZIP, plain text…).',
    whatToDo: "Point the list at the site's HTML home page.",
  },
  'browser-crashed': {
    retried: 'no',
    meaning: 'Chromium (or the tab) crashed or closed while opening the site.',
    whatToDo: "Re-run; if it repeats, the page may exhaust the browser's memory.",
  },
  'missing-from-shard': {
    retried: 'no',
    meaning:
      'The site belongs to a shard (`scan --shard K/N`) whose results.json does not have it; `merge` reports it instead of dropping it.',
    whatToDo: 'Re-run that shard alone with `--shard K/N --resume`, then merge again.',
  },
  'internal-error': {
    retried: 'no',
    meaning: 'A bug in egov-monitor.',
    whatToDo: 'Report it with the message.',
  },
} as const satisfies Record<string, { retried: string; meaning: string; whatToDo: string }>;

export type StatusCode = keyof typeof STATUS_CODES;

/** The codes the URL list reader gives (the entry cannot be scanned at all). */
export const LIST_PROBLEM_CODES = [
  'invalid-url',
  'unsupported-scheme',
  'duplicate-url',
  'invalid-group',
  'invalid-domain',
  'missing-url',
] as const satisfies readonly StatusCode[];
export type ListProblemCode = (typeof LIST_PROBLEM_CODES)[number];

export function isStatusCode(code: string): code is StatusCode {
  return Object.hasOwn(STATUS_CODES, code);
}
