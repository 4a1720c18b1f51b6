/**
 * The app's SecretStore (electron/core/secrets): Electron's safeStorage encrypts with the OS
 * keychain (DPAPI, Keychain, libsecret/kwallet) and only the ciphertext is written, one file per
 * secret in the app's data folder. Where the OS offers no encryption (Linux without a keyring,
 * where safeStorage would fall back to a hard-coded key) nothing is written: the store keeps the
 * secret for this run only and says it is not persistent, so callers ask again next time.
 *
 * The safeStorage object is passed in, so this file never imports 'electron' and is tested in Node.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { memorySecretStore, type SecretName, type SecretStore } from '../core/secrets/secret-store';

/** The part of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export function safeStorageSecretStore(folder: string, storage: SafeStorageLike): SecretStore {
  if (!canPersist(storage)) return memorySecretStore();
  const fileOf = (name: SecretName) => join(folder, `${name}.secret`);
  return {
    isPersistent: true,
    async get(name) {
      let encrypted: Buffer;
      try {
        encrypted = readFileSync(fileOf(name));
      } catch {
        return null;
      }
      try {
        return storage.decryptString(encrypted);
      } catch {
        // Another user's or another machine's ciphertext (a copied profile): as if never remembered.
        return null;
      }
    },
    async set(name, value) {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeAtomically(fileOf(name), storage.encryptString(value));
    },
    async delete(name) {
      rmSync(fileOf(name), { force: true });
    },
  };
}

/** On Linux, "basic_text" means safeStorage would use a fixed key: no better than plain text. */
function canPersist(storage: SafeStorageLike): boolean {
  if (!storage.isEncryptionAvailable()) return false;
  const backend = storage.getSelectedStorageBackend?.();
  return backend !== 'basic_text' && backend !== 'unknown';
}

function writeAtomically(path: string, bytes: Buffer): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
