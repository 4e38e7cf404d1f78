import Bowser from 'bowser';
import { truncateIp } from '../../shared/ip-address.rules.ts';

export type CaptureSettings = {
  ipAddress: 'full' | 'truncated' | 'off';
  browser: boolean;
  operatingSystem: boolean;
};

export type AutomaticInformation = { ipAddress: string | null; browser: string | null; operatingSystem: string | null };

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
