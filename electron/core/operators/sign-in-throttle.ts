/**
 * How many wrong PINs a name may have before sign-in pauses, pure. Five tries in fifteen minutes is
 * plenty for a tired volunteer who mistypes; after that the name waits five minutes, so trying all
 * 10,000 four-digit PINs would take weeks, not minutes. Attempts during a pause are refused before
 * the PIN is checked and do not extend it: a mistyping person is never locked out for long.
 */
export const SIGN_IN_THROTTLE = {
  maxFailures: 5,
  windowMinutes: 15,
  pauseMinutes: 5,
} as const;

/** The start of the window the failures are counted in. */
export function failureWindowStart(now: Date): string {
  return new Date(now.getTime() - SIGN_IN_THROTTLE.windowMinutes * 60_000).toISOString();
}

/** When sign-in for the name opens again, or null if it is open now. `failures`: ISO times in the window, oldest first. */
export function signInPausedUntil(failures: readonly string[], now: Date): Date | null {
  if (failures.length < SIGN_IN_THROTTLE.maxFailures) return null;
  const newest = failures[failures.length - 1];
  if (newest === undefined) return null;
  const until = new Date(Date.parse(newest) + SIGN_IN_THROTTLE.pauseMinutes * 60_000);
  return until > now ? until : null;
}
