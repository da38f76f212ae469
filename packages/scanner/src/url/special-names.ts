/**
 * RFC 6761 §6.4: no name under `.invalid` exists, and name resolution libraries "SHOULD always return immediate
 * negative responses" for them. The scanner answers them itself, without asking a DNS server: a list's
 * placeholder entries (and the tests' unreachable hosts) cost nothing and send nothing over the network.
 */
export function isInvalidName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'invalid' || name.endsWith('.invalid');
}
