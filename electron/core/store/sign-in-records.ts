/** SQL for refused sign-ins (migration 010). */
import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';

/** The key refusals are counted under: the name as typed, trimmed and lowercased. */
export function signInNameKey(name: string): string {
  return name.trim().toLowerCase() || '(empty)';
}

export function insertSignInFailure(store: CountyStore, name: string, at: string): void {
  databaseOf(store).prepare('INSERT INTO sign_in_failure (name_key, at) VALUES (?, ?)').run(signInNameKey(name), at);
}

/**
 * Times of refusals for this name since `since` and after the person's last successful sign-in
 * (a success starts the count again), oldest first.
 */
export function signInFailuresSince(store: CountyStore, name: string, since: string): string[] {
  const rows = databaseOf(store)
    .prepare(
      `SELECT f.at AS at FROM sign_in_failure f
        WHERE f.name_key = ? AND f.at > ?
          AND f.at > coalesce((SELECT max(s.started_at) FROM operator_session s
                                 JOIN operator o ON o.id = s.operator_id
                                WHERE lower(trim(o.name)) = ?), '')
        ORDER BY f.at`,
    )
    .all(signInNameKey(name), since, signInNameKey(name)) as { at: string }[];
  return rows.map((row) => row.at);
}
