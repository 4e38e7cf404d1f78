import type { MfaState, StaffMember } from '@ward/protocol';
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { fetchCurrentStaff, signOut as postSignOut } from '../api/auth.ts';
import { messageOf } from '../api/errors.ts';
import { setUnauthenticatedHandler } from '../api/http.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean }
  /** `mfa`: whether two-step sign-in is on and required; required and off, only its set-up is open. */
  | { status: 'signed-in'; staff: StaffMember; mfa: MfaState }
  | { status: 'error'; message: string };

interface SessionContextValue {
  session: SessionState;
  /** Signed in: reads who they are and where they stand with two-step sign-in. */
  signedIn: () => void;
  /** Their two-step sign-in changed: reads it again, keeping the page on screen meanwhile. */
  refresh: () => void;
  signOut: () => Promise<void>;
  /** The server answered with the member of staff as they are now (their console's language, say). */
  updateStaff: (staff: StaffMember) => void;
  /** The server said the session is gone (401). */
  expired: () => void;
  retry: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in member of staff; only for components rendered behind `RequireSession`. */
export function useStaff(): StaffMember {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useStaff needs a session');
  return session.staff;
}

/** Asks `GET /api/auth/me` once at start, then tracks sign-in, sign-out and expiry. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    fetchCurrentStaff().then(
      (current) => {
        if (!cancelled)
          setSession(
            current
              ? { status: 'signed-in', staff: current.staff, mfa: current.mfa }
              : { status: 'signed-out', expired: false },
          );
      },
      (error: unknown) => {
        if (!cancelled) setSession({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const expired = useCallback(() => {
    setSession((current) => (current.status === 'signed-in' ? { status: 'signed-out', expired: true } : current));
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(expired);
    return () => setUnauthenticatedHandler(null);
  }, [expired]);

  const refresh = useCallback(() => setAttempt((value) => value + 1), []);

  const signOut = useCallback(async () => {
    await postSignOut();
    setSession({ status: 'signed-out', expired: false });
  }, []);

  const updateStaff = useCallback((staff: StaffMember) => {
    setSession((current) => (current.status === 'signed-in' ? { ...current, staff } : current));
  }, []);

  const retry = useCallback(() => {
    setSession({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  const value = useMemo(
    () => ({ session, signedIn: retry, refresh, signOut, updateStaff, expired, retry }),
    [session, refresh, signOut, updateStaff, expired, retry],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
