import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readBundle } from '../../../electron/core/bundle/bundle-container';
import { readableFingerprint } from '../../../electron/core/bundle/bundle-fingerprint';
import { type BundleVerification, verifyBundle } from '../../../electron/core/bundle/verify-bundle';
import { readPublicKeyFile } from '../../../electron/core/signing/key-folder';
import { type CliIo, EXIT, type ExitCode, printJson, UsageError } from '../io';

/** tallyroom verify BUNDLE --pubkey FILE [--json]: exit 0 valid, 1 invalid, 2 bad usage (docs/CONTRACTS.md). */
export async function verifyCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { pubkey: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('Give exactly one bundle (a folder or a .zip) to verify.');
  if (!values.pubkey) throw new UsageError("Give the county's public key with --pubkey FILE (its county.pub).");
  const publicKey = readPublicKeyFile(resolve(io.cwd, values.pubkey));
  if (!publicKey.ok) throw new UsageError(publicKey.error.message);
  const path = resolve(io.cwd, positionals[0] as string);
  const files = readBundle(path);
  if (!files.ok && files.error.code === 'BUNDLE_NOT_FOUND') throw new UsageError(files.error.message);

  if (!files.ok) {
    if (values.json) {
      printJson(io, {
        valid: false,
        authentic: false,
        problems: [{ code: files.error.code, message: files.error.message }],
        findings: [],
      });
    } else {
      io.out(`INVALID: ${files.error.message}`);
    }
    return EXIT.problems;
  }
  const verification = verifyBundle(files.value, publicKey.value);
  if (values.json) printJson(io, verificationJson(verification));
  else printVerification(io, path, verification);
  return verification.valid ? EXIT.ok : EXIT.problems;
}

export function verificationJson(verification: BundleVerification) {
  const results = verification.results;
  return {
    valid: verification.valid,
    authentic: verification.authentic,
    keyId: verification.keyId,
    fingerprint: verification.fingerprint,
    county: verification.claims?.county ?? results?.county ?? null,
    election: verification.claims?.election ?? results?.election.name ?? null,
    sequence: verification.claims?.sequence ?? results?.bundle.sequence ?? null,
    status: verification.claims?.status ?? results?.bundle.status ?? null,
    generatedAt: verification.claims?.generatedAt ?? results?.bundle.generatedAt ?? null,
    precinctsReporting: results?.precinctsReporting ?? null,
    precinctsTotal: results?.precincts.length ?? null,
    problems: verification.problems,
    findings: verification.findings,
  };
}

function printVerification(io: CliIo, path: string, verification: BundleVerification): void {
  const summary = verificationJson(verification);
  const what = summary.county
    ? `${summary.county}, ${summary.election}, bundle ${summary.sequence} (${summary.status})`
    : path;
  if (verification.valid) io.out(`VALID: ${what}, signed with key ${summary.keyId}.`);
  else if (verification.authentic && verification.problems.length === 0) {
    io.out(`INVALID: ${what} is authentic, but its results break the caucus rules.`);
  } else if (verification.authentic) io.out(`INVALID: ${what} is signed, but its files disagree with each other.`);
  else
    io.out(
      `INVALID: ${what} cannot be trusted: it was changed after signing, is incomplete, or is signed by another key.`,
    );
  if (summary.fingerprint) io.out(`Fingerprint: ${readableFingerprint(summary.fingerprint)}`);
  if (summary.precinctsTotal !== null)
    io.out(`Precincts reporting: ${summary.precinctsReporting} of ${summary.precinctsTotal}.`);
  for (const problem of verification.problems) io.out(`  - ${problem.message}`);
  if (verification.findings.length > 0) {
    io.out(`Rule findings (${verification.findings.length}):`);
    for (const finding of verification.findings)
      io.out(`  - Precinct ${finding.precinct}: ${finding.code}: ${finding.message}`);
  }
}
