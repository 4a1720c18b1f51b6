import { createHash } from 'node:crypto';

/** 2^256: SHA-256 digests, read as whole numbers, are below it. */
export const TWO_TO_256 = 1n << 256n;

/**
 * The random number of draw k (1, 2, 3, ...) for one contest: the SHA-256 digest of the UTF-8 text
 * `<seed>,<contest>,<k>` read as a 256-bit whole number H; the draw's random fraction is H / 2^256,
 * in [0, 1). Anyone with sha256sum can recompute it (docs/RLA.md, "Re-deriving a draw").
 * Node's crypto hashes in memory; no I/O.
 */
export function drawRandom(seed: string, contestName: string, draw: number): { digestHex: string; value: bigint } {
  const digestHex = createHash('sha256').update(`${seed},${contestName},${draw}`, 'utf8').digest('hex');
  return { digestHex, value: BigInt(`0x${digestHex}`) };
}

/** H / 2^256 truncated to `digits` decimals, e.g. "0.417022004702574000": what a person checks by hand. */
export function fractionText(value: bigint, digits = 18): string {
  const scaled = (value * 10n ** BigInt(digits)) / TWO_TO_256;
  return `0.${scaled.toString().padStart(digits, '0')}`;
}
