import tls from 'node:tls';

const contexts = new Map<string, tls.SecureContext>();

/**
 * The TLS trust of every Node-side request of a scan: the system's root certificates plus the scan's extra CAs
 * (--ca FILE, NODE_EXTRA_CA_CERTS), built once per set of extra CAs. Passing `ca: [...roots]` instead makes Node
 * parse ~140 root certificates on every connection, which the benchmark measured at tens of ms per site.
 */
export function trustedSecureContext(extraCaPems: readonly string[] = []): tls.SecureContext {
  const key = extraCaPems.join('\n');
  let context = contexts.get(key);
  if (!context) {
    context = tls.createSecureContext({ ca: [...tls.rootCertificates, ...extraCaPems] });
    contexts.set(key, context);
  }
  return context;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

const pemBody = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');

/** The single certificates of PEM bundles, each once (a --ca file may hold a whole chain, or the same CA twice). */
export function splitPemBundle(pems: readonly string[]): string[] {
  const unique = new Map<string, string>();
  for (const pem of pems.flatMap((bundle) => bundle.match(PEM_CERTIFICATE) ?? []))
    if (!unique.has(pemBody(pem))) unique.set(pemBody(pem), pem);
  return [...unique.values()];
}

/**
 * Certificates Node (and so Chromium's public roots) do not already trust. NODE_EXTRA_CA_CERTS often points at the
 * whole system bundle: passing those roots again would only slow the browser's start (each extra CA is imported
 * into its NSS store).
 */
export function withoutSystemRoots(pems: readonly string[]): string[] {
  const known = new Set(tls.rootCertificates.map(pemBody));
  return pems.filter((pem) => !known.has(pemBody(pem)));
}
