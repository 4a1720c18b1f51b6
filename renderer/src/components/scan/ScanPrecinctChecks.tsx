/** Scan review: what the page's QR code says about its precinct, and a sheet of another precinct than the one chosen. */
import { useOverview } from '../../api/hooks';
import type { PageView } from './scan-types';

/**
 * The sheet is not the precinct the person said: the first thing on the page, in words, with both
 * precincts named. The QR code decides; the numbers go to the precinct it names unless the person
 * chooses another below and says why.
 */
export function PrecinctMismatch({ page }: { page: PageView }) {
  const overview = useOverview();
  const qr = page.precinct;
  const expected = page.expectedPrecinct;
  if (qr === null || expected === null || qr === expected) return null;
  const named = (code: string) => {
    const name = overview.data?.precincts.find((row) => row.code === code)?.name;
    return name ? `${code} · ${name}` : code;
  };
  return (
    <div className="notice notice-error scan-precinct-mismatch" role="alert" data-testid="scan-precinct-mismatch">
      <strong className="scan-mismatch-title">
        This sheet is precinct {named(qr)}, not {named(expected)} as you said.
      </strong>
      <p>
        Its QR code says so, and the QR code decides: confirming files these numbers under precinct{' '}
        <strong>{qr}</strong>, not {expected}. Check the paper: if it is {qr}’s worksheet, go on; find {expected}’s
        worksheet separately. Only if this paper really is {expected}’s, choose {expected} below and give the reason.
      </p>
    </div>
  );
}

export function PrecinctFromQr({ page }: { page: PageView }) {
  const overview = useOverview();
  const name = overview.data?.precincts.find((row) => row.code === page.precinct)?.name;
  if (page.precinct === null) {
    return (
      <p className="scan-qr scan-qr-missing" data-testid="scan-qr">
        No QR code could be read on this page: choose the precinct from the paper below.
      </p>
    );
  }
  return (
    <p className="scan-qr" data-testid="scan-qr">
      <span className="field-label">The QR code says</span>{' '}
      <strong className="scan-qr-precinct">
        {page.precinct}
        {name ? ` · ${name}` : ''}
      </strong>
      {page.expectedPrecinct && page.expectedPrecinct !== page.precinct ? (
        <span className="tag warn">you said {page.expectedPrecinct}</span>
      ) : page.expectedPrecinct ? (
        <span className="tag muted">as you said</span>
      ) : null}
    </p>
  );
}
