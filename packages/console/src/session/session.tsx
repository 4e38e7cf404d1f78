import type { StaffMember } from '@ward/protocol';
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { fetchCurrentStaff, signOut as postSignOut } from '../api/auth.ts';
import { messageOf } from '../api/errors.ts';
import { setUnauthenticatedHandler } from '../api/http.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; staff: StaffMember }
  | { status: 'error'; message: string };

interface SessionContextValue {
  session: SessionState;
  signedIn: (staff: StaffMember) => void;
  signOut: () => Promise<void>;
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
      (staff) => {
        if (!cancelled) setSession(staff ? { status: 'signed-in', staff } : { status: 'signed-out', expired: false });
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

  const signedIn = useCallback((staff: StaffMember) => setSession({ status: 'signed-in', staff }), []);

  const signOut = useCallback(async () => {
    await postSignOut();
    setSession({ status: 'signed-out', expired: false });
  }, []);

  const retry = useCallback(() => {
    setSession({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  const value = useMemo(
    () => ({ session, signedIn, signOut, expired, retry }),
    [session, signedIn, signOut, expired, retry],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
