/**
 * What is wrong with a scanned page, and what to do about it, in words for the person at the desk.
 * The reader's own message says what it saw; the advice here says what to do next.
 */
import type { ReviewReason, ScanProblemCode } from '../../../electron/core/api/types';
import { Notice } from './ui';
import './ScanProblems.css';

const ADVICE: Record<ScanProblemCode, { title: string; todo: string; severe: boolean }> = {
  NOT_AN_IMAGE: {
    title: 'Not a picture Tallyroom can open',
    todo: 'Set it aside as unreadable and ask for the worksheet again (a photo or a scan), or key it in from the paper.',
    severe: true,
  },
  IMAGE_TOO_LARGE: {
    title: 'Picture too large to read safely',
    todo: 'Scan it again at a normal resolution (200–300 dpi), or key the worksheet in. Set this one aside.',
    severe: true,
  },
  NO_WORKSHEET_FOUND: {
    title: 'Unreadable photo',
    todo: 'Take the photo again flat, in good light, with the whole sheet in view, or key the worksheet in. Set this one aside as unreadable.',
    severe: true,
  },
  WRONG_ELECTION: {
    title: 'Worksheet of another election',
    todo: 'It cannot enter this county’s results. Set it aside and find the right worksheet.',
    severe: true,
  },
  UNKNOWN_PRECINCT: {
    title: 'Precinct not in this county',
    todo: 'Check the paper. If it is one of this county’s precincts, choose it below and say why.',
    severe: true,
  },
  PRECINCT_MISMATCH: {
    title: 'Wrong precinct',
    todo: 'The QR code decides: the numbers are filed under the precinct it names. Only if the paper really belongs to another precinct, choose that one below and say why.',
    severe: true,
  },
  FORM_VERSION: {
    title: 'Unknown worksheet form',
    todo: 'This version of Tallyroom does not know this form. Key the worksheet in from the paper.',
    severe: true,
  },
  BLANK_SHEET: {
    title: 'Blank sheet',
    todo: 'Nothing is written on it. Check that the filled-in, signed worksheet was scanned, not a blank copy; set this one aside.',
    severe: true,
  },
};

/** A reader's problem code (a file that cannot be read at all comes back as an error with one). */
export function isScanProblemCode(code: unknown): code is ScanProblemCode {
  return typeof code === 'string' && code in ADVICE;
}

export function ScanProblems({ problems }: { problems: readonly { code: string; message: string }[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="scan-problems" data-testid="scan-problems">
      {problems.map((problem) => {
        const advice = ADVICE[problem.code as ScanProblemCode];
        return (
          <Notice key={problem.code} kind={advice?.severe === false ? 'warning' : 'error'} role="alert">
            <strong>{advice?.title ?? 'Problem with this page'}.</strong> {problem.message}{' '}
            {advice ? <span className="scan-problem-todo">{advice.todo}</span> : null}
          </Notice>
        );
      })}
    </div>
  );
}

const REASONS: Record<ReviewReason | 'ENGINES_DISAGREE' | 'LOW_CONFIDENCE' | 'UNREADABLE', string> = {
  READERS_DISAGREE: 'the readers disagree',
  UNSURE_DIGIT: 'a digit was not read surely',
  NOT_ONE_NUMBER: 'an empty box between the digits',
  EMPTY_FIELD: 'nothing is written in the boxes',
  ARITHMETIC: 'the total written under this column is not the sum of its values',
  RULES: 'the caucus rules do not hold with this value',
  PAGE_NOT_TRUSTED: 'the sheet’s QR code or a corner mark could not be read',
  NOT_OUR_FORM: 'not a Tallyroom form: every value is checked by a person',
  // Codes of readings stored by earlier versions.
  ENGINES_DISAGREE: 'the two readers disagree',
  LOW_CONFIDENCE: 'a reader was unsure of a digit',
  UNREADABLE: 'something is written but could not be read as digits',
};

/** "Check: the two readers disagree (7 or 1)." */
export function reviewReasonText(
  reasons: readonly string[],
  engines: { readonly tesseract: string | null; readonly classifier: string | null },
): string {
  const words = reasons.map((reason) => {
    const text = REASONS[reason as keyof typeof REASONS] ?? reason.toLowerCase().replace(/_/g, ' ');
    if (
      (reason === 'READERS_DISAGREE' || reason === 'ENGINES_DISAGREE') &&
      engines.tesseract !== null &&
      engines.classifier !== null
    ) {
      return `${text} (${engines.tesseract} or ${engines.classifier})`;
    }
    return text;
  });
  if (words.length === 0) return 'Check against the crop.';
  const sentence = words.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
