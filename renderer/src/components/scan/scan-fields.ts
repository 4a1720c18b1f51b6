/** A scanned page's fields as the person checks them: their labels, and the worksheet lines the values typed so far make. */
import type { ApiOutputs } from '../../../../electron/core/api/types';
import type { WorksheetLine } from '../../api/types';

export type ScanView = ApiOutputs['getScanReading'];

export type PageView = ScanView['pages'][number];

export type Column = PageView['fields'][number]['column'];

export const COLUMN_LABELS: Record<Column, string> = {
  first: 'First alignment',
  final: 'Final alignment',
  delegates: 'Delegates awarded',
};

export interface FieldState {
  readonly text: string;
  readonly confirmed: boolean;
}

export const isCount = (text: string) => /^\d{1,6}$/.test(text.trim());

export const LINE_FIELDS = {
  first: 'firstAlignment',
  final: 'finalAlignment',
  delegates: 'delegatesAwarded',
} as const satisfies Record<Column, keyof WorksheetLine>;

/** The worksheet lines the values typed so far make, for the rules to evaluate. */
export function linesOf(page: PageView, fields: readonly FieldState[]): WorksheetLine[] {
  const lines = new Map<string, { -readonly [K in keyof WorksheetLine]: WorksheetLine[K] }>();
  page.fields.forEach((field, index) => {
    const line = lines.get(field.candidate) ?? {
      candidate: field.candidate,
      firstAlignment: null,
      finalAlignment: null,
      delegatesAwarded: null,
    };
    const text = fields[index]?.text.trim() ?? '';
    line[LINE_FIELDS[field.column]] = isCount(text) ? Number(text) : null;
    lines.set(field.candidate, line);
  });
  return [...lines.values()];
}
