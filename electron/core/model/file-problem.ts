/** A problem in one cell or row of an imported file (1-based row as a spreadsheet shows it). */
export interface FileProblem {
  readonly row: number;
  readonly column: string | null;
  readonly message: string;
}
