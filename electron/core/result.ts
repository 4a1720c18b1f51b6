/**
 * Expected failures are values, not exceptions (docs/ARCHITECTURE.md, "Expected failures are values").
 * Every error a user can cause carries a stable code and a sentence a county chair understands.
 */
import type { AppErrorCode } from './model/error-code';

export type { AppErrorCode } from './model/error-code';

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E = AppError> = Ok<T> | Err<E>;

export interface AppError {
  /** Stable, machine-readable code (SCREAMING_SNAKE_CASE), one of model/error-code.ts. */
  readonly code: AppErrorCode;
  /** One clear sentence for a non-programmer: what happened and what to do. */
  readonly message: string;
  /** Optional structured detail, e.g. row/column problems in a file. */
  readonly details?: unknown;
}

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<E = AppError>(error: E): Err<E> {
  return { ok: false, error };
}

export function appError(code: AppErrorCode, message: string, details?: unknown): Err<AppError> {
  return err(details === undefined ? { code, message } : { code, message, details });
}

/** Makes a `switch` over a union exhaustive: the build breaks when a case is added and not handled. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
