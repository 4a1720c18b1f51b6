/**
 * Pairing, station side (docs/TEAM.md): ask the hub for a nonce, prove the code over the
 * certificate this connection presents, check the hub's proof back, and only then pin that
 * certificate and keep the credentials. A hub that cannot prove it knows the code is not pinned.
 */
import { generateKeyPairSync } from 'node:crypto';
import { type AppError, appError, ok, type Result } from '../result';
import type { StationPairingRecord } from '../store/station-records';
import { fingerprintOfDer, pemOfDer } from '../team/hub-certificate';
import {
  hubProof,
  newNonce,
  normalizePairingCode,
  type PairingTranscript,
  pairingKey,
  proofsEqual,
  stationProof,
} from '../team/pairing-code';
import { parseHubAddress } from '../team/pairing-qr';
import { postUnpinned } from './station-client';

export interface PairInput {
  readonly hubUrl: string;
  readonly code: string;
  readonly stationName: string;
}

const NOT_GENUINE =
  'The computer at that address could not prove it is the hub that made this code, so this station did not pair with it. ' +
  'Check the address on the chair’s screen; if it is right, someone may be between this laptop and the hub: tell the chair.';

export async function pairStation(
  input: PairInput,
  timeoutMs: number,
  now: Date,
): Promise<Result<StationPairingRecord, AppError>> {
  const address = parseHubAddress(input.hubUrl);
  if (!address) {
    return appError(
      'INVALID_INPUT',
      'That is not a hub address. Type it as shown on the chair’s screen, e.g. https://192.168.1.20:7443.',
    );
  }
  const code = normalizePairingCode(input.code.trim() === '' && address.code ? address.code : input.code);
  if (!code) {
    return appError(
      'PAIRING_CODE_REFUSED',
      'That is not a pairing code: it is ten letters and digits, like 7KQ2M-XW4PD, shown on the chair’s screen.',
    );
  }
  const challenge = await postUnpinned(address.url, 'pair/challenge', {}, timeoutMs);
  if (!challenge.result.ok) return challenge.result;
  if (!challenge.certificate) return appError('HUB_NOT_GENUINE', NOT_GENUINE);
  const fingerprint = fingerprintOfDer(challenge.certificate);
  // A QR carries the fingerprint the hub showed: a different one here is someone else.
  if (address.fingerprint && address.fingerprint !== fingerprint) return appError('HUB_NOT_GENUINE', NOT_GENUINE);
  const hubNonce = (challenge.result.value as { hubNonce?: unknown }).hubNonce;
  if (typeof hubNonce !== 'string') return appError('HUB_NOT_GENUINE', NOT_GENUINE);

  const keys = generateKeyPairSync('ed25519');
  const publicKey = keys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const parts: PairingTranscript = {
    fingerprint,
    stationNonce: newNonce(),
    hubNonce,
    stationName: input.stationName,
    publicKey,
  };
  const key = pairingKey(code);
  const completed = await postUnpinned(
    address.url,
    'pair/complete',
    {
      stationNonce: parts.stationNonce,
      hubNonce,
      stationName: input.stationName,
      publicKey,
      proof: stationProof(key, parts),
    },
    timeoutMs,
  );
  if (!completed.result.ok) return completed.result;
  // The same certificate on both connections, or the proofs are about different machines.
  if (!completed.certificate || fingerprintOfDer(completed.certificate) !== fingerprint) {
    return appError('HUB_NOT_GENUINE', NOT_GENUINE);
  }
  const answer = completed.result.value as {
    stationId?: unknown;
    token?: unknown;
    hubProof?: unknown;
    county?: unknown;
  };
  if (
    typeof answer.stationId !== 'string' ||
    !/^st-[0-9a-f]{8}$/.test(answer.stationId) ||
    typeof answer.token !== 'string' ||
    typeof answer.hubProof !== 'string' ||
    !proofsEqual(hubProof(key, parts, answer.stationId), answer.hubProof)
  ) {
    return appError('HUB_NOT_GENUINE', NOT_GENUINE);
  }
  return ok({
    stationId: answer.stationId,
    stationName: input.stationName,
    hubUrl: address.url,
    hubFingerprint: fingerprint,
    hubCertPem: pemOfDer(completed.certificate),
    token: answer.token,
    privateKeyPem: keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey,
    county: typeof answer.county === 'string' ? answer.county : null,
    pairedAt: now.toISOString(),
  });
}
