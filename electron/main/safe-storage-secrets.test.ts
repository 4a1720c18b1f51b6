import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SafeStorageLike, safeStorageSecretStore } from './safe-storage-secrets';

/** Stands in for the OS keychain (the one part that is hardware/OS here): a reversible keyed transform. */
function keychain(options: { available?: boolean; backend?: string; key?: number } = {}): SafeStorageLike {
  const key = options.key ?? 0x5a;
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ key));
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (text) => Buffer.concat([Buffer.from('v10'), flip(Buffer.from(text, 'utf8'))]),
    decryptString: (encrypted) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('not ours');
      const text = flip(encrypted.subarray(3)).toString('utf8');
      if (!/^[\x20-\x7e]*$/.test(text)) throw new Error('wrong key');
      return text;
    },
  };
}

let folder: string;
beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'tallyroom-secrets-')), 'secrets');
});
afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

describe('safeStorage secret store', () => {
  it('keeps only ciphertext on disk and reads it back in a later run', async () => {
    const store = safeStorageSecretStore(folder, keychain());
    expect(store.isPersistent).toBe(true);
    expect(await store.get('signing-key-passphrase')).toBeNull();
    await store.set('signing-key-passphrase', 'correct horse battery');
    const onDisk = readFileSync(join(folder, 'signing-key-passphrase.secret'));
    expect(onDisk.toString('latin1')).not.toContain('correct horse');
    expect(readdirSync(folder)).toEqual(['signing-key-passphrase.secret']);

    const nextRun = safeStorageSecretStore(folder, keychain());
    expect(await nextRun.get('signing-key-passphrase')).toBe('correct horse battery');
    await nextRun.delete('signing-key-passphrase');
    expect(await nextRun.get('signing-key-passphrase')).toBeNull();
    expect(existsSync(join(folder, 'signing-key-passphrase.secret'))).toBe(false);
  });

  it('writes nothing and says so where the OS has no keychain', async () => {
    for (const storage of [keychain({ available: false }), keychain({ backend: 'basic_text' })]) {
      const store = safeStorageSecretStore(folder, storage);
      expect(store.isPersistent).toBe(false);
      await store.set('imap-password', 'hunter22');
      expect(await store.get('imap-password')).toBe('hunter22');
      expect(existsSync(folder)).toBe(false);
    }
  });

  it('treats ciphertext it cannot decrypt (another machine’s profile) as nothing remembered', async () => {
    const store = safeStorageSecretStore(folder, keychain({ key: 0x11 }));
    await store.set('imap-password', 'hunter22');
    writeFileSync(join(folder, 'station-token.secret'), 'garbage');
    const otherMachine = safeStorageSecretStore(folder, keychain({ key: 0xee }));
    expect(await otherMachine.get('imap-password')).toBeNull();
    expect(await otherMachine.get('station-token')).toBeNull();
  });
});
