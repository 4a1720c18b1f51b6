/**
 * The catalogue of audit-log actions: every change to a county database is one of these.
 * docs/AUDIT-LOG.md renders this table; the code uses only these ids.
 */
export const AUDIT_ACTIONS = {
  'county.created': 'A county was set up: election, rules profile, precincts and candidates.',
  'report.received': 'A precinct report was stored as received (keyed, phoned in, or imported from a file).',
  'import.file-stored': 'A file was imported and stored byte for byte with its sha256.',
  'database.migrated': 'The database schema was upgraded by a numbered migration.',
  'bundle.exported':
    'A signed result bundle was exported: sequence, status, signing key id and format (the bundle ends with this entry).',
  'signing-key.changed':
    'Bundles are now signed with a different county key than the last export; the state party must register the new key.',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
