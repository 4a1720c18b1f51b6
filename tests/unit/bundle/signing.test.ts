import { describe, expect, it } from 'vitest';
import { generateCountySigningKey, keyIdHex, publicKeyFingerprint } from '../../../electron/core/signing/county-key';
import { formatMinisignPublicKey, parseMinisignPublicKey } from '../../../electron/core/signing/minisign-public-key';
import {
  formatMinisignSignature,
  parseMinisignSignature,
  signMinisign,
  verifyMinisign,
} from '../../../electron/core/signing/minisign-signature';
import { decryptSecretKey, encryptSecretKey } from '../../../electron/core/signing/secret-key-file';

/** Cheap scrypt for tests; the real cost is 2^17. */
const FAST = { N: 1024, r: 8, p: 1 };
const message = new TextEncoder().encode('bag-info.txt\n');

describe('minisign keys and signatures', () => {
  const key = generateCountySigningKey();

  it('writes the public key as minisign does: comment, then base64 of "Ed" + key number + key', () => {
    const text = formatMinisignPublicKey(key);
    const [comment, blob] = text.split('\n');
    expect(comment).toBe(`untrusted comment: minisign public key ${keyIdHex(key.keyNumber)}`);
    expect(
      Buffer.from(blob as string, 'base64')
        .subarray(0, 2)
        .toString(),
    ).toBe('Ed');
    expect(Buffer.from(blob as string, 'base64')).toHaveLength(42);
    const parsed = parseMinisignPublicKey(text, 'county.pub');
    expect(parsed.ok && Buffer.from(parsed.value.publicKey).equals(Buffer.from(key.publicKey))).toBe(true);
    expect(parseMinisignPublicKey('untrusted comment: x\nRWQ=\n', 'county.pub')).toMatchObject({
      ok: false,
      error: { code: 'PUBLIC_KEY_UNREADABLE' },
    });
  });

  it('shows a key id and a fingerprint a person can read out', () => {
    expect(keyIdHex(key.keyNumber)).toMatch(/^[0-9A-F]{16}$/);
    expect(publicKeyFingerprint(key)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  });

  it('signs and verifies, and refuses a changed message, comment or key', () => {
    const signature = signMinisign(key, message, 'tallyroom-bundle {"sequence":1}');
    expect(verifyMinisign(key, message, signature)).toEqual({ valid: true });
    expect(verifyMinisign(key, new TextEncoder().encode('other'), signature)).toEqual({
      valid: false,
      code: 'SIGNATURE_INVALID',
    });
    expect(verifyMinisign(key, message, { ...signature, trustedComment: 'tallyroom-bundle {"sequence":9}' })).toEqual({
      valid: false,
      code: 'TRUSTED_COMMENT_INVALID',
    });
    expect(verifyMinisign(generateCountySigningKey(), message, signature)).toEqual({ valid: false, code: 'WRONG_KEY' });
  });

  it('reads back exactly the signature file it writes, and nothing else', () => {
    const text = formatMinisignSignature(signMinisign(key, message, 'comment'));
    expect(text.split('\n')[0]).toBe(
      `untrusted comment: signature from tallyroom county key ${keyIdHex(key.keyNumber)}`,
    );
    expect(parseMinisignSignature(text).ok).toBe(true);
    expect(
      parseMinisignSignature(text.replace('untrusted comment: signature', 'untrusted comment: Signature')),
    ).toMatchObject({
      ok: false,
      error: { code: 'SIGNATURE_FILE_ALTERED' },
    });
    expect(parseMinisignSignature(`${text}\n`)).toMatchObject({ ok: false, error: { code: 'SIGNATURE_UNREADABLE' } });
  });
});

describe('the encrypted county key file', () => {
  const key = generateCountySigningKey();

  it('opens with the passphrase and gives back the same key', () => {
    const file = encryptSecretKey(key, 'correct horse battery', FAST);
    expect(file).not.toContain(Buffer.from(key.publicKey).toString('hex'));
    const opened = decryptSecretKey(file, 'correct horse battery', 'county.key');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const signature = signMinisign(opened.value, message, 'c');
    expect(verifyMinisign(key, message, signature)).toEqual({ valid: true });
  });

  it('refuses a wrong passphrase and a changed header with one sentence', () => {
    const file = encryptSecretKey(key, 'correct horse battery', FAST);
    expect(decryptSecretKey(file, 'wrong horse battery', 'county.key')).toEqual({
      ok: false,
      error: {
        code: 'WRONG_PASSPHRASE',
        message:
          'The passphrase does not open the county key county.key (or the file was changed); check TALLYROOM_KEY_PASSPHRASE.',
      },
    });
    const other = generateCountySigningKey();
    const swapped = file.replace(
      Buffer.from(key.publicKey).toString('base64'),
      Buffer.from(other.publicKey).toString('base64'),
    );
    expect(decryptSecretKey(swapped, 'correct horse battery', 'county.key')).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect(decryptSecretKey('{"format":"x"}', 'p', 'county.key')).toMatchObject({
      ok: false,
      error: { code: 'KEY_UNREADABLE' },
    });
    // A crafted file cannot make us spend gigabytes on scrypt.
    const greedy = file.replace('"N": 1024', `"N": ${2 ** 24}`);
    expect(decryptSecretKey(greedy, 'correct horse battery', 'county.key')).toMatchObject({
      ok: false,
      error: { code: 'KEY_UNREADABLE' },
    });
  });
});
