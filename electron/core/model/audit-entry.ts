/** One entry of the hash-chained audit log (docs/AUDIT-LOG.md). */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly operator: string;
  readonly action: string;
  readonly payload: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditLogPage {
  readonly entries: readonly AuditEntry[];
  readonly total: number;
}

export type AuditVerification =
  | { readonly valid: true; readonly entries: number; readonly headHash: string }
  | { readonly valid: false; readonly entries: number; readonly brokenAtSeq: number; readonly reason: string };
