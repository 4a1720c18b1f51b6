/**
 * Per-window session state: who is signed in (name, role and the session token the API gave them,
 * kept in sessionStorage and sent with every change) and which screen is showing.
 * Nobody signs in by typing a name alone: the API checks the PIN and records changes under the token's person.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, SIGNED_OUT_EVENT } from './api/client';
import { useOverview, useTeam } from './api/hooks';
import type { FindingCode, OperatorRoleName, PrecinctStatus, SessionView } from './api/types';

const SESSION_KEY = 'tallyroom.session';

export type ScreenId =
  | 'dashboard'
  /** The risk-limiting audit (docs/RLA.md); 'audit' is the audit log. */
  | 'rla'
  | 'worksheet'
  | 'precincts'
  | 'discrepancies'
  | 'recount'
  | 'audit'
  | 'setup'
  | 'import'
  | 'scan-review'
  | 'review'
  | 'team'
  | 'settings'
  | 'export'
  | 'state-party';

export interface Route {
  readonly screen: ScreenId;
  /** Precinct shown in detail (precincts screen) or preselected (worksheet, discrepancies, recount). */
  readonly precinct?: string;
  readonly status?: PrecinctStatus;
  readonly finding?: FindingCode;
  /** The queued scan shown on the scan review screen. */
  readonly scanId?: number;
}

export interface SignedInPerson {
  readonly session: string;
  readonly name: string;
  readonly role: OperatorRoleName;
}

/**
 * - loading: not known yet;
 * - no-county: nothing to sign in to (setup or the demo come first);
 * - sign-up: a county without a chair (made by `tallyroom init`): whoever is here becomes its chair;
 * - signed-out / signed-in.
 */
export type AuthState = 'loading' | 'no-county' | 'sign-up' | 'signed-out' | 'signed-in';

interface Session {
  readonly person: SignedInPerson | null;
  readonly authState: AuthState;
  readonly signInOpen: boolean;
  signedIn(person: SessionView): void;
  signOut(): void;
  /** Someone else takes over the laptop: sign out, then the sign-in dialog. */
  switchPerson(): void;
  readonly route: Route;
  navigate(route: Route): void;
}

const SessionContext = createContext<Session | null>(null);

function readStored(): SignedInPerson | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as SignedInPerson | null;
    return stored && typeof stored.session === 'string' && typeof stored.name === 'string' ? stored : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [person, setPerson] = useState<SignedInPerson | null>(readStored);
  const [route, setRoute] = useState<Route>({ screen: 'dashboard' });
  const overview = useOverview();
  const team = useTeam();
  const client = useQueryClient();

  const forget = useCallback(() => {
    sessionStorage.removeItem(SESSION_KEY);
    setPerson(null);
  }, []);

  // A session kept from before a reload is checked once: it may have expired or been signed out.
  const storedToken = person?.session;
  useEffect(() => {
    if (!storedToken) return;
    void api.getSession({ session: storedToken }).then((result) => {
      if (!result.ok && result.error.code !== 'TRANSPORT') forget();
    });
  }, [storedToken, forget]);

  // The API refused a change because the session ended: ask the person to sign in again.
  useEffect(() => {
    window.addEventListener(SIGNED_OUT_EVENT, forget);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, forget);
  }, [forget]);

  const signedIn = useCallback(
    (view: SessionView) => {
      const next = { session: view.session, name: view.name, role: view.role };
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
      setPerson(next);
      void client.invalidateQueries();
    },
    [client],
  );

  const signOut = useCallback(() => {
    if (person) void api.signOut({ session: person.session });
    forget();
    void client.invalidateQueries({ queryKey: ['audit-log'] });
  }, [person, forget, client]);

  const navigate = useCallback((next: Route) => {
    setRoute(next);
    window.scrollTo(0, 0);
  }, []);

  // Loading only until a first answer (a refetch after an error must not hide the screen again).
  const unanswered = (query: { data: unknown; error: unknown }) => query.data === undefined && !query.error;
  const authState: AuthState =
    unanswered(overview) || unanswered(team)
      ? 'loading'
      : !overview.data?.election
        ? 'no-county'
        : !team.data?.hasChair
          ? 'sign-up'
          : person
            ? 'signed-in'
            : 'signed-out';

  const value = useMemo<Session>(
    () => ({
      person: authState === 'signed-in' ? person : null,
      authState,
      signInOpen: authState === 'sign-up' || authState === 'signed-out',
      signedIn,
      signOut,
      switchPerson: signOut,
      route,
      navigate,
    }),
    [person, authState, signedIn, signOut, route, navigate],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The session token for a change; the sign-in dialog guarantees one before any screen can act. */
export function useSessionToken(): string {
  return useSession().person?.session ?? '';
}

/** The signed-in person's name, as recorded with their changes. */
export function useOperatorName(): string {
  return useSession().person?.name ?? '';
}
