import Bowser from 'bowser';

export type CaptureSettings = {
  ipAddress: 'full' | 'truncated' | 'off';
  browser: boolean;
  operatingSystem: boolean;
};

export type AutomaticInformation = { ipAddress: string | null; browser: string | null; operatingSystem: string | null };

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

export function captureAutomaticInformation(
  request: { ip: string | undefined; userAgent: string | undefined },
  settings: CaptureSettings,
): AutomaticInformation {
  const ip = request.ip ?? '';
  const ipAddress = settings.ipAddress === 'off' || !ip ? null : settings.ipAddress === 'full' ? ip : truncateIp(ip);
  const ua = request.userAgent ? Bowser.parse(request.userAgent.slice(0, 512)) : null;
  const join = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ') || null;
  return {
    ipAddress,
    browser: settings.browser && ua ? join(ua.browser.name, ua.browser.version?.split('.')[0]) : null,
    operatingSystem: settings.operatingSystem && ua ? join(ua.os.name, ua.os.versionName ?? ua.os.version) : null,
  };
}
