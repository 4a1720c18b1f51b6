import { type CliIo, EXIT, type ExitCode, processIo, UsageError } from './io';

type Command = (args: string[], io: CliIo) => Promise<ExitCode>;

/**
 * Each command's module is loaded only when it runs: between them they load PDF, spreadsheet,
 * mail, TLS and OCR libraries, and loading all of them made every call (even --help) start about
 * a second slower.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./commands/demo')).demoCommand,
  init: async () => (await import('./commands/init')).initCommand,
  import: async () => (await import('./commands/import')).importCommand,
  mail: async () => (await import('./commands/mail')).mailCommand,
  status: async () => (await import('./commands/status')).statusCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  keygen: async () => (await import('./commands/keygen')).keygenCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  verify: async () => (await import('./commands/verify')).verifyCommand,
  aggregate: async () => (await import('./commands/aggregate')).aggregateCommand,
  audit: async () => (await import('./commands/audit')).auditCommand,
  backup: async () => (await import('./commands/backup')).backupCommand,
  restore: async () => (await import('./commands/backup')).restoreCommand,
  'recount-report': async () => (await import('./commands/recount-report')).recountReportCommand,
  worksheets: async () => (await import('./commands/worksheets')).worksheetsCommand,
  ocr: async () => (await import('./commands/ocr')).ocrCommand,
  hub: async () => (await import('./commands/hub')).hubCommand,
  station: async () => (await import('./commands/station')).stationCommand,
};

/** Contract commands whose issues are still open: they answer plainly instead of pretending. */
const NOT_YET = ['ocr'];

const USAGE = `Usage: tallyroom <command> [options]

  demo [--dir DIR]                       the built-in demo county: DIR/county.db, imports, checks, a summary
  init --db FILE --county FILE [--rules iowa-dem-2020|plurality] [--election NAME] [--date YYYY-MM-DD]
       [--chair NAME]                    a new county database from a county definition CSV/XLSX; --chair makes
                                         NAME its chair (PIN from env TALLYROOM_CHAIR_PIN, else the first
                                         person to open the app signs up as chair)
  import --db FILE [--operator NAME] [--source usb|email|scan|manual|phone|recount] [--json] PATH...
                                         files or folders: results CSV/XLSX, precinct report JSON,
                                         emails (.eml), worksheet scans (PNG/JPEG/PDF, queued for OCR)
  mail --db FILE --imap imap[s]://user@host:port/MAILBOX [--operator NAME] [--json]
                                         fetch new mail once (password from TALLYROOM_IMAP_PASSWORD)
  status --db FILE [--json]              precincts by status, reports, findings
  check --rules iowa-dem-2020 FILE [--json]
                                         check a precinct results CSV/XLSX against the caucus rules
                                         (exit 0 no findings, 1 findings, 2 unreadable input)
  keygen --out DIR [--json]              county signing key: DIR/county.pub (minisign) and DIR/county.key
                                         (encrypted; passphrase from TALLYROOM_KEY_PASSPHRASE or the terminal)
  export --db FILE --key DIR --out PATH [--status unofficial-partial|unofficial-complete|certified|correction|recount]
         [--operator NAME] [--json]      signed result bundle: PATH ending in .zip -> zipped bag, else a bag folder
  verify BUNDLE --pubkey FILE [--json]   signature, manifests, structure and caucus arithmetic of a bundle
                                         (exit 0 valid, 1 invalid, 2 bad usage)
  aggregate --keys DIR BUNDLE... [--json] [--out DIR]
                                         state party: verify county bundles against registered keys
                                         (DIR/<County>.pub) and total the state
                                         (--out DIR: also write the statewide results.json/.csv/.xlsx/NIST)
  audit plan --reported FILE --risk-limit PCT [--seed DIGITS] [--rules iowa-dem-2020|plurality] [--json]
  audit measure --reported FILE --audited FILE --sample PLAN.json [--report-dir DIR] [--json]
                                         risk-limiting batch comparison audit (MACRO), docs/RLA.md
                                         (exit 0 confirmed, 1 risk limit not met, 2 bad input)
  backup --db FILE --to DIR [--keep N] [--json]
                                         a verified online backup (integrity and audit chain checked)
  restore --backup FILE --db FILE [--operator NAME]
                                         restore a verified backup; a database already there is kept aside
  recount-report --db FILE --out PATH.pdf|PATH.xlsx [--json]
                                         every recount and correction of a certified result: differences,
                                         county totals before/after, who, when and why
  worksheets --db FILE --out DIR [--precinct CODE] [--json]
                                         printable worksheet PDFs: DIR/worksheet-<precinct>.pdf for each
                                         precinct and DIR/worksheets-<county>.pdf with all of them
  ocr --db FILE SCAN [--precinct CODE] [--json]
                                         read one worksheet scan (PNG/JPEG/PDF) without storing it
                                         (exit 0 nothing to review, 1 a field to review or a problem, 2 bad input)
  hub --db FILE [--port N] [--host H] [--data DIR] [--control-port N] [--json]
                                         team mode: serve this county to paired station laptops over
                                         HTTPS (default port 7443) until stopped
  station --data DIR [--control-port N] [--retry-ms N] [--json]
                                         team mode: run a station on its own data folder; its queued
                                         entries are delivered to the paired hub until stopped`;

export async function runCli(argv: string[], io: CliIo = processIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version') {
    io.out('tallyroom 0.1.0');
    return EXIT.ok;
  }
  const loadCommand = COMMANDS[name];
  if (!loadCommand) {
    io.err(
      NOT_YET.includes(name)
        ? `"tallyroom ${name}" is not available in this version yet.`
        : `"${name}" is not a tallyroom command; run "tallyroom --help" for the list.`,
    );
    return EXIT.badInput;
  }
  const command = await loadCommand();
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return EXIT.badInput;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message.split('\n')[0]} Run "tallyroom --help" for the options.`);
      return EXIT.badInput;
    }
    throw error;
  }
}
