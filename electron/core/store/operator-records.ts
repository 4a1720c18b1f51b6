/** SQL for operators and their sign-in sessions (migration 002). */
import type { OperatorRoleName as OperatorRole } from '../model/operator';
import type { CountyStore } from './county-store';
import { databaseOf } from './database-of';

export interface OperatorRecord {
  readonly id: number;
  readonly name: string;
  readonly role: OperatorRole;
  readonly pinSalt: string;
  readonly pinHash: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface NewOperator {
  readonly name: string;
  readonly role: OperatorRole;
  readonly pinSalt: string;
  readonly pinHash: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface SessionRecord {
  readonly operatorId: number;
  readonly startedAt: string;
  readonly expiresAt: string;
  readonly endedAt: string | null;
}

const OPERATOR_COLUMNS = `id, name, role, pin_salt AS pinSalt, pin_hash AS pinHash, created_at AS createdAt,
  created_by AS createdBy`;

export function insertOperator(store: CountyStore, operator: NewOperator): number {
  const info = databaseOf(store)
    .prepare('INSERT INTO operator (name, role, pin_salt, pin_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(operator.name, operator.role, operator.pinSalt, operator.pinHash, operator.createdAt, operator.createdBy);
  return Number(info.lastInsertRowid);
}

/** Names are unique regardless of case: "pat" and "Pat" are one person. */
export function findOperatorByName(store: CountyStore, name: string): OperatorRecord | null {
  const row = databaseOf(store).prepare(`SELECT ${OPERATOR_COLUMNS} FROM operator WHERE name = ?`).get(name.trim()) as
    | OperatorRecord
    | undefined;
  return row ?? null;
}

export function findOperatorById(store: CountyStore, id: number): OperatorRecord | null {
  const row = databaseOf(store).prepare(`SELECT ${OPERATOR_COLUMNS} FROM operator WHERE id = ?`).get(id) as
    | OperatorRecord
    | undefined;
  return row ?? null;
}

export function listOperators(store: CountyStore): OperatorRecord[] {
  return databaseOf(store).prepare(`SELECT ${OPERATOR_COLUMNS} FROM operator ORDER BY id`).all() as OperatorRecord[];
}

export function countOperators(store: CountyStore): number {
  return (databaseOf(store).prepare('SELECT count(*) AS n FROM operator').get() as { n: number }).n;
}

export function insertSession(
  store: CountyStore,
  session: { tokenHash: string; operatorId: number; startedAt: string; expiresAt: string },
): void {
  databaseOf(store)
    .prepare('INSERT INTO operator_session (token_hash, operator_id, started_at, expires_at) VALUES (?, ?, ?, ?)')
    .run(session.tokenHash, session.operatorId, session.startedAt, session.expiresAt);
}

export function findSession(store: CountyStore, tokenHash: string): SessionRecord | null {
  const row = databaseOf(store)
    .prepare(
      `SELECT operator_id AS operatorId, started_at AS startedAt, expires_at AS expiresAt, ended_at AS endedAt
         FROM operator_session WHERE token_hash = ?`,
    )
    .get(tokenHash) as SessionRecord | undefined;
  return row ?? null;
}

export function endSession(store: CountyStore, tokenHash: string, endedAt: string): void {
  databaseOf(store)
    .prepare('UPDATE operator_session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL')
    .run(endedAt, tokenHash);
}
