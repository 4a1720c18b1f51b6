/**
 * The printable certification report (docs/BUNDLE.md): the county's results as the bundle carries them,
 * each precinct's status and who certified it when, the signing key's fingerprint, and lines for
 * the chair and a witness to sign. The copy inside the bundle cannot name the bundle's own
 * fingerprint (the fingerprint covers the report); the copy printed after export does.
 */
import { createReport, INK, MUTED, PAGE, PageWriter, printable } from '../report-pdf/page-writer';
import { readableFingerprint } from './bundle-fingerprint';
import type { ResultsDocument } from './results-document';

export interface CertificationFacts {
  readonly document: ResultsDocument;
  /** The county key's fingerprint as the state party registered it (publicKeyFingerprint). */
  readonly keyFingerprint: string;
  /** The county's certification by the chair, when given. */
  readonly county: { readonly operator: string; readonly certifiedAt: string; readonly changedSince: boolean } | null;
  /** Precinct code -> who certified it and when. */
  readonly precincts: ReadonlyMap<string, { readonly operator: string; readonly certifiedAt: string }>;
  /** sha256 of the exported bundle's tag manifest; absent in the copy inside the bundle. */
  readonly bundleFingerprint?: string;
}

export async function certificationReportPdf(facts: CertificationFacts): Promise<Uint8Array> {
  const { document } = facts;
  const generated = new Date(document.bundle.generatedAt);
  const { pdf, regular, bold } = await createReport(`Certification report — ${document.county}`, generated);
  const writer = new CertificationPageWriter(pdf, regular, bold);

  writer.text(`Certification report — ${document.county}`, { size: 18, bold: true });
  writer.text(
    `${document.election.name} · ${document.election.date} · rules ${document.election.rulesProfile} · bundle ${document.bundle.sequence} (${document.bundle.status}) · generated ${document.bundle.generatedAt}`,
    { size: 9, color: MUTED },
  );
  writer.gap(6);
  writer.text(
    facts.county
      ? `Certified by ${facts.county.operator} at ${facts.county.certifiedAt}${facts.county.changedSince ? ' (a precinct changed since; certify again)' : ''}.`
      : 'The county has not been certified by its chair: these results are unofficial.',
    { size: 11, bold: true },
  );
  writer.text(
    `Precincts reporting: ${document.precinctsReporting} of ${document.precincts.length}. County delegates: ${document.precincts.reduce((sum, precinct) => sum + precinct.delegates, 0)}.`,
    { size: 10 },
  );

  writer.gap(10);
  writer.text('County totals', { size: 12, bold: true });
  writer.row(['Candidate', 'First', 'Final', 'Delegates', 'SDE'], { header: true });
  for (const total of document.totals) {
    writer.row([
      total.candidate,
      String(total.firstAlignment),
      String(total.finalAlignment),
      String(total.delegates),
      formatSde(total.sde),
    ]);
  }

  writer.gap(10);
  writer.text('Precincts', { size: 12, bold: true });
  for (const precinct of document.precincts) {
    writer.gap(4);
    writer.ensure(40);
    const certified = facts.precincts.get(precinct.code);
    writer.text(
      `${precinct.code} · ${precinct.name} — ${precinct.status}${certified ? `, certified by ${certified.operator} at ${certified.certifiedAt}` : ''}`,
      { size: 9, bold: true },
    );
    if (!precinct.result) {
      writer.text('No settled result.', { size: 9, color: MUTED });
      continue;
    }
    for (const line of precinct.result.lines) {
      writer.row([
        line.candidate,
        formatCount(line.firstAlignment),
        formatCount(line.finalAlignment),
        formatCount(line.delegatesAwarded),
        line.sde === null ? '-' : formatSde(line.sde),
      ]);
    }
  }

  writer.gap(14);
  writer.ensure(170);
  writer.text('Signing', { size: 12, bold: true });
  writer.text(`County key ${document.bundle.keyId}, fingerprint ${facts.keyFingerprint}`, { size: 9 });
  writer.text(
    facts.bundleFingerprint
      ? `Bundle fingerprint (sha256 of tagmanifest-sha256.txt): ${readableFingerprint(facts.bundleFingerprint)}`
      : 'Bundle fingerprint: printed on the copy made after export (this copy travels inside the bundle it would describe).',
    { size: 9 },
  );
  if (facts.bundleFingerprint) writer.text(facts.bundleFingerprint, { size: 8, color: MUTED });
  writer.gap(24);
  writer.signatureLine('County chair');
  writer.gap(24);
  writer.signatureLine('Witness');
  return pdf.save();
}

class CertificationPageWriter extends PageWriter {
  private static readonly COLUMNS = [PAGE.margin, 230, 320, 410, 500];

  row(cells: readonly string[], options: { header?: boolean } = {}): void {
    this.ensure(14);
    this.y -= 13;
    cells.forEach((cell, index) => {
      this.page.drawText(printable(cell).slice(0, index === 0 ? 34 : 14), {
        x: CertificationPageWriter.COLUMNS[index] ?? PAGE.margin,
        y: this.y,
        size: 9,
        font: options.header ? this.bold : this.font,
        color: options.header ? MUTED : INK,
      });
    });
  }

  signatureLine(label: string): void {
    this.ensure(30);
    this.y -= 14;
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y },
      end: { x: PAGE.margin + 260, y: this.y },
      thickness: 0.8,
      color: INK,
    });
    this.page.drawLine({
      start: { x: PAGE.margin + 300, y: this.y },
      end: { x: PAGE.width - PAGE.margin, y: this.y },
      thickness: 0.8,
      color: INK,
    });
    this.y -= 11;
    this.page.drawText(`${label}: signature`, { x: PAGE.margin, y: this.y, size: 8, font: this.font, color: MUTED });
    this.page.drawText('Date and time', { x: PAGE.margin + 300, y: this.y, size: 8, font: this.font, color: MUTED });
  }
}

function formatCount(value: number | null): string {
  return value === null ? '-' : String(value);
}

function formatSde(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, '');
}
