import type { Db } from '../../db/client.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { resealSecretsUnderCurrentKey } from './mfa.repository.ts';

/**
 * With `ward keys rotate`: staff's TOTP secrets move under the newest key-encryption key too, so
 * the old one can go (ADR 22). A few rows per council: one transaction.
 */
export function resealMfaSecrets(db: Db, keyring: Keyring): Promise<number> {
  return resealSecretsUnderCurrentKey(db, keyring);
}
