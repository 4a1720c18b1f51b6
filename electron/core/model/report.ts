import type { Finding } from './finding';
import type { CoinToss } from './precinct-result';
import type { PrecinctStatus } from './precinct-status';

export const REPORT_SOURCES = ['usb', 'email', 'scan', 'manual', 'phone', 'recount'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/** One candidate's numbers as a worksheet gives them (null: left blank). */
export interface WorksheetLine {
  readonly candidate: string;
  readonly firstAlignment: number | null;
  readonly finalAlignment: number | null;
  readonly delegatesAwarded: number | null;
}

/** A stored report: append-only, a correction is a new report that points at the one it replaces. */
export interface ReportView {
  readonly id: number;
  readonly source: ReportSource;
  readonly operator: string;
  readonly receivedAt: string;
  readonly fileName: string | null;
  readonly sha256: string;
  readonly supersedes: number | null;
  readonly lines: readonly WorksheetLine[];
  /** SDEs as the report gave them (files may carry SDEs only); absent when not reported. */
  readonly sdeByCandidate: Readonly<Record<string, number>>;
  readonly coinTosses: readonly CoinToss[];
}

/** Team mode, on a station: a change saved in the station's outbox until the hub is back (docs/TEAM.md). */
export interface QueuedNote {
  readonly requestId: string;
  readonly queuedAt: string;
  /** "Saved on this laptop; it will be sent to the hub when the hub is back." */
  readonly message: string;
}

export interface SubmittedReport {
  readonly reportId: number;
  readonly status: PrecinctStatus;
  readonly findings: readonly Finding[];
  /**
   * Team mode, on a station only: the hub could not be reached, so the entry waits in the
   * station's outbox (reportId is 0 until the hub stores it).
   */
  readonly queued?: QueuedNote;
}
