import type { Tx } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { AppError } from '../../shared/app-error.ts';
import * as mfaRepo from './mfa.repository.ts';
import { readTypedCode } from './mfa.rules.ts';
import { WrongCodeError } from './sign-in-throttle.ts';
import { acceptedTimeStep, recoveryCodeHash } from './totp.ts';

export const enterAppCode = 'Enter the 6-digit code your authenticator app shows now';

/**
 * Checks a code from the authenticator app against the member of staff's secret (locked for the
 * transaction) and records its time step, so it cannot be used again. Wrong: a `WrongCodeError`.
 */
export async function requireAppCode(
  tx: Tx,
  keyring: Keyring,
  staffId: string,
  typed: string,
  options: { enabled: boolean },
): Promise<void> {
  const mfa = await mfaRepo.findStaffMfa(tx, keyring, staffId, { forUpdate: true });
  if (!mfa || (mfa.enabledAt !== null) !== options.enabled)
    throw options.enabled
      ? new AppError('conflict', 'Two-step sign-in is not on for your account')
      : new AppError('conflict', 'Start setting up two-step sign-in again: that set-up has ended');
  const code = readTypedCode(typed);
  if (code.kind !== 'totp') throw new WrongCodeError(enterAppCode);
  const step = await acceptedTimeStep(mfa.secret, code.code, mfa.lastTimeStep);
  if (step === null || !(await mfaRepo.acceptTimeStep(tx, staffId, step)))
    throw new WrongCodeError('That code is not right or has been used: enter the code your app shows now');
}

/**
 * At sign-in: a code from the app, or one of the recovery codes (each works once). Returns which
 * was used, or null when neither matches.
 */
export async function acceptSignInCode(
  tx: Tx,
  keyring: Keyring,
  staffId: string,
  typed: string,
): Promise<'app' | 'recovery' | null> {
  const mfa = await mfaRepo.findStaffMfa(tx, keyring, staffId, { forUpdate: true });
  if (!mfa?.enabledAt) return null;
  const code = readTypedCode(typed);
  if (code.kind === 'totp') {
    const step = await acceptedTimeStep(mfa.secret, code.code, mfa.lastTimeStep);
    return step !== null && (await mfaRepo.acceptTimeStep(tx, staffId, step)) ? 'app' : null;
  }
  if (code.kind === 'recovery')
    return (await mfaRepo.useRecoveryCode(tx, staffId, recoveryCodeHash(code.code), new Date())) ? 'recovery' : null;
  return null;
}
