/**
 * Per-window session state: who is at the keyboard (kept in sessionStorage, sent with every change)
 * and which screen is showing.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { FindingCode, PrecinctStatus } from './api/types';

const OPERATOR_KEY = 'tallyroom.operator';

export type ScreenId = 'dashboard' | 'worksheet' | 'precincts' | 'audit' | 'setup';

export interface Route {
  readonly screen: ScreenId;
  /** Precinct shown in detail (precincts screen) or preselected (worksheet screen). */
  readonly precinct?: string;
  readonly status?: PrecinctStatus;
  readonly finding?: FindingCode;
}

interface Session {
  readonly operator: string | null;
  setOperator(name: string): void;
  readonly operatorPromptOpen: boolean;
  openOperatorPrompt(): void;
  closeOperatorPrompt(): void;
  readonly route: Route;
  navigate(route: Route): void;
}

const SessionContext = createContext<Session | null>(null);

function readOperator(): string | null {
  try {
    const stored = sessionStorage.getItem(OPERATOR_KEY);
    return stored?.trim() ? stored : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [operator, setOperatorState] = useState<string | null>(readOperator);
  const [promptOpen, setPromptOpen] = useState(false);
  const [route, setRoute] = useState<Route>({ screen: 'dashboard' });

  const setOperator = useCallback((name: string) => {
    const trimmed = name.trim();
    sessionStorage.setItem(OPERATOR_KEY, trimmed);
    setOperatorState(trimmed);
    setPromptOpen(false);
  }, []);

  const navigate = useCallback((next: Route) => {
    setRoute(next);
    window.scrollTo(0, 0);
  }, []);

  const value = useMemo<Session>(
    () => ({
      operator,
      setOperator,
      operatorPromptOpen: promptOpen || operator === null,
      openOperatorPrompt: () => setPromptOpen(true),
      closeOperatorPrompt: () => setPromptOpen(false),
      route,
      navigate,
    }),
    [operator, setOperator, promptOpen, route, navigate],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The operator name for a change; the prompt guarantees one before any screen can act. */
export function useOperatorName(): string {
  return useSession().operator ?? '';
}
