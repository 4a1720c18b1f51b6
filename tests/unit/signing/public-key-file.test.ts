import { describe, expect, it } from 'vitest';
import { generateCountySigningKey } from '../../../electron/core/signing/county-key';
import {
  countyOfPublicKeyFile,
  formatMinisignPublicKey,
  parseMinisignPublicKey,
  publicKeyFileName,
} from '../../../electron/core/signing/minisign-public-key';

describe('the public key file a county downloads', () => {
  it('is named after the county, with what no file system takes made spaces', () => {
    expect(publicKeyFileName('Polk County')).toBe('Polk County.pub');
    expect(publicKeyFileName('Polk/Story: "North"')).toBe('Polk Story North.pub');
    expect(publicKeyFileName('..\u0007')).toBe('county.pub');
  });

  it('names its county in the comment, and minisign still reads it as a plain key', () => {
    const key = generateCountySigningKey();
    const text = formatMinisignPublicKey(key, 'Polk County');
    expect(countyOfPublicKeyFile(text)).toBe('Polk County');
    expect(countyOfPublicKeyFile(formatMinisignPublicKey(key))).toBeNull();
    const parsed = parseMinisignPublicKey(text, 'Polk County.pub');
    expect(parsed.ok && Buffer.from(parsed.value.publicKey).equals(Buffer.from(key.publicKey))).toBe(true);
  });
});
