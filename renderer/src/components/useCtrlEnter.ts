import { useEffect, useRef } from 'react';

/**
 * Ctrl+Enter (Cmd+Enter on a Mac) anywhere on the screen runs `action`: how every entry screen
 * saves or confirms, so a person never has to reach for the mouse. The latest `action` runs (it
 * closes over the screen's current state); the listener is added once.
 */
export function useCtrlEnter(action: () => void): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
