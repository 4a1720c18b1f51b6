/**
 * What a screen reader says when something happens that the person did not move to (docs/ACCESSIBILITY.md):
 * findings appearing while a worksheet is typed, a save, an import's outcome. Two live regions stay in
 * the page from the start (a region added together with its words is often not read out): a polite
 * one, and an assertive one for what went wrong. They are visually hidden: the screens show the same
 * news in their own words.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';

export type Urgency = 'polite' | 'assertive';
type Announce = (message: string, urgency?: Urgency) => void;

const AnnounceContext = createContext<Announce>(() => {});

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback<Announce>((message, urgency = 'polite') => {
    const set = urgency === 'assertive' ? setAssertive : setPolite;
    // Emptied first, filled a moment later: the same words twice in a row are read twice.
    set('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => set(message), 60);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      {/* data-announcer: a modal dialog leaves these live (useModalDialog). */}
      <div
        className="visually-hidden"
        aria-live="polite"
        aria-atomic="true"
        data-announcer
        data-testid="announce-polite"
      >
        {polite}
      </div>
      <div
        className="visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-announcer
        data-testid="announce-assertive"
      >
        {assertive}
      </div>
    </AnnounceContext.Provider>
  );
}

/** Says `message` through the live regions. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

/**
 * Says `message` whenever it changes to new words, once it has stayed the same for `quietMs` (typing
 * is not read out digit by digit). Null says nothing, and the same words after a null are said again.
 */
export function useAnnounceWhenChanged(message: string | null, { quietMs = 0, urgency = 'polite' as Urgency } = {}) {
  const announce = useAnnounce();
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (message === null) {
      last.current = null;
      return;
    }
    if (message === last.current) return;
    const timer = window.setTimeout(() => {
      last.current = message;
      announce(message, urgency);
    }, quietMs);
    return () => window.clearTimeout(timer);
  }, [message, quietMs, urgency, announce]);
}
