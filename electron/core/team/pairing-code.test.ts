import { describe, expect, it } from 'vitest';
import {
  hubProof,
  newPairingCode,
  normalizePairingCode,
  type PairingTranscript,
  pairingKey,
  proofsEqual,
  stationProof,
} from './pairing-code';
import { pairingQrText, parseHubAddress } from './pairing-qr';

const parts: PairingTranscript = {
  fingerprint: 'AB:CD',
  stationNonce: 'station-nonce-0123456789',
  hubNonce: 'hub-nonce-0123456789',
  stationName: 'Table 1',
  publicKey: 'MCowBQYDK2VwAyEA',
};

describe('pairing codes', () => {
  it('are ten Crockford base32 characters in two groups', () => {
    for (let index = 0; index < 50; index++) {
      expect(newPairingCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    }
  });

  it('read as typed: any case, spaces and dashes ignored, O as 0 and I or L as 1', () => {
    expect(normalizePairingCode(' 7kq2m-xw4pd ')).toBe('7KQ2MXW4PD');
    expect(normalizePairingCode('OIL23 45678')).toBe('01123' + '45678');
    expect(normalizePairingCode('7KQ2M-XW4P')).toBeNull();
    expect(normalizePairingCode('7KQ2M-XW4PU')).toBeNull();
  });

  it('give proofs that differ by role, fingerprint and station id', () => {
    const key = pairingKey('7KQ2MXW4PD');
    const station = stationProof(key, parts);
    expect(proofsEqual(station, stationProof(key, parts))).toBe(true);
    expect(proofsEqual(station, stationProof(key, { ...parts, fingerprint: 'AB:CE' }))).toBe(false);
    expect(proofsEqual(station, stationProof(pairingKey('7KQ2MXW4PE'), parts))).toBe(false);
    expect(proofsEqual(station, hubProof(key, parts, 'st-00000001'))).toBe(false);
    expect(proofsEqual(hubProof(key, parts, 'st-00000001'), hubProof(key, parts, 'st-00000002'))).toBe(false);
    expect(proofsEqual('', '')).toBe(false);
  });
});

describe('hub addresses', () => {
  it('read a typed address with or without scheme and port', () => {
    expect(parseHubAddress('192.168.1.20:7443')?.url).toBe('https://192.168.1.20:7443');
    expect(parseHubAddress('192.168.1.20')?.url).toBe('https://192.168.1.20:7443');
    expect(parseHubAddress('https://hub.local:9000/')?.url).toBe('https://hub.local:9000');
    expect(parseHubAddress('http://192.168.1.20:7443')).toBeNull();
    expect(parseHubAddress('not an address at all')).toBeNull();
  });

  it('read the QR back: address, code and fingerprint', () => {
    const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');
    const qr = pairingQrText('https://192.168.1.20:7443', '7KQ2M-XW4PD', fingerprint);
    expect(parseHubAddress(qr)).toEqual({ url: 'https://192.168.1.20:7443', code: '7KQ2M-XW4PD', fingerprint });
  });
});
