/**
 * The address a realtime connection comes from, as Fastify works out `request.ip` for HTTP, so
 * an agent's audit entries name the same source whichever way they reached Ward. Without
 * WARD_TRUST_PROXY it is the connection's own address (a forged X-Forwarded-For changes nothing).
 * With it (Fastify's `trustProxy: true`, every hop trusted) it is the first address of
 * X-Forwarded-For, the client as the outermost proxy saw it, or the connection's own without one.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
): string | undefined {
  if (!trustProxy) return remoteAddress;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  return hops[0] ?? remoteAddress;
}
