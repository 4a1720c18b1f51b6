/**
 * Intake through the API the app calls: files uploaded as bytes (dropped, or chosen from a
 * folder laid out like a drive) go through the same staged intake as `tallyroom import`, with a
 * result per file; quarantined mail is listed with what it holds and accepted or refused by the chair.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INTAKE_FIXTURES, intakeCounty } from '../helpers/intake-county';
import { expectOk, type TempCounty } from '../helpers/temp-county';

let county: TempCounty;
beforeEach(async () => {
  county = await intakeCounty();
});
afterEach(() => county.cleanup());

const upload = (fileName: string, fixture?: string) => ({
  fileName,
  contentBase64: fixture ? readFileSync(join(INTAKE_FIXTURES, fixture)).toString('base64') : '',
});

describe('importFiles', () => {
  it('imports a drive-like folder with a result per file; litter is skipped, the same bytes again are duplicates', async () => {
    const files = [
      upload('STICK/DM-01.csv', 'good/DM-01.csv'),
      upload('STICK/DM-02.json', 'good/DM-02.json'),
      upload('STICK/DM-01-worksheet.png', 'good/DM-01-worksheet.png'),
      upload('STICK/negative-count.csv', 'malformed/negative-count.csv'),
      upload('STICK/notes.docx', 'malformed/notes.docx'),
      { fileName: 'STICK/.DS_Store', contentBase64: Buffer.from('litter').toString('base64') },
    ];
    const first = expectOk(await county.api.importFiles({ operator: 'Desk', files }));
    expect(first).toMatchObject({ imported: 2, duplicates: 0, conflicts: 0, pendingReview: 1 });
    expect(first.rejected.map((entry) => [entry.path, entry.code])).toEqual([
      ['STICK/negative-count.csv', expect.any(String)],
      ['STICK/notes.docx', 'UNSUPPORTED_FORMAT'],
    ]);
    expect(first.files.map((file) => [file.path, file.outcome])).toEqual([
      ['STICK/DM-01.csv', 'imported'],
      ['STICK/DM-02.json', 'imported'],
      ['STICK/DM-01-worksheet.png', 'pending-review'],
      ['STICK/negative-count.csv', 'rejected'],
      ['STICK/notes.docx', 'rejected'],
      ['STICK/.DS_Store', 'skipped'],
    ]);
    expect(expectOk(await county.api.listScanQueue({}))).toEqual([
      expect.objectContaining({ fileName: 'DM-01-worksheet.png', status: 'pending-ocr', operator: 'Desk' }),
    ]);
    const again = expectOk(await county.api.importFiles({ operator: 'Desk', files: files.slice(0, 3) }));
    expect(again).toMatchObject({ imported: 0, duplicates: 3, conflicts: 0, rejected: [], pendingReview: 0 });
    expect(again.files.every((file) => file.outcome === 'duplicate')).toBe(true);

    const conflict = expectOk(
      await county.api.importFiles({
        operator: 'Desk',
        files: [upload('DM-01-recount.json', 'conflict/DM-01-recount.json')],
      }),
    );
    expect(conflict).toMatchObject({ imported: 1, conflicts: 1 });
    expect(conflict.files[0]?.outcome).toBe('conflict');
  });

  it('refuses a county without a county, and input that is not files', async () => {
    const empty = (await import('../helpers/temp-county')).tempCounty();
    try {
      const result = await empty.api.importFiles({ operator: 'Desk', files: [upload('a.csv', 'good/DM-01.csv')] });
      expect(result.ok || result.error.code).toBe('NO_COUNTY');
    } finally {
      empty.cleanup();
    }
    const invalid = await county.api.importFiles({ operator: 'Desk', files: [] });
    expect(invalid.ok || invalid.error.code).toBe('INVALID_INPUT');
  });
});

describe('quarantine through the API', () => {
  it('lists a stranger’s mail with its attachments; the decision is recorded once', async () => {
    const imported = expectOk(
      await county.api.importFiles({
        operator: 'Desk',
        files: [
          upload('from-stranger.eml', 'mail/from-stranger.eml'),
          upload('chair.eml', 'mail/from-chair-DM-02.eml'),
        ],
      }),
    );
    expect(imported.files.map((file) => file.outcome)).toEqual(['pending-review', 'imported']);
    const [item] = expectOk(await county.api.listQuarantine({}));
    expect(item).toMatchObject({ reasonCode: 'UNKNOWN_SENDER', decision: null });
    expect(item?.attachments.length).toBeGreaterThan(0);
    // No team in this county: a decision on quarantined mail needs a signed-in chair.
    const refused = await county.api.acceptQuarantined({ id: item?.id ?? 0, operator: 'Desk' });
    expect(refused.ok || refused.error.code).toBe('NOT_SIGNED_IN');
    const chair = expectOk(await county.api.signUpChair({ name: 'Lee Chair', pin: '864200' }));
    const rejected = expectOk(
      await county.api.rejectQuarantined({ id: item?.id ?? 0, session: chair.session, note: 'Not a chair' }),
    );
    expect(rejected).toMatchObject({ decision: 'rejected', decidedBy: 'Lee Chair', note: 'Not a chair' });
    expect(expectOk(await county.api.listQuarantine({}))).toEqual([]);
    expect(expectOk(await county.api.listQuarantine({ pendingOnly: false }))).toHaveLength(1);
    const twice = await county.api.acceptQuarantined({ id: item?.id ?? 0, session: chair.session });
    expect(twice.ok || twice.error.code).toBe('ALREADY_DECIDED');
  });
});
