/**
 * The verification API handlers: sign-in, the team, the discrepancy queue, certification, recounts
 * and the recount report. Each checks who is asking (session token, role, PIN where the action is
 * final) and calls the domain in electron/core/verify.
 */
import { buildCountyView } from '../../county/county-view';
import { currentOperator, signIn, signOut } from '../../operators/sessions';
import { type AppError, appError, ok, type Result } from '../../result';
import type { CountyStore } from '../../store/county-store';
import { correctCertifiedResult, enterRecount } from '../../verify/certified-change';
import { certifyCounty, certifyPrecinct } from '../../verify/certify';
import { listDiscrepancies } from '../../verify/discrepancies';
import { recountReportPdf } from '../../verify/recount-report-pdf';
import { recountReportXlsx } from '../../verify/recount-report-xlsx';
import { buildRecountSummary } from '../../verify/recount-summary';
import { resolveDiscrepancy } from '../../verify/resolve-discrepancy';
import { VERIFICATION_POLICY } from '../../verify/verification-policy';
import type { ApiMethodName } from '../methods';
import type { ApiParsedInput } from '../schemas';
import type { ApiOutputs } from '../types';
import { actorFor, addTeamMember, getTeam, signUpFirstChair } from './operators';

type VerificationMethod =
  | 'getTeam'
  | 'signUpChair'
  | 'signIn'
  | 'signOut'
  | 'getSession'
  | 'addOperator'
  | 'getVerificationPolicy'
  | 'getDiscrepancies'
  | 'resolveDiscrepancy'
  | 'certifyPrecinct'
  | 'certifyCounty'
  | 'submitRecount'
  | 'correctCertifiedResult'
  | 'getRecountSummary'
  | 'exportRecountReport';

export type VerificationHandlers = {
  [M in VerificationMethod & ApiMethodName]: (
    input: ApiParsedInput<M>,
  ) => Result<ApiOutputs[M], AppError> | Promise<Result<ApiOutputs[M], AppError>>;
};

export function verificationHandlers(store: CountyStore, clock: () => Date): VerificationHandlers {
  const now = () => clock().toISOString();
  const needCounty = () => {
    const election = store.getElection();
    return election ? ok(election) : appError('NO_COUNTY', 'Set up the county first.');
  };
  return {
    getTeam: () => ok(getTeam(store)),
    signUpChair: (input) => signUpFirstChair(store, input, clock()),
    signIn: (input) => signIn(store, input, clock()),
    signOut: (input) => signOut(store, input.session, clock()),
    getSession: (input) => currentOperator(store, input.session, clock()),
    addOperator: (input) => {
      const chair = actorFor(store, input, 'manage-operators', clock());
      if (!chair.ok) return chair;
      return addTeamMember(store, chair.value, { name: input.name, role: input.role, pin: input.pin }, now());
    },
    getVerificationPolicy: () => ok({ ...VERIFICATION_POLICY }),
    getDiscrepancies: () => {
      const election = needCounty();
      if (!election.ok) return election;
      return ok(listDiscrepancies(buildCountyView(store, election.value)));
    },
    resolveDiscrepancy: (input) => {
      const chair = actorFor(store, input, 'resolve', clock());
      if (!chair.ok) return chair;
      return resolveDiscrepancy(store, chair.value, input, now());
    },
    certifyPrecinct: (input) => {
      const chair = actorFor(store, input, 'certify', clock());
      if (!chair.ok) return chair;
      return certifyPrecinct(store, chair.value, input, now());
    },
    certifyCounty: (input) => {
      const chair = actorFor(store, input, 'certify', clock());
      if (!chair.ok) return chair;
      return certifyCounty(store, chair.value, input, now());
    },
    submitRecount: (input) => {
      const verifier = actorFor(store, input, 'enter-recount', clock());
      if (!verifier.ok) return verifier;
      return enterRecount(store, verifier.value, input, now());
    },
    correctCertifiedResult: (input) => {
      const chair = actorFor(store, input, 'certify', clock());
      if (!chair.ok) return chair;
      return correctCertifiedResult(store, chair.value, input, now());
    },
    getRecountSummary: () => {
      const election = needCounty();
      if (!election.ok) return election;
      return ok(buildRecountSummary(store, election.value, now()));
    },
    exportRecountReport: async (input) => {
      const election = needCounty();
      if (!election.ok) return election;
      const summary = buildRecountSummary(store, election.value, now());
      const stem = `recount-report-${slug(election.value.county)}`;
      if (input.format === 'xlsx') {
        return ok({
          fileName: `${stem}.xlsx`,
          mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          contentBase64: Buffer.from(recountReportXlsx(summary)).toString('base64'),
        });
      }
      return ok({
        fileName: `${stem}.pdf`,
        mediaType: 'application/pdf',
        contentBase64: Buffer.from(await recountReportPdf(summary)).toString('base64'),
      });
    },
  };
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'county'
  );
}
