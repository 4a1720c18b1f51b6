import { describe, expect, it } from 'vitest';
import {
  COUNT_DIGITS,
  candidateFields,
  combDigits,
  DELEGATE_DIGITS,
  MAX_CANDIDATES,
  parseWorksheetQr,
  type Rect,
  type WorksheetInput,
  type WorksheetLayout,
  worksheetElectionId,
  worksheetLayout,
  worksheetQrPayload,
} from '../../../electron/core/ocr/worksheet-layout';
import { qrModules } from '../../../electron/core/ocr/worksheet-qr';
import { thresholdTable } from '../../../electron/core/ocr/worksheet-threshold-table';
import { viabilityThreshold } from '../../../electron/core/rules/viability';

const ELECTION = { county: 'Tally County', name: 'Tally County Democratic Caucus', date: '2026-02-02' };

function input(candidates: number, delegates = 9, code = 'P01'): WorksheetInput {
  return {
    election: ELECTION,
    // Given out of order: the sheet lists them in ballot order.
    candidates: Array.from({ length: candidates }, (_, index) => ({
      name: `Candidate ${candidates - index}`,
      ballotOrder: candidates - index,
    })),
    precinct: { code, name: 'Ames 1', delegates },
  };
}

function layoutOf(candidates: number): WorksheetLayout {
  const layout = worksheetLayout(input(candidates));
  if (!layout.ok) throw new Error(layout.error.message);
  return layout.value;
}

/** Every printed element a reader must not confuse with another, with a name for failure messages. */
function elements(layout: WorksheetLayout): { name: string; rect: Rect }[] {
  const quiet = layout.qr.quietZone;
  const qr = layout.qr.rect;
  return [
    ...layout.marks.map((mark) => ({ name: `mark ${mark.corner}`, rect: mark.rect })),
    { name: 'orientation mark', rect: layout.orientationMark },
    {
      name: 'QR with quiet zone',
      rect: { x: qr.x - quiet, y: qr.y - quiet, width: qr.width + 2 * quiet, height: qr.height + 2 * quiet },
    },
    { name: 'header', rect: layout.header },
    { name: 'threshold table', rect: layout.thresholdTable },
    { name: 'instructions', rect: layout.instructions },
    ...layout.rows.flatMap((row) => [
      { name: `${row.candidate} name`, rect: row.name },
      ...[row.first, row.final, row.delegates].flatMap((field) =>
        field.boxes.map((box, index) => ({ name: `${row.candidate} ${field.column} box ${index + 1}`, rect: box })),
      ),
    ]),
    ...[layout.totals.first, layout.totals.final, layout.totals.delegates].flatMap((field) =>
      field.boxes.map((box, index) => ({ name: `total ${field.column} box ${index + 1}`, rect: box })),
    ),
    { name: 'totals label', rect: layout.totals.label },
    { name: 'coin tosses', rect: layout.coinToss.rect },
    { name: 'signatures', rect: layout.signatures.rect },
  ];
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('worksheet layout', () => {
  it.each([1, 6, 8, 9, 10, 11, MAX_CANDIDATES])(
    'with %i candidates, everything is on the page and nothing overlaps',
    (count) => {
      const layout = layoutOf(count);
      const all = elements(layout);
      for (const { name, rect } of all) {
        expect(rect.x, name).toBeGreaterThanOrEqual(0);
        expect(rect.y, name).toBeGreaterThanOrEqual(0);
        expect(rect.x + rect.width, name).toBeLessThanOrEqual(layout.page.width);
        expect(rect.y + rect.height, name).toBeLessThanOrEqual(layout.page.height);
      }
      for (let i = 0; i < all.length; i += 1) {
        for (let j = i + 1; j < all.length; j += 1) {
          const a = all[i];
          const b = all[j];
          if (a && b) expect(overlap(a.rect, b.rect), `${a.name} overlaps ${b.name}`).toBe(false);
        }
      }
    },
  );

  it('is a US Letter page with a mark in each corner, clear of the page content', () => {
    const layout = layoutOf(6);
    expect(layout.page).toEqual({ width: 612, height: 792 });
    expect(layout.marks.map((mark) => mark.corner)).toEqual(['top-left', 'top-right', 'bottom-left', 'bottom-right']);
    const [topLeft, topRight, bottomLeft, bottomRight] = layout.marks.map((mark) => mark.center);
    // The mark centres form a rectangle: a reader maps them to pixels with one homography.
    expect(topLeft?.y).toBe(topRight?.y);
    expect(bottomLeft?.y).toBe(bottomRight?.y);
    expect(topLeft?.x).toBe(bottomLeft?.x);
    expect(topRight?.x).toBe(bottomRight?.x);
  });

  it('tells which way is up: only the top-left mark has a small square beside it, in every rotation', () => {
    const layout = layoutOf(6);
    const centre = (rect: Rect) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
    const orientation = centre(layout.orientationMark);
    const distances = layout.marks.map((mark) =>
      Math.hypot(mark.center.x - orientation.x, mark.center.y - orientation.y),
    );
    const [nearest, ...others] = [...distances].sort((a, b) => a - b);
    expect(distances[0]).toBe(nearest);
    // Far nearer its own mark than to any other: unambiguous after a turn of 90, 180 or 270 degrees.
    for (const other of others) expect(other).toBeGreaterThan(20 * (nearest ?? 0));
    // Smaller than a corner mark, so it is never taken for one.
    expect(layout.orientationMark.width).toBeLessThan((layout.marks[0]?.rect.width ?? 0) / 2);
  });

  it('lists candidates in ballot order with three comb fields each, one box per digit', () => {
    const layout = layoutOf(4);
    expect(layout.rows.map((row) => row.candidate)).toEqual([
      'Candidate 1',
      'Candidate 2',
      'Candidate 3',
      'Candidate 4',
    ]);
    const fields = candidateFields(layout);
    expect(fields).toHaveLength(12);
    for (const field of fields) {
      expect(field.boxes).toHaveLength(field.column === 'delegates' ? DELEGATE_DIGITS : COUNT_DIGITS);
      expect(field.digits).toBe(field.boxes.length);
      // Boxes left to right, same row, inside the field.
      field.boxes.forEach((box, index) => {
        expect(box.y).toBe(field.rect.y);
        if (index > 0) expect(box.x).toBeGreaterThan(field.boxes[index - 1]?.x ?? 0);
        expect(box.x + box.width).toBeLessThanOrEqual(field.rect.x + field.rect.width);
      });
    }
  });

  it('keeps boxes large enough to write in, even at the most candidates', () => {
    const layout = layoutOf(MAX_CANDIDATES);
    for (const field of candidateFields(layout)) {
      for (const box of field.boxes) {
        expect(box.width).toBeGreaterThanOrEqual(18);
        expect(box.height).toBeGreaterThanOrEqual(18);
      }
    }
  });

  it('refuses what does not fit one page, with a sentence that says why', () => {
    const many = worksheetLayout(input(MAX_CANDIDATES + 1));
    expect(many.ok).toBe(false);
    if (!many.ok) {
      expect(many.error.code).toBe('WORKSHEET_TOO_MANY_CANDIDATES');
      expect(many.error.message).toContain(String(MAX_CANDIDATES));
    }
    const none = worksheetLayout(input(0));
    expect(none.ok ? null : none.error.code).toBe('WORKSHEET_NO_CANDIDATES');
    const delegates = worksheetLayout(input(3, 1000));
    expect(delegates.ok ? null : delegates.error.code).toBe('WORKSHEET_TOO_MANY_DELEGATES');
  });

  it('writes numbers right-aligned, one digit per box', () => {
    expect(combDigits(42, 4)).toEqual([null, null, '4', '2']);
    expect(combDigits(0, 3)).toEqual([null, null, '0']);
    expect(combDigits(9999, 4)).toEqual(['9', '9', '9', '9']);
    expect(() => combDigits(10000, 4)).toThrow(RangeError);
  });
});

describe('worksheet QR', () => {
  it('round-trips election, precinct and form version, precinct codes with any characters included', () => {
    for (const code of ['P01', '0007', 'Ames 1/North', 'Précinct: 3', '100%']) {
      const payload = worksheetQrPayload({ election: ELECTION, precinct: code });
      const parsed = parseWorksheetQr(payload);
      expect(parsed).toEqual({
        ok: true,
        value: { formVersion: 1, electionId: worksheetElectionId(ELECTION), precinct: code },
      });
    }
  });

  it('names the election by a hash that changes with the county, name or date', () => {
    const id = worksheetElectionId(ELECTION);
    expect(id).toMatch(/^[0-9a-f]{10}$/);
    expect(worksheetElectionId({ ...ELECTION, date: '2028-02-07' })).not.toBe(id);
    expect(worksheetElectionId({ ...ELECTION, county: 'Story County' })).not.toBe(id);
    expect(worksheetElectionId({ ...ELECTION, name: 'Another caucus' })).not.toBe(id);
  });

  it('reads later form versions (the reader decides what it knows) and refuses text that is not ours', () => {
    const later = parseWorksheetQr(worksheetQrPayload({ election: ELECTION, precinct: 'P01', formVersion: 2 }));
    expect(later.ok && later.value.formVersion).toBe(2);
    for (const text of [
      '',
      'https://example.org/',
      'TALLYROOM-WS/1/6b3881cfaa',
      'TALLYROOM-WS/0/6b3881cfaa/P01',
      'TALLYROOM-WS/1/NOTHEX0000/P01',
      'TALLYROOM-WS/1/6b3881cfaa/%E0%A4%A',
      'TALLYROOM-WS/1/6b3881cfaa/P01/extra',
    ]) {
      const parsed = parseWorksheetQr(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error.code).toBe('WORKSHEET_QR_UNKNOWN');
    }
  });

  it('is a small QR symbol: at least 3 points per module in the printed square', () => {
    const layout = layoutOf(6);
    const modules = qrModules(layout.qr.payload);
    expect(layout.qr.rect.width / modules.size).toBeGreaterThanOrEqual(3);
  });
});

describe('threshold table', () => {
  it('gives, for every attendance it lists, the threshold the rules compute', () => {
    for (const delegates of [2, 3, 4, 9]) {
      const table = thresholdTable('iowa-dem-2020', delegates, 70);
      expect(table.ranges.length).toBe(70);
      let next = 1;
      for (const range of table.ranges) {
        expect(range.from).toBe(next);
        for (let attendees = range.from; attendees <= range.to; attendees += 1) {
          expect(viabilityThreshold(attendees, delegates)).toBe(range.threshold);
        }
        next = range.to + 1;
      }
    }
  });

  it('has no table for one delegate or plurality rules, only the rule in words', () => {
    expect(thresholdTable('iowa-dem-2020', 1, 70)).toMatchObject({ ranges: [] });
    expect(thresholdTable('iowa-dem-2020', 1, 70).rule).toContain('largest group');
    expect(thresholdTable('plurality', 5, 70)).toMatchObject({ ranges: [] });
  });
});
