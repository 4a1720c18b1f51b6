import { BUNDLE_STATUSES, type BundleStatus } from '../model/bundle-status';

/** What the signature itself vouches for (docs/CONTRACTS.md: county, election, sequence and status). */
export interface SignedBundleClaims {
  readonly county: string;
  readonly election: string;
  readonly sequence: number;
  readonly status: BundleStatus;
  readonly generatedAt: string;
}

const PREFIX = 'tallyroom-bundle ';

/**
 * The minisign trusted comment: a fixed word, then JSON. JSON rather than "key=value" because
 * county and election names may contain any character; minisign prints it as is on verify.
 */
export function formatTrustedComment(claims: SignedBundleClaims): string {
  return `${PREFIX}${JSON.stringify({
    county: claims.county,
    election: claims.election,
    sequence: claims.sequence,
    status: claims.status,
    generatedAt: claims.generatedAt,
  })}`;
}

export function parseTrustedComment(comment: string): SignedBundleClaims | null {
  if (!comment.startsWith(PREFIX)) return null;
  let value: unknown;
  try {
    value = JSON.parse(comment.slice(PREFIX.length));
  } catch {
    return null;
  }
  const claims = value as Partial<SignedBundleClaims> | null;
  if (
    typeof claims?.county !== 'string' ||
    typeof claims.election !== 'string' ||
    !Number.isInteger(claims.sequence) ||
    typeof claims.status !== 'string' ||
    !(BUNDLE_STATUSES as readonly string[]).includes(claims.status) ||
    typeof claims.generatedAt !== 'string'
  ) {
    return null;
  }
  return claims as SignedBundleClaims;
}
