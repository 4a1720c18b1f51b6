import { existsSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCountyWithChair } from '../../../electron/core/county/county-setup';
import { CHAIR_PIN_PATTERN, CHAIR_PIN_RULE } from '../../../electron/core/model/pin-rule';
import { parseCountyDefinition } from '../../../electron/core/results-file/county-definition';
import { readTable } from '../../../electron/core/results-file/table';
import { isRulesProfileId, RULES_PROFILES } from '../../../electron/core/rules/types';
import { openCountyStore } from '../../../electron/core/store';
import { type CliIo, EXIT, type ExitCode, UsageError } from '../io';
import { readInputFile } from './read-input-file';

/**
 * tallyroom init --db FILE --county FILE [--rules P]: a new county database from a definition.
 * The definition is read and checked before the database file is created, so a bad file
 * leaves nothing behind.
 */
export async function initCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      county: { type: 'string' },
      rules: { type: 'string', default: 'iowa-dem-2020' },
      election: { type: 'string' },
      date: { type: 'string' },
      operator: { type: 'string', default: 'county chair' },
      chair: { type: 'string' },
    },
  });
  // The chair's PIN never goes on the command line (shell history, process list): from the environment.
  const chairPin = io.env.TALLYROOM_CHAIR_PIN;
  if (values.chair !== undefined) {
    if (!values.chair.trim()) throw new UsageError('Give the chair’s name with --chair NAME.');
    if (!chairPin || !CHAIR_PIN_PATTERN.test(chairPin)) {
      throw new UsageError(`Set the chair’s PIN in the environment variable TALLYROOM_CHAIR_PIN. ${CHAIR_PIN_RULE}`);
    }
  }
  if (!values.db) throw new UsageError('Give the new database file with --db FILE.');
  if (!values.county) throw new UsageError('Give the county definition CSV/XLSX with --county FILE.');
  if (!isRulesProfileId(values.rules)) {
    throw new UsageError(`"${values.rules}" is not a rules profile; use one of ${RULES_PROFILES.join(', ')}.`);
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    throw new UsageError(`--date ${values.date} is not a date like 2026-02-02.`);
  }
  const dbPath = resolve(io.cwd, values.db);
  if (existsSync(dbPath)) throw new UsageError(`${dbPath} already exists; init makes a new database only.`);
  const definitionPath = resolve(io.cwd, values.county);
  const bytes = await readInputFile(definitionPath);
  const table = readTable(basename(definitionPath), bytes);
  const setup = table.ok
    ? parseCountyDefinition(table.value, basename(definitionPath), {
        rulesProfile: values.rules,
        ...(values.election ? { electionName: values.election } : {}),
        ...(values.date ? { date: values.date } : {}),
      })
    : table;
  if (!setup.ok) {
    io.err(setup.error.message);
    if (Array.isArray(setup.error.details)) {
      for (const problem of setup.error.details.slice(1, 20)) {
        io.err(`  row ${problem.row}${problem.column ? `, column ${problem.column}` : ''}: ${problem.message}`);
      }
    }
    return EXIT.badInput;
  }
  const store = openCountyStore(dbPath);
  let created: ReturnType<typeof createCountyWithChair>;
  try {
    created = createCountyWithChair(
      store,
      {
        setup: setup.value,
        operator: values.operator,
        ...(values.chair !== undefined && chairPin ? { chair: { name: values.chair.trim(), pin: chairPin } } : {}),
      },
      new Date().toISOString(),
    );
  } finally {
    store.close();
  }
  if (!created.ok) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
    io.err(created.error.message);
    return EXIT.badInput;
  }
  const election = created.value;
  io.out(
    `Created ${dbPath}: ${election.county}, ${election.name}, ${election.precinctCount} precincts electing ${election.totalDelegates} county delegates, ${election.candidates.length} candidates, rules ${election.rulesProfile}.`,
  );
  io.out(
    values.chair !== undefined
      ? `${values.chair.trim()} is the county chair and signs in with the PIN given.`
      : 'No chair yet: the first person to open this county in Tallyroom signs up as its chair.',
  );
  return EXIT.ok;
}
