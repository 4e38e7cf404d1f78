import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import {
  recoveryCodeBytes,
  recoveryCodeCount,
  recoveryCodeFrom,
  totpDigits,
  totpPeriodSeconds,
  totpToleranceSteps,
} from './mfa.rules.ts';

/** TOTP (RFC 6238) with otplib: SHA-1, 6 digits, 30 seconds, as every authenticator app expects. */
const totp = { digits: totpDigits, period: totpPeriodSeconds } as const;

/** A new secret: 20 random bytes, base32 (what authenticator apps take). */
export const newTotpSecret = () => generateSecret({ length: 20 });

/** The time step of an accepted code, or null: wrong, out of the window, or not after `afterTimeStep`. */
export async function acceptedTimeStep(
  secret: string,
  code: string,
  afterTimeStep: number | null,
  now = new Date(),
): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      ...totp,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: totpToleranceSteps * totpPeriodSeconds,
      ...(afterTimeStep === null ? {} : { afterTimeStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** What the authenticator app scans: an otpauth:// address and the same as an SVG QR code (made here, no service). */
export async function enrolmentPicture(input: { secret: string; issuer: string; label: string }) {
  const uri = generateURI({ ...input, ...totp });
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, svg };
}

/** Ten new recovery codes, as shown once to the member of staff. */
export const newRecoveryCodes = (): string[] =>
  Array.from({ length: recoveryCodeCount }, () => recoveryCodeFrom(randomBytes(recoveryCodeBytes)));

/** Recovery codes are stored only as the SHA-256 of their compact form (no dashes, lower case). */
export const recoveryCodeHash = (code: string) =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest();
