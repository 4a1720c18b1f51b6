import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appError, ok, type Result } from '../result';
import { type CountyPublicKey, keyIdHex } from '../signing/county-key';
import { countyOfPublicKeyFile, parseMinisignPublicKey } from '../signing/minisign-public-key';

export interface RegisteredKey {
  /**
   * The county the key file names in its comment (the app's downloads do), or null: then the county is
   * the one inside the bundles it signs, and one key may sign for one county only (aggregate.ts).
   */
  readonly county: string | null;
  readonly keyId: string;
  readonly key: CountyPublicKey;
  readonly file: string;
}

/** The state party's registered county keys, by key id. */
export type KeyRegistry = ReadonlyMap<string, RegisteredKey>;

/**
 * A registry folder holds the minisign public keys (*.pub) the state party registered after checking
 * each key id with its county chair out of band. Keys are matched by what they are, the key id in the
 * key and in a bundle's signature, never by file name: `county.pub`, `Polk County.pub` and
 * `polk (2).pub` all register the same key (docs/BUNDLE.md "Registered keys").
 */
export function readKeyRegistry(dir: string): Result<KeyRegistry> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.pub'));
  } catch {
    return appError('REGISTRY_MISSING', `There is no folder of registered county keys at ${dir}.`);
  }
  if (names.length === 0) {
    return appError(
      'REGISTRY_EMPTY',
      `${dir} holds no county public keys (.pub files): add each county's key, downloaded from its Export screen.`,
    );
  }
  const entries: PublicKeyEntry[] = [];
  for (const name of names.sort()) {
    const file = join(dir, name);
    entries.push({ name, file, text: readFileSync(file, 'utf8') });
  }
  return keyRegistryOf(entries);
}

/** One registered key file: its name, where it came from, and its text. */
export interface PublicKeyEntry {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

/** The registry from key files already read (the state party screen reads them in the browser). */
export function keyRegistryOf(entries: readonly PublicKeyEntry[]): Result<KeyRegistry> {
  const registry = new Map<string, RegisteredKey>();
  for (const { file, text } of entries) {
    const parsed = parseMinisignPublicKey(text, file);
    if (!parsed.ok) return parsed;
    const county = countyOfPublicKeyFile(text);
    const keyId = keyIdHex(parsed.value.keyNumber);
    const existing = registry.get(keyId);
    if (existing && existing.county !== null && county !== null && !sameCounty(existing.county, county)) {
      return appError(
        'REGISTRY_CONFLICT',
        `Key ${keyId} is registered to both ${existing.county} (${existing.file}) and ${county} (${file}); one key can sign for one county only.`,
      );
    }
    // The same key given twice (a copy under another name) is one key; a county named by either copy stands.
    registry.set(keyId, { county: county ?? existing?.county ?? null, keyId, key: parsed.value, file });
  }
  return ok(registry);
}

/** County names compare without regard to case, Unicode form or surrounding spaces. */
export function sameCounty(a: string, b: string): boolean {
  return countyKey(a) === countyKey(b);
}

/** The form two names of the same county share (sameCounty): for grouping thousands of counties by a Map. */
export function countyKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en-US');
}
