import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may reach (ADR 24). Only public unicast addresses, unless the IT team
 * allowed a network (WARD_WEBHOOK_ALLOWED_NETWORKS): private, loopback, link-local (the cloud
 * metadata address 169.254.169.254 among them), unique-local, CGNAT, multicast, unspecified,
 * broadcast and reserved ranges are refused, and so are IPv6 forms that carry an IPv4 address
 * (6to4, Teredo, NAT64) since the IPv4 address inside could be any of those.
 */
export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

/** An address as text (IPv4, IPv6 or IPv4-mapped IPv6), or null when it is not one. */
function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.parse(bare);
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address it maps.
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}

/** Whether the text is an IP address literal (as in a URL's host, brackets allowed). */
export const isAddressLiteral = (host: string) => parse(host) !== null;

function inNetworks(address: ipaddr.IPv4 | ipaddr.IPv6, networks: readonly string[]): boolean {
  return networks.some((entry) => {
    const [text = '', prefix] = entry.split('/');
    const network = parse(text);
    if (!network || network.kind() !== address.kind()) return false;
    const bits = prefix === undefined ? (network.kind() === 'ipv4' ? 32 : 128) : Number(prefix);
    return address.match(network, bits);
  });
}

export function classifyAddress(address: string, allowedNetworks: readonly string[] = []): AddressVerdict {
  const parsed = parse(address);
  if (!parsed) return { allowed: false, range: 'invalid' };
  if (inNetworks(parsed, allowedNetworks)) return { allowed: true };
  const range = parsed.range();
  return range === 'unicast' ? { allowed: true } : { allowed: false, range };
}

/**
 * A webhook address checked when it is created: a literal address must be allowed at once (names
 * are resolved and checked at every delivery). Null when it is fine, else the person-readable refusal.
 */
export function refuseWebhookUrl(url: string, allowedNetworks: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter an address starting with https:// (or http://)';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return 'Enter an address starting with https:// (or http://)';
  if (parsed.username || parsed.password) return 'The address must not contain a user name or password';
  const host = parsed.hostname;
  if (isAddressLiteral(host) && !classifyAddress(host, allowedNetworks).allowed)
    return 'That address is on a private or internal network: Ward only sends to public addresses unless your IT team allows the network';
  return null;
}
