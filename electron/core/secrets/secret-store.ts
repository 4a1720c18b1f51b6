/**
 * Where the app keeps secrets it must remember between runs (the IMAP password, the county
 * signing key's passphrase, a station's pairing token). In the Electron app this is backed by
 * safeStorage (the OS keychain encrypts, the ciphertext lives in the app's data folder); the
 * serve harness and tests use `memorySecretStore`. The domain only sees this interface, so no
 * core module imports 'electron'.
 */
export interface SecretStore {
  /** False where the OS offers no encryption (e.g. Linux without a keyring): callers must then ask each time. */
  readonly isPersistent: boolean;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

/** Every secret the app keeps, by name, so none is stored under a typo. */
export type SecretName = 'imap-password' | 'signing-key-passphrase' | 'station-token' | 'chain-head-key';

/** Lives for the process only: tests, the serve harness, and machines without a keychain. */
export function memorySecretStore(): SecretStore {
  const values = new Map<SecretName, string>();
  return {
    isPersistent: false,
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => {
      values.delete(name);
    },
  };
}
