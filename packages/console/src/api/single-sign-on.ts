import type { AuthMethods } from '@ward/protocol';
import { getJson } from './http.ts';

/** How staff may sign in here: with a password, and/or the council's account (single sign-on). */
export function fetchAuthMethods(): Promise<AuthMethods> {
  return getJson<AuthMethods>('/api/auth/methods', { sessionRequired: false });
}
