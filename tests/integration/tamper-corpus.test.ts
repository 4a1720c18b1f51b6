/**
 * The tamper corpus (docs/SECURITY.md, "What the health check detects"): edits made to copies of a
 * real county database behind the app's back, as someone with the laptop or the file would, with
 * the append-only triggers dropped first where they would stop the edit. Each edit is either
 * detected by the health check with a sentence that says what was changed, or listed in
 * docs/SECURITY.md as not detectable from the file alone — and then this test proves it is not
 * detected, so the document stays true.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCounty } from '../../electron/core/backup/backup-county';
import { restoreCounty } from '../../electron/core/backup/restore-county';
import { checkDatabaseHealth } from '../../electron/core/integrity/database-health';
import { openCountyStore } from '../../electron/core/store';
import { certifyCounty } from '../../electron/core/verify/certify';
import { handCount, STORY_CHAIR, STORY_SEED, storyCounty, storyPrecincts } from '../helpers/audit-county';
import { expectOk, tempCounty } from '../helpers/temp-county';
import { testProgram } from '../helpers/test-programs';

let dir: string;
let original: string;
/** The database as it stood before the last few changes: for rollbacks of the whole file. */
let earlier: string;

const SECURITY_DOC = readFileSync(join(import.meta.dirname, '../../docs/SECURITY.md'), 'utf8');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tallyroom-tamper-'));
  mkdirSync(join(dir, 'county'));
  const county = tempCounty(join(dir, 'county'));
  const team = await storyCounty(county, { certify: false });
  // Every precinct keyed twice from the paper; the first one a third time with a slip, resolved.
  for (const precinct of storyPrecincts()) {
    for (const session of [team.jordan, team.sam]) {
      expectOk(
        await county.api.submitWorksheet({
          session,
          precinct: precinct.code,
          lines: precinct.lines,
          coinTosses: [],
          source: 'manual',
        }),
      );
    }
  }
  const first = storyPrecincts()[0];
  if (!first) throw new Error('no precinct');
  const slip = first.lines.map((line, index) =>
    index === 0 ? { ...line, finalAlignment: (line.finalAlignment ?? 0) + 1 } : line,
  );
  expectOk(
    await county.api.submitWorksheet({
      session: team.sam,
      precinct: first.code,
      lines: slip,
      coinTosses: [],
      source: 'phone',
    }),
  );
  const reports = expectOk(await county.api.getPrecinct({ precinct: first.code })).reports.map((report) => report.id);
  expectOk(
    await county.api.resolveDiscrepancy({
      session: team.chair,
      precinct: first.code,
      settles: reports,
      chosenReportId: reports[0] as number,
      reason: 'The worksheet shows the first entry’s numbers; the phoned-in one was misheard.',
    }),
  );
  for (const precinct of storyPrecincts()) {
    expectOk(await county.api.certifyPrecinct({ session: team.chair, pin: STORY_CHAIR.pin, precinct: precinct.code }));
  }
  expectOk(await county.api.certifyCounty({ session: team.chair, pin: STORY_CHAIR.pin }));
  county.store.close();
  earlier = join(dir, 'earlier.db');
  copyWhole(county.dbPath, earlier);

  const later = tempCounty(join(dir, 'county'));
  expectOk(await later.api.auditStart({ session: team.riley, riskLimit: 10, seed: STORY_SEED }));
  const round = expectOk(await later.api.auditDraw({ session: team.riley }));
  const sampled = round.rounds[0]?.tickets[0]?.precinct;
  if (!sampled) throw new Error('no ticket drawn');
  expectOk(await later.api.auditEnterHandTally({ session: team.riley, precinct: sampled, counts: handCount(sampled) }));
  const second = storyPrecincts()[1];
  if (!second) throw new Error('no second precinct');
  expectOk(
    await later.api.submitRecount({
      session: team.riley,
      precinct: second.code,
      lines: second.lines,
      coinTosses: [],
      reason: 'Recount asked for by a campaign; the paper says the same.',
    }),
  );
  later.store.close();
  original = join(dir, 'original.db');
  copyWhole(later.dbPath, original);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database file and its WAL, as a copy of the laptop's folder would take them. */
function copyWhole(from: string, to: string): void {
  copyFileSync(from, to);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
    else rmSync(to + suffix, { force: true });
  }
}

let copies = 0;
/** A fresh copy of the county with `edit` applied to it by raw SQL, triggers dropped. */
function tampered(edit: (db: Database.Database) => void, from = original): string {
  const path = join(dir, `copy-${++copies}.db`);
  copyWhole(from, path);
  const db = new Database(path);
  try {
    // Someone editing the file is not held to its foreign keys either.
    db.pragma('foreign_keys = OFF');
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[];
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
    edit(db);
  } finally {
    db.close();
  }
  return path;
}

function healthOf(path: string) {
  const store = openCountyStore(path);
  try {
    return checkDatabaseHealth(store);
  } finally {
    store.close();
  }
}

interface DetectedEdit {
  readonly name: string;
  readonly edit: (db: Database.Database) => void;
  /** Words the chair's sentence must hold. */
  readonly says: RegExp;
}

const DETECTED: readonly DetectedEdit[] = [
  {
    name: 'a first-alignment count raised by 100 (the review’s finding)',
    edit: (db) => db.exec('UPDATE report_count SET first_alignment = first_alignment + 100 WHERE report_id = 1'),
    says: /Report 1 \(precinct [^)]+\) was changed in the database after audit entry \d+ recorded it/,
  },
  {
    name: 'a final alignment lowered in the report now certified',
    edit: (db) =>
      db.exec(
        'UPDATE report_count SET final_alignment = final_alignment - 1 WHERE report_id = (SELECT report_id FROM certification WHERE precinct_id IS NOT NULL ORDER BY id LIMIT 1) AND final_alignment > 0',
      ),
    says: /was changed in the database after audit entry/,
  },
  {
    name: 'delegates awarded written into a report that had none',
    edit: (db) => db.exec('UPDATE report_count SET delegates_awarded = 5 WHERE report_id = 2'),
    says: /Report 2 .* was changed in the database/,
  },
  {
    name: 'a report’s counts swapped between two candidates',
    edit: (db) => {
      const [a, b] = db
        .prepare('SELECT candidate_id AS id FROM report_count WHERE report_id = 3 ORDER BY candidate_id')
        .all() as {
        id: number;
      }[];
      db.prepare('UPDATE report_count SET candidate_id = -1 WHERE report_id = 3 AND candidate_id = ?').run(a?.id);
      db.prepare('UPDATE report_count SET candidate_id = ? WHERE report_id = 3 AND candidate_id = ?').run(a?.id, b?.id);
      db.prepare('UPDATE report_count SET candidate_id = ? WHERE report_id = 3 AND candidate_id = -1').run(b?.id);
    },
    says: /Report 3 .* (was changed|differ)/,
  },
  {
    name: 'a report’s stored content rewritten',
    edit: (db) =>
      db.exec(`UPDATE report SET content = replace(content, '"finalAlignment":', '"finalAlignment": ') WHERE id = 4`),
    says: /Report 4 \(precinct [^)]+\): its stored content no longer matches its sha256/,
  },
  {
    name: 'report content swapped between two reports of different precincts, sha256 with it',
    edit: (db) => {
      const a = db.prepare('SELECT content, sha256 FROM report WHERE id = 1').get() as {
        content: string;
        sha256: string;
      };
      const b = db.prepare('SELECT content, sha256 FROM report WHERE id = 5').get() as {
        content: string;
        sha256: string;
      };
      db.prepare('UPDATE report SET content = ?, sha256 = ? WHERE id = 1').run(b.content, b.sha256);
      db.prepare('UPDATE report SET content = ?, sha256 = ? WHERE id = 5').run(a.content, a.sha256);
    },
    says: /Report (1|5) .* (was changed|differ)/,
  },
  {
    name: 'counts and content changed together, the content’s sha256 recomputed',
    edit: (db) => {
      const row = db.prepare('SELECT content FROM report WHERE id = 1').get() as { content: string };
      const content = row.content.replace(
        /"firstAlignment":(\d+)/,
        (_, n: string) => `"firstAlignment":${Number(n) + 100}`,
      );
      db.prepare('UPDATE report SET content = ?, sha256 = ? WHERE id = 1').run(
        content,
        createHash('sha256').update(content).digest('hex'),
      );
      db.exec(
        'UPDATE report_count SET first_alignment = first_alignment + 100 WHERE report_id = 1 AND candidate_id = (SELECT min(candidate_id) FROM report_count WHERE report_id = 1)',
      );
    },
    says: /Report 1 .* was changed in the database after audit entry/,
  },
  {
    name: 'a report deleted in the middle of the night, with its counts',
    edit: (db) => {
      db.exec('DELETE FROM report_count WHERE report_id = 6');
      db.exec('DELETE FROM report_coin_toss WHERE report_id = 6');
      db.exec('DELETE FROM report WHERE id = 6');
    },
    says: /Report 6 recorded in audit entry \d+ is no longer in the database/,
  },
  {
    name: 'a report added behind the app’s back (a copy of another under a new id)',
    edit: (db) => {
      db.exec(
        'INSERT INTO report (id, precinct_id, source, operator, received_at, import_file_id, content, sha256, supersedes_id) SELECT 9999, precinct_id, source, operator, received_at, import_file_id, content, sha256, supersedes_id FROM report WHERE id = 1',
      );
      db.exec(
        'INSERT INTO report_count SELECT 9999, candidate_id, first_alignment, final_alignment, delegates_awarded, sde FROM report_count WHERE report_id = 1',
      );
    },
    says: /Report 9999 .* is in the database but not in the audit log/,
  },
  {
    name: 'a precinct’s certification pointed at another report',
    edit: (db) =>
      db.exec(
        'UPDATE certification SET report_id = (SELECT min(id) FROM report WHERE precinct_id = certification.precinct_id) WHERE id = (SELECT max(id) FROM certification WHERE precinct_id IS NOT NULL) ',
      ),
    says: /Certification \d+ was changed in the database after audit entry/,
  },
  {
    name: 'a precinct’s certification deleted',
    edit: (db) => db.exec('DELETE FROM certification WHERE id = (SELECT min(id) FROM certification)'),
    says: /Certification \d+ recorded in audit entry \d+ is no longer in the database/,
  },
  {
    name: 'a certification added for a precinct by SQL',
    edit: (db) =>
      db.exec(
        "INSERT INTO certification (precinct_id, report_id, through_report_id, operator, certified_at) SELECT precinct_id, id, id, 'Pat Chair', '2026-02-03T05:00:00.000Z' FROM report WHERE id = 1",
      ),
    says: /Certification \d+ is in the database but not in the audit log/,
  },
  {
    name: 'the chair’s resolution changed to choose the other report',
    edit: (db) => db.exec('UPDATE resolution SET chosen_report_id = (SELECT max(report_id) FROM resolution_settles)'),
    says: /Resolution 1 was changed in the database after audit entry/,
  },
  {
    name: 'a report slipped into the reports a resolution settles',
    edit: (db) => db.exec('INSERT INTO resolution_settles (resolution_id, report_id) VALUES (1, 7)'),
    says: /Resolution 1 was changed/,
  },
  {
    name: 'the recount’s reason rewritten',
    edit: (db) => db.exec("UPDATE certified_change SET reason = 'Nothing to see here.'"),
    says: /Recount or correction \d+ was changed in the database after audit entry/,
  },
  {
    name: 'an audit hand tally changed to agree with the reported count',
    edit: (db) => db.exec('UPDATE rla_hand_tally_count SET count = count + 3 WHERE tally_id = 1'),
    says: /Audit hand tally 1 was changed in the database after audit entry/,
  },
  {
    name: 'an audit hand tally deleted',
    edit: (db) => {
      db.exec('DELETE FROM rla_hand_tally_count WHERE tally_id = 1');
      db.exec('DELETE FROM rla_hand_tally WHERE id = 1');
    },
    says: /Audit hand tally 1 recorded in audit entry \d+ is no longer in the database/,
  },
  {
    name: 'an audit entry’s payload edited (the numbers it recorded)',
    edit: (db) =>
      db.exec(
        "UPDATE audit_log SET payload = replace(payload, '\"firstAlignment\":', '\"firstAlignment\":1') WHERE seq = (SELECT min(seq) FROM audit_log WHERE action = 'report.received')",
      ),
    says: /The audit log does not verify: Entry \d+ was changed after it was written/,
  },
  {
    name: 'an audit entry deleted in the middle',
    edit: (db) =>
      db.exec("DELETE FROM audit_log WHERE seq = (SELECT min(seq) FROM audit_log WHERE action = 'report.received')"),
    says: /The audit log does not verify: Entry \d+ is missing/,
  },
  {
    name: 'an audit entry’s stored hash rewritten',
    edit: (db) => {
      const seq = (
        db.prepare("SELECT min(seq) AS seq FROM audit_log WHERE action = 'report.received'").get() as { seq: number }
      ).seq;
      db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run('f'.repeat(64), seq);
    },
    says: /The audit log does not verify/,
  },
  {
    name: 'the numbers edited and the report’s audit entry rewritten to match, without the later chain',
    edit: (db) => {
      db.exec('UPDATE report_count SET first_alignment = first_alignment + 100 WHERE report_id = 1');
      db.exec(
        `UPDATE audit_log SET payload = json_remove(payload, '$.numbersSha256') WHERE action = 'report.received' AND json_extract(payload, '$.reportId') = 1`,
      );
    },
    says: /The audit log does not verify/,
  },
];

describe('the tamper corpus: edits the health check detects', () => {
  it('the untouched county is healthy', () => {
    expect(healthOf(tampered(() => {}))).toMatchObject({ ok: true, problem: '' });
  });

  it.each(DETECTED)('detects $name', ({ edit, says }) => {
    const health = healthOf(tampered(edit));
    expect(health.ok).toBe(false);
    expect(health.problem).toMatch(says);
  });

  it('has at least twenty edits', () => {
    expect(DETECTED.length).toBeGreaterThanOrEqual(20);
  });

  it('a whole-file rollback to an earlier copy is not detected by the file alone (docs/SECURITY.md says so)', () => {
    // The earlier copy is a real, consistent county: only an anchor kept outside the file can tell.
    expect(healthOf(tampered(() => {}, earlier))).toMatchObject({ ok: true });
    expect(SECURITY_DOC).toMatch(/rolling back the whole file/i);
  });
});

describe('the review’s finding end to end: a count raised by SQL with one trigger dropped', () => {
  const raised = () =>
    tampered((db) => db.exec('UPDATE report_count SET first_alignment = first_alignment + 100 WHERE report_id = 1'));

  it('tallyroom status prints the problem and exits 1, and its JSON says so', () => {
    const path = raised();
    const run = spawnSync(process.execPath, [testProgram('tallyroom'), 'status', '--db', path, '--json'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/fails the health check: .*Report 1 \(precinct [^)]+\) was changed in the database/);
    expect(JSON.parse(run.stdout).health).toMatchObject({ ok: false });
  });

  it('signs nothing: export is refused, and no bundle is written', () => {
    const path = raised();
    const key = join(dir, `key-${copies}`);
    const env = { ...process.env, TALLYROOM_KEY_PASSPHRASE: 'correct horse battery staple' };
    const keygen = spawnSync(process.execPath, [testProgram('tallyroom'), 'keygen', '--out', key], { env });
    expect(keygen.status).toBe(0);
    const out = join(dir, `bundle-${copies}.zip`);
    const run = spawnSync(
      process.execPath,
      [testProgram('tallyroom'), 'export', '--db', path, '--key', key, '--out', out],
      { encoding: 'utf8', env },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/Cannot sign and export the results: .*was changed in the database/);
    expect(existsSync(out)).toBe(false);
  });

  it('certifies nothing and backs nothing up', async () => {
    const path = raised();
    const store = openCountyStore(path);
    try {
      const backups = join(dir, `backups-${copies}`);
      mkdirSync(backups);
      const backup = await backupCounty(store, backups, 'manual', new Date('2026-02-03T06:00:00Z'));
      expect(backup.ok || backup.error.code).toBe('COUNTY_TAMPERED');
      const chair = { name: STORY_CHAIR.name, role: 'chair' as const };
      const certify = certifyCounty(store, chair, '2026-02-03T06:00:00Z');
      expect(certify.ok || certify.error.code).toBe('COUNTY_TAMPERED');
    } finally {
      store.close();
    }
  });

  it('restore refuses the tampered file as a backup', () => {
    const path = raised();
    const target = join(dir, `restored-${copies}`, 'county.db');
    mkdirSync(dirname(target));
    const restored = restoreCounty(path, target, STORY_CHAIR.name, new Date('2026-02-03T06:00:00Z'));
    expect(restored.ok || restored.error.code).toBe('BACKUP_TAMPERED');
    expect(restored.ok ? '' : restored.error.message).toMatch(/was changed in the database/);
    expect(existsSync(target)).toBe(false);
  });
});
