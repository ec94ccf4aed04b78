import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createApi, type Api } from '../api/client';
import type { Mode } from '../api/types';
import { loadSession, saveSession, type Session } from './session-store';

interface SessionValue {
  mode: Mode;
  keys: Session['keys'];
  /** The API client for the current mode; undefined when signed out of it. */
  api: Api | undefined;
  signIn(mode: Mode, key: string): void;
  switchMode(mode: Mode): void;
  signOut(mode: Mode, notice?: string): void;
  /** Why the user was signed out, when it was not their choice. */
  notice: string | undefined;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>(loadSession);
  const [notice, setNotice] = useState<string>();
  const update = useCallback((next: (s: Session) => Session) => {
    setSession((s) => {
      const n = next(s);
      saveSession(n);
      return n;
    });
  }, []);
  const signOut = useCallback((mode: Mode, why?: string) => {
    setNotice(why);
    update((s) => ({ ...s, keys: { ...s.keys, [mode]: undefined } }));
  }, [update]);
  const key = session.keys[session.mode];
  const api = useMemo(() => (key ? createApi(key, () => signOut(session.mode, 'The server refused this key (revoked or unknown): sign in again.')) : undefined), [key, session.mode, signOut]);
  const value: SessionValue = {
    mode: session.mode,
    keys: session.keys,
    api,
    notice,
    signIn: (mode, k) => {
      setNotice(undefined);
      update((s) => ({ mode, keys: { ...s.keys, [mode]: k } }));
    },
    switchMode: (mode) => update((s) => ({ ...s, mode })),
    signOut,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The API client of a page that only renders when signed in. */
export function useApi(): Api {
  const { api } = useSession();
  if (!api) throw new Error('useApi while signed out');
  return api;
}
