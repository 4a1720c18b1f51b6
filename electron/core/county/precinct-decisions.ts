/** From the stored resolutions, certifications and changes to what the status derivation and the UI read. */
import type { PrecinctVerification } from '../model/verification';
import type { ComparableReport, DerivedStatus, PrecinctDecisions } from '../status/derive-status';
import { NO_DECISIONS } from '../status/derive-status';
import type { PrecinctHistoryRecords } from '../store/verification-records';

/** The latest resolution and the latest certification count; earlier ones are history. */
export function decisionsOf(history: PrecinctHistoryRecords | undefined): PrecinctDecisions {
  if (!history) return NO_DECISIONS;
  const resolution = history.resolutions.at(-1) ?? null;
  const certification = history.certifications.at(-1) ?? null;
  return {
    resolution,
    certification:
      certification && certification.reportId !== null ? { ...certification, reportId: certification.reportId } : null,
    changes: certification ? history.changes.filter((change) => change.certificationId === certification.id) : [],
  };
}

export function verificationOf(
  history: PrecinctHistoryRecords | undefined,
  derived: DerivedStatus<ComparableReport>,
): PrecinctVerification {
  const decisions = decisionsOf(history);
  const resolution = decisions.resolution && history?.resolutions.at(-1);
  const certification = history?.certifications.at(-1) ?? null;
  return {
    resolution: resolution
      ? {
          id: resolution.id,
          chosenReportId: resolution.chosenReportId,
          settles: resolution.settles,
          operator: resolution.operator,
          resolvedAt: resolution.resolvedAt,
          reason: resolution.reason,
        }
      : null,
    overruled: derived.overruled,
    reopened: derived.reopened,
    verifiedBy: derived.verifiedBy,
    certification: certification
      ? {
          id: certification.id,
          reportId: certification.reportId,
          operator: certification.operator,
          certifiedAt: certification.certifiedAt,
        }
      : null,
    changes: certification
      ? (history?.changes ?? [])
          .filter((change) => change.certificationId === certification.id)
          .map(({ id, kind, reportId, operator, changedAt, reason }) => ({
            id,
            kind,
            reportId,
            operator,
            changedAt,
            reason,
          }))
      : [],
    lateReports: derived.lateReports,
    changedAfterCertification: derived.changedAfterCertification,
  };
}
