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
