import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appError, ok, type Result } from '../result';
import { type CountyPublicKey, keyIdHex } from '../signing/county-key';
import { parseMinisignPublicKey } from '../signing/minisign-public-key';

export interface RegisteredKey {
  readonly county: string;
  readonly keyId: string;
  readonly key: CountyPublicKey;
  readonly file: string;
}

/** The state party's registered county keys, by key id. */
export type KeyRegistry = ReadonlyMap<string, RegisteredKey>;

/**
 * A registry folder holds one minisign public key per county, named for the county it is
 * registered to: `Polk County.pub`. The state party saves each county's county.pub under that
 * name after checking its fingerprint with the chair out of band; the name is the registration.
 * A county whose key was replaced keeps a second file, `Polk County#2.pub`: text after "#" is a note.
 */
export function readKeyRegistry(dir: string): Result<KeyRegistry> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.pub'));
  } catch {
    return appError('REGISTRY_MISSING', `There is no folder of registered county keys at ${dir}.`);
  }
  if (names.length === 0) {
    return appError('REGISTRY_EMPTY', `${dir} holds no registered county keys (files named "<County>.pub").`);
  }
  const entries: PublicKeyEntry[] = [];
  for (const name of names.sort()) {
    const file = join(dir, name);
    entries.push({ name, file, text: readFileSync(file, 'utf8') });
  }
  return keyRegistryOf(entries);
}

/** One registered key file: its name (which names the county), where it came from, and its text. */
export interface PublicKeyEntry {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

/** The registry from key files already read (the state party screen reads them in the browser). */
export function keyRegistryOf(entries: readonly PublicKeyEntry[]): Result<KeyRegistry> {
  const registry = new Map<string, RegisteredKey>();
  for (const { name, file, text } of entries) {
    if (!name.toLowerCase().endsWith('.pub')) {
      return appError('REGISTRY_INVALID', `${file} is not a county key file (named "<County>.pub").`);
    }
    const parsed = parseMinisignPublicKey(text, file);
    if (!parsed.ok) return parsed;
    const county = name.slice(0, -'.pub'.length).split('#')[0]?.trim() ?? '';
    if (county === '')
      return appError('REGISTRY_INVALID', `${file} does not name a county; save it as "<County>.pub".`);
    const keyId = keyIdHex(parsed.value.keyNumber);
    const existing = registry.get(keyId);
    if (existing && sameCounty(existing.county, county) === false) {
      return appError(
        'REGISTRY_CONFLICT',
        `Key ${keyId} is registered to both ${existing.county} (${existing.file}) and ${county} (${file}); one key can sign for one county only.`,
      );
    }
    registry.set(keyId, { county, keyId, key: parsed.value, file });
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
