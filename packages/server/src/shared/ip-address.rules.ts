/**
 * Data minimisation: an IPv4 address keeps its first three octets (the /24 network), an IPv6
 * address its first three groups (the /48 site prefix). Returns null for anything else.
 */
export function truncateIp(ip: string): string | null {
  const mapped = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
  const v4 = mapped.split('.');
  if (v4.length === 4 && v4.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) {
    return `${v4[0]}.${v4[1]}.${v4[2]}.0`;
  }
  if (mapped.includes(':') && /^[0-9a-fA-F:]+$/.test(mapped)) {
    const [head = ''] = mapped.split('::');
    const groups = head.split(':').filter((g) => g !== '');
    while (groups.length < 3) groups.push('0');
    return `${groups.slice(0, 3).join(':').toLowerCase()}::`;
  }
  return null;
}
