import type { CliIo, ExitCode } from './io';

export type Command = (args: string[], io: CliIo) => Promise<ExitCode>;

/** One `tallyroom` command: what `--help` says about it, and how its code is loaded. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `tallyroom --help`. */
  readonly summary: string;
  /** `tallyroom <name> --help`: the synopsis first, then what it does, options and exit codes. */
  readonly usage: string;
  /**
   * Loaded only when the command runs: between them the commands load PDF, spreadsheet, mail, TLS
   * and OCR libraries and the county database, none of which `--help` or `--version` needs.
   */
  readonly load: () => Promise<Command>;
}

const JSON_LINE = '  --json              print exactly one JSON document on stdout';
const EXITS = 'Exit codes: 0 done, 2 bad usage or input.';

/**
 * The commands, in the order `tallyroom --help` lists them. The synopses follow the command line
 * contract (docs/CONTRACTS.md); tests/integration/cli-help.test.ts keeps every option each command
 * accepts named in its usage.
 */
export const COMMAND_TABLE: readonly CommandEntry[] = [
  {
    name: 'demo',
    summary: 'the whole pipeline on the built-in demo county',
    usage: `tallyroom demo [--dir DIR] [--json]

The built-in demo county, start to finish: DIR/county.db, its USB files imported, worksheets
keyed, every precinct checked, current results written, a signed bundle, and a summary.
  --dir DIR           where to put it (default tallyroom-demo); must not hold a county.db yet
${JSON_LINE}
${EXITS}`,
    load: async () => (await import('./commands/demo')).demoCommand,
  },
  {
    name: 'init',
    summary: 'a new county database from a county definition CSV/XLSX',
    usage: `tallyroom init --db FILE --county FILE [--rules iowa-dem-2020|plurality] [--election NAME]
               [--date YYYY-MM-DD] [--chair NAME] [--operator NAME]

A new county database from a county definition: the precinct results CSV/XLSX with the counts
left empty (precincts, delegates, SDE ratio and candidates are taken from it), plus an optional
chair_email column. Nothing is created when the definition has a problem.
  --db FILE           the new database (must not exist)
  --county FILE       the county definition
  --rules PROFILE     iowa-dem-2020 (default) or plurality
  --election NAME     the election's name; --date YYYY-MM-DD its date
  --chair NAME        make NAME the county chair (PIN from env TALLYROOM_CHAIR_PIN); without it the
                      first person to open the app signs up as chair
  --operator NAME     who is recorded in the audit log (default "county chair")
${EXITS}`,
    load: async () => (await import('./commands/init')).initCommand,
  },
  {
    name: 'import',
    summary: 'import results files, precinct reports, emails and scans',
    usage: `tallyroom import --db FILE [--operator NAME] [--source usb|email|scan|manual|phone|recount] [--json] PATH...

Files or folders: results CSV/XLSX, precinct report JSON, emails (.eml), station batches and
worksheet scans (PNG/JPEG/PDF, queued for review). A file seen before counts as a duplicate.
  --db FILE           the county database
  --operator NAME     who imported them (default: $USER)
  --source SOURCE     how the files came (default usb)
  --json              {"imported","duplicates","conflicts","rejected":[{"path","code","message"}],"pendingReview"}
${EXITS}`,
    load: async () => (await import('./commands/import')).importCommand,
  },
  {
    name: 'mail',
    summary: 'fetch new mail once from the county mailbox',
    usage: `tallyroom mail --db FILE --imap imap[s]://user@host:port/MAILBOX [--operator NAME] [--json]

Fetches new mail once and imports what it carries (password from env TALLYROOM_IMAP_PASSWORD).
  --db FILE           the county database
  --imap URL          the mailbox
  --operator NAME     who fetched it (default: $USER)
  --json              the same JSON as import
${EXITS}`,
    load: async () => (await import('./commands/mail')).mailCommand,
  },
  {
    name: 'status',
    summary: 'precincts by status, reports, findings',
    usage: `tallyroom status --db FILE [--json]

Precincts by status, the number of reports and findings, and each precinct's sources.
  --db FILE           the county database
  --json              {"precincts":{"total","missing","received","conflict","verified","certified"},
                      "reports","findings","byPrecinct":[{"precinct","status","sources","findings"}]}
${EXITS}`,
    load: async () => (await import('./commands/status')).statusCommand,
  },
  {
    name: 'check',
    summary: 'check a precinct results CSV/XLSX against the caucus rules',
    usage: `tallyroom check [--rules iowa-dem-2020|plurality] [--json] FILE

Checks a precinct results file against the caucus rules, storing nothing.
  --rules PROFILE     iowa-dem-2020 (default) or plurality
  --json              {"precincts":[{"county","precinct","findings":[{"code","candidate"?,"message"}]}],
                      "summary":{"precincts","withFindings","byCode"}}
Exit codes: 0 no findings, 1 findings, 2 unreadable input or bad usage.`,
    load: async () => (await import('./commands/check')).checkCommand,
  },
  {
    name: 'keygen',
    summary: 'the county signing key pair',
    usage: `tallyroom keygen --out DIR [--json]

The county signing key: DIR/county.pub (minisign public key) and DIR/county.key (encrypted;
passphrase from env TALLYROOM_KEY_PASSPHRASE, or asked for on a terminal).
  --out DIR           where to write the two files
${JSON_LINE}
${EXITS}`,
    load: async () => (await import('./commands/keygen')).keygenCommand,
  },
  {
    name: 'export',
    summary: 'a signed result bundle',
    usage: `tallyroom export --db FILE --key DIR --out PATH [--status STATUS] [--operator NAME] [--json]

A signed result bundle (BagIt): PATH ending in .zip gives a zipped bag, anything else a bag folder.
It is read back and verified before this command says it is done.
  --db FILE           the county database
  --key DIR           the folder with county.key (passphrase from env TALLYROOM_KEY_PASSPHRASE)
  --out PATH          the bundle to write
  --status STATUS     unofficial-partial, unofficial-complete, certified, correction or recount
                      (default: unofficial-complete when every precinct is settled, else unofficial-partial)
  --operator NAME     who exported it (default: $USER)
${JSON_LINE}
${EXITS}`,
    load: async () => (await import('./commands/export')).exportCommand,
  },
  {
    name: 'verify',
    summary: 'verify a county bundle',
    usage: `tallyroom verify BUNDLE --pubkey FILE [--json]

Checks a bundle's signature, manifests, structure and caucus arithmetic.
  --pubkey FILE       the county's minisign public key
${JSON_LINE}
Exit codes: 0 valid, 1 invalid (the reason printed), 2 bad usage.`,
    load: async () => (await import('./commands/verify')).verifyCommand,
  },
  {
    name: 'aggregate',
    summary: 'state party: verify and total many county bundles',
    usage: `tallyroom aggregate --keys DIR [--out DIR] [--json] BUNDLE...

Verifies county bundles against the registered keys (DIR/*.pub, matched by key id) and totals the state.
  --keys DIR          the registered county keys
  --out DIR           also write the statewide results.json/.csv/.xlsx/NIST files there
${JSON_LINE}
Exit codes: 0 every bundle counted and no findings, 1 a bundle refused or findings, 2 bad usage.`,
    load: async () => (await import('./commands/aggregate')).aggregateCommand,
  },
  {
    name: 'audit',
    summary: 'risk-limiting batch comparison audit (plan, measure, next-round)',
    usage: `tallyroom audit plan --reported FILE --risk-limit PCT [--seed DIGITS] [--rules iowa-dem-2020|plurality] [--json]
tallyroom audit measure --reported FILE --audited FILE --sample PLAN.json [--report-dir DIR] [--json]
tallyroom audit next-round --reported FILE --audited FILE --sample PLAN.json [--json]

The batch-comparison risk-limiting audit (MACRO), docs/RLA.md. plan draws the precincts to hand
count from a public seed; measure compares the hand tallies with the reported results; next-round
draws the next round from the same seed.
  --reported FILE     the reported results (CSV/XLSX)
  --risk-limit PCT    the risk limit in percent
  --seed DIGITS       the public seed, rolled in public (without it, plan gives the sample size only)
  --rules PROFILE     iowa-dem-2020 (default) or plurality
  --audited FILE      the hand tallies
  --sample PLAN.json  the plan printed by plan (--json) or next-round
  --report-dir DIR    also write the audit report (CSV and PDF) there
${JSON_LINE}
Exit codes: 0 confirmed, 1 the risk limit is not met, 2 bad input or usage.`,
    load: async () => (await import('./commands/audit')).auditCommand,
  },
  {
    name: 'backup',
    summary: 'a verified online backup',
    usage: `tallyroom backup --db FILE --to DIR [--keep N] [--json]

A verified online backup of the county database (integrity and audit chain checked).
  --db FILE           the county database
  --to DIR            the backup folder
  --keep N            how many backups to keep in DIR (older ones are removed)
${JSON_LINE}
${EXITS}`,
    load: async () => (await import('./commands/backup')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'restore a verified backup',
    usage: `tallyroom restore --backup FILE --db FILE [--operator NAME]

Restores a backup after verifying it; a database already at --db is kept aside, not overwritten.
  --backup FILE       the backup
  --db FILE           where the county database goes
  --operator NAME     who restored it (default: $USER)
${EXITS}`,
    load: async () => (await import('./commands/backup')).restoreCommand,
  },
  {
    name: 'recount-report',
    summary: 'every recount and correction of a certified result (PDF/XLSX)',
    usage: `tallyroom recount-report --db FILE --out PATH.pdf|PATH.xlsx [--json]

Every recount and correction of a certified result: the differences, county totals before and
after, who, when and why.
  --db FILE           the county database
  --out PATH          the report, PDF or XLSX by its extension
${JSON_LINE}
${EXITS}`,
    load: async () => (await import('./commands/recount-report')).recountReportCommand,
  },
  {
    name: 'worksheets',
    summary: 'printable worksheet PDFs',
    usage: `tallyroom worksheets --db FILE --out DIR [--precinct CODE] [--json]

Printable worksheet PDFs: DIR/worksheet-<precinct>.pdf for each precinct and
DIR/worksheets-<county>.pdf with all of them.
  --db FILE           the county database
  --out DIR           where to write them
  --precinct CODE     only this precinct
${JSON_LINE}
${EXITS}`,
    load: async () => (await import('./commands/worksheets')).worksheetsCommand,
  },
  {
    name: 'ocr',
    summary: 'read worksheet scans without storing them',
    usage: `tallyroom ocr --db FILE SCAN... [--precinct CODE] [--json]

Reads worksheet scans (PNG/JPEG/PDF) and prints what was read, storing nothing (docs/OCR.md).
Many scans are read with one engine start, with progress on stderr.
  --db FILE           the county database
  --precinct CODE     the precinct you expect; the sheet's QR code decides, a difference is reported
  --json              one scan: {"precinct","fields":[{"candidate","column","value","confidence",
                      "needsReview","reasons"}],"problems","totals","rotationDegrees","elapsedMs"};
                      several: {"scans":[{"file",...}],"elapsedMs"}
Review reasons: UNSURE_DIGIT, READERS_DISAGREE, NOT_ONE_NUMBER, EMPTY_FIELD, ARITHMETIC, RULES,
PAGE_NOT_TRUSTED.
Exit codes: 0 every field accepted, 1 a field to review or a page problem, 3 a page could not be
read at all, 2 bad input or usage (several scans: the worst of them).`,
    load: async () => (await import('./commands/ocr')).ocrCommand,
  },
  {
    name: 'hub',
    summary: 'team mode: serve this county to station laptops; hub pairing-code',
    usage: `tallyroom hub --db FILE [--port N] [--host H] [--data DIR] [--control-port N] [--json]
tallyroom hub pairing-code --db FILE [--data DIR] --chair NAME [--json]

Team mode (docs/TEAM.md): serves the county to paired station laptops over HTTPS until stopped.
  --db FILE           the county database
  --port N            the HTTPS port (default 7443)
  --host H            the address to listen on (default 0.0.0.0)
  --data DIR          the hub's folder: certificate, key, control file (default team-hub/ beside --db)
  --control-port N    also serve the API on http://127.0.0.1:N for scripts (0: any free port), with a
                      token, written to DIR/control.json for "hub pairing-code"
${JSON_LINE}

pairing-code asks the running hub (started with --control-port) for a one-time pairing code, as
the chair NAME (PIN from env TALLYROOM_CHAIR_PIN), and prints it with the text of its QR code.
${EXITS}`,
    // pairing-code is a small client of the running hub: it loads none of the hub's own code.
    load: async () => async (args, io) =>
      args[0] === 'pairing-code'
        ? (await import('./commands/hub-pairing-code')).hubPairingCodeCommand(args.slice(1), io)
        : (await import('./commands/hub')).hubCommand(args, io),
  },
  {
    name: 'station',
    summary: 'team mode: a station delivering its entries to the paired hub',
    usage: `tallyroom station --data DIR [--control-port N] [--retry-ms N] [--json]

Team mode (docs/TEAM.md): runs a station on its own data folder; its queued entries are
delivered to the paired hub until stopped.
  --data DIR          the station's folder (station.db)
  --control-port N    also serve the station's API on http://127.0.0.1:N for scripts, with a token
  --retry-ms N        how often to retry the hub, in milliseconds (default 2000)
${JSON_LINE}
${EXITS}`,
    load: async () => (await import('./commands/station')).stationCommand,
  },
];

export function commandNamed(name: string): CommandEntry | undefined {
  return COMMAND_TABLE.find((entry) => entry.name === name);
}

/** `tallyroom --help`. */
export function overallUsage(): string {
  const width = Math.max(...COMMAND_TABLE.map((entry) => entry.name.length));
  return [
    'Usage: tallyroom <command> [options]',
    '',
    ...COMMAND_TABLE.map((entry) => `  ${entry.name.padEnd(width)}  ${entry.summary}`),
    '',
    '"tallyroom <command> --help" shows a command\'s options; "tallyroom --version" the version.',
    'Exit codes: 0 ok, 1 the check found problems, 2 bad input or usage.',
  ].join('\n');
}
