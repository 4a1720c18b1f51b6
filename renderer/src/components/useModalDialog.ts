/**
 * What makes a dialog modal for the keyboard and for screen readers (docs/ACCESSIBILITY.md): while it
 * is open everything outside it is inert (no focus, hidden from assistive technology), Tab and
 * Shift+Tab cycle inside it, Escape closes it when it can be closed, and when it closes focus goes
 * back to where it was before it opened.
 */
import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function useModalDialog(dialog: RefObject<HTMLElement | null>, onEscape?: () => void): void {
  const closeOnEscape = useRef(onEscape);
  closeOnEscape.current = onEscape;

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Everything beside the dialog's branch, up to <body>, goes inert (what was inert already stays so).
    const madeInert: HTMLElement[] = [];
    for (let branch: HTMLElement | null = node; branch && branch !== document.body; branch = branch.parentElement) {
      for (const sibling of branch.parentElement?.children ?? []) {
        if (sibling === branch || !(sibling instanceof HTMLElement) || sibling.inert) continue;
        // The live regions (Announcer) keep speaking while a dialog is open.
        if (sibling.hasAttribute('data-announcer')) continue;
        sibling.inert = true;
        madeInert.push(sibling);
      }
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && closeOnEscape.current) {
        event.preventDefault();
        closeOnEscape.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const stops = [...node.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent);
      const first = stops[0];
      const last = stops.at(-1);
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const inside = node.contains(document.activeElement);
      if (event.shiftKey && (!inside || document.activeElement === first)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      for (const element of madeInert) element.inert = false;
      if (opener?.isConnected) opener.focus();
    };
  }, [dialog]);
}
