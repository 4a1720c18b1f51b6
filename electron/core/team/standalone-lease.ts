import type { SignedIn } from '../operators/sessions';
import { type AppError, appError, ok, type Result } from '../result';
import type { CountyStore } from '../store/county-store';
import type { LeasePurpose, PrecinctOpenView } from './contract';

/** A laptop alone (not a hub) has nobody to collide with: the lease is only an answer, nothing is kept. */
export function standaloneLease(
  store: CountyStore,
  who: SignedIn,
  input: { readonly precinct: string; readonly purpose: LeasePurpose },
  now: Date,
): Result<PrecinctOpenView, AppError> {
  const precinct = store.findPrecinct(input.precinct);
  if (!precinct) return appError('UNKNOWN_PRECINCT', `There is no precinct "${input.precinct}".`);
  const at = now.toISOString();
  return ok({
    lease: {
      precinct: precinct.code,
      stationId: null,
      stationName: 'Hub',
      operator: who.name,
      purpose: input.purpose,
      openedAt: at,
      expiresAt: at,
    },
    alsoOpen: [],
  });
}
