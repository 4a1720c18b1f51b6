/**
 * The value lists SQLite enforces (`CHECK (column IN (...))` in the migrations) and the TypeScript
 * constants that name the same values are one list. A value added on one side only would either be
 * refused by the database the first time it is written, or never be written at all. The lists are
 * read from a real database after every migration, so a later migration that rebuilds a table counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_STATUSES } from '../../electron/core/model/bundle-status';
import { OPERATOR_ROLES } from '../../electron/core/model/operator';
import { REPORT_SOURCES } from '../../electron/core/model/report';
import { RULES_PROFILES } from '../../electron/core/model/rules-profile';
import { WORKSHEET_COLUMNS } from '../../electron/core/model/scan-reading';
import { openCountyStore } from '../../electron/core/store';
import { AUDIT_ROUND_KINDS, MEASUREMENT_VERDICTS } from '../../electron/core/store/audit-records';
import { BUNDLE_FORMATS } from '../../electron/core/store/bundle-records';
import { QUARANTINE_DECISIONS, SCAN_MEDIA_TYPES, SCAN_QUEUE_STATUSES } from '../../electron/core/store/intake-records';
import { SETTING_NAMES } from '../../electron/core/store/settings-records';
import { DELIVERY_ROUTES, PAIRING_CODE_OUTCOMES } from '../../electron/core/store/team-records';
import { CERTIFIED_CHANGE_KINDS } from '../../electron/core/store/verification-records';
import { rawDatabase } from '../helpers/raw-database';

/** Every text CHECK list of the schema, by table.column, with the constant it must equal. */
const CONSTANT_OF: Readonly<Record<string, readonly string[]>> = {
  'election.rules_profile': RULES_PROFILES,
  'rla_audit.rules_profile': RULES_PROFILES,
  'import_file.source': REPORT_SOURCES,
  'report.source': REPORT_SOURCES,
  'operator.role': OPERATOR_ROLES,
  'certified_change.kind': CERTIFIED_CHANGE_KINDS,
  'quarantine_decision.decision': QUARANTINE_DECISIONS,
  'bundle_export.status': BUNDLE_STATUSES,
  'bundle_export.format': BUNDLE_FORMATS,
  'scan_queue.media_type': SCAN_MEDIA_TYPES,
  'scan_queue.status': SCAN_QUEUE_STATUSES,
  'scan_reading_field.column_name': WORKSHEET_COLUMNS,
  'scan_confirmed_field.column_name': WORKSHEET_COLUMNS,
  'scan_confirmed_token.column_name': WORKSHEET_COLUMNS,
  'team_pairing_code_end.outcome': PAIRING_CODE_OUTCOMES,
  'team_request.via': DELIVERY_ROUTES,
  'rla_round.kind': AUDIT_ROUND_KINDS,
  'rla_measurement.verdict': MEASUREMENT_VERDICTS,
  'setting.name': SETTING_NAMES,
};

const dir = mkdtempSync(join(tmpdir(), 'tallyroom-check-lists-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `table.column` -> the quoted values of its `CHECK (column IN ('a', 'b'))`; number lists (0, 1) are flags, left out. */
function textCheckLists(): Record<string, string[]> {
  const store = openCountyStore(join(dir, 'county.db'));
  try {
    const tables = rawDatabase(store)
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
      .all() as { name: string; sql: string }[];
    const lists: Record<string, string[]> = {};
    for (const table of tables) {
      for (const [, column, values] of table.sql.matchAll(/CHECK\s*\(\s*(\w+)\s+IN\s*\(([^)]*)\)\s*\)/g)) {
        const quoted = [...(values ?? '').matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '');
        if (quoted.length > 0) lists[`${table.name}.${column}`] = quoted;
      }
    }
    return lists;
  } finally {
    store.close();
  }
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('the CHECK value lists of the county database', () => {
  const lists = textCheckLists();

  it('are found in the migrated schema (the reading of sqlite_master works)', () => {
    expect(lists['report.source']).toEqual(['usb', 'email', 'scan', 'manual', 'phone', 'recount']);
  });

  it('each have a TypeScript constant, and every constant named here has its CHECK list', () => {
    expect(Object.keys(lists).sort()).toEqual(Object.keys(CONSTANT_OF).sort());
  });

  it.each(Object.entries(CONSTANT_OF))('%s holds exactly the values of its constant', (key, constant) => {
    expect(sorted(lists[key] ?? [])).toEqual(sorted(constant));
  });
});
