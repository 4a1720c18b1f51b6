/**
 * The catalogue of audit-log actions: every change to a county database is one of these.
 * docs/AUDIT-LOG.md renders this table; the code uses only these ids.
 */
export const AUDIT_ACTIONS = {
  'county.created': 'A county was set up: election, rules profile, precincts and candidates.',
  'report.received': 'A precinct report was stored as received (keyed, phoned in, or imported from a file).',
  'import.file-stored': 'A file was imported and stored byte for byte with its sha256.',
  'database.migrated': 'The database schema was upgraded by a numbered migration.',
  'database.restored': 'The database was restored from a verified backup; the one it replaced was kept aside.',
  'bundle.exported':
    'A signed result bundle was exported: sequence, status, signing key id and format (the bundle ends with this entry).',
  'signing-key.changed':
    'Bundles are now signed with a different county key than the last export; the state party must register the new key.',
  'signing-key.created':
    'The chair made a county signing key in the app (key id and fingerprint); the state party registers its public key.',
  'bundle.copied-to-drive':
    'An exported bundle was copied to a removable drive, read back and verified there, and the drive was ejected (or not).',
  'scan.queued': 'A worksheet image or PDF was stored as received and queued for reading (OCR).',
  'scan.read':
    'A queued scan was read by OCR: per page the precinct its QR names, how many fields need review, any problem, and the engine versions. Nothing entered the results.',
  'scan.confirmed':
    'A person confirmed every value read from a scanned page: the report it became, the precinct (and why, if not the QR’s), and each value they changed from what OCR read.',
  'scan.read-as-table':
    'A scan that is not a Tallyroom worksheet was read as a table of numbers (full-page OCR): per page how many numbers were found and the precinct the sheet suggests. Nothing entered the results.',
  'scan.mapped-from-table':
    'A person mapped and confirmed every value of a sheet that is not ours: per field the value, the number box it was taken from (or typed), and what was suggested.',
  'scan.rejected':
    'A person set a scan aside as unreadable, with why; nothing from it entered the results and the file stays stored.',
  'settings.changed':
    'A county setting was changed (the mailbox to read, the backup folder and schedule): who, when, the new value. Passwords are never recorded.',
  'mail.received': 'An email was stored as received (raw message, sha256, sender, Message-ID).',
  'mail.quarantined':
    "An email, or one attachment of it, was held for review: not from the precinct's registered chair.",
  'quarantine.accepted': 'A person accepted a quarantined email or attachment; its reports went through intake.',
  'quarantine.rejected': 'A person rejected a quarantined email or attachment; nothing from it entered the results.',
  'operator.added':
    'A person was added to the county team with a role (chair, entry, verifier); their PIN is stored only as a salted hash.',
  'operator.signed-in': 'A person signed in with their name and PIN on this laptop.',
  'operator.signed-out': 'A person signed out (their session token no longer works).',
  'operator.wrong-pin':
    'A wrong PIN was typed for a name: at sign-in, or typed again to confirm an act (which one); the PIN is never recorded.',
  'operator.sign-in-paused': 'Too many wrong PINs for a name: sign-in for that name paused for a few minutes.',
  'discrepancy.resolved':
    'The chair resolved disagreeing reports: the report whose numbers are right, every report it settles, and why. The reports stay as received.',
  'precinct.certified':
    "The chair certified a precinct's verified result with their PIN (the report whose numbers are certified).",
  'county.certified': 'The chair certified the county with their PIN: every precinct certified.',
  'certified-result.recounted':
    'A hand recount changed a certified result: who counted, when, why, and the report with the recounted numbers.',
  'certified-result.corrected':
    'The chair corrected a certified result with their PIN: when, why, and the report with the corrected numbers.',
  'team.pairing-code-created':
    'The chair made a one-time pairing code for a station (only its hash is kept; it works once, for minutes).',
  'team.pairing-codes-cancelled': 'Too many wrong pairing codes were tried: every open pairing code was cancelled.',
  'team.pairing-client-paused':
    'Too many wrong pairing codes came from one machine (its network address): the hub ignores its pairing for a few minutes; the chair’s codes stay open.',
  'team.station-paired':
    'A station laptop paired with this hub: its id, name, the code it used and its public key for signed batches.',
  'team.station-revoked': 'The chair revoked a station: its requests and batch files are refused from then on.',
  'team.reports-received':
    'Reports arrived from a station (over the network or on a signed batch file): which station, request and operator.',
  'audit.started':
    'A risk-limiting audit started: risk limit, the public seed (who entered it, when) and the fingerprint of the certified results it audits.',
  'audit.round-drawn':
    'An audit round was drawn from the seed: its tickets in draw order (a full hand count lists every precinct left).',
  'audit.hand-tally-entered':
    'A hand tally of a sampled precinct was entered as counted from the paper; a correction names the tally it replaces and why.',
  'audit.measured': 'The risk was measured after a round: the p-value against the risk limit and the verdict.',
  'audit.report-exported': 'An audit report (CSV or PDF) was made, with its sha256.',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
