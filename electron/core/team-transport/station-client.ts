/**
 * The station's side of the wire: HTTPS POSTs to the hub. After pairing, only the pinned
 * certificate is accepted (it is the only trust anchor, and its fingerprint is checked on every
 * connection), so a machine presenting any other certificate gets nothing: the TLS handshake
 * fails before a byte of the request is sent. During pairing nothing is pinned yet; the pairing
 * proofs (pairing-code.ts) are what make that first connection safe.
 */
import { Agent, request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { type AppError, appError, err, type Result } from '../result';
import { TEAM_PATH_PREFIX } from './protocol';

export interface PinnedHub {
  readonly url: string;
  readonly fingerprint: string;
  readonly certPem: string;
}

export interface HubAnswer {
  /** The hub's Result, or a transport failure (HUB_UNREACHABLE, HUB_CERT_MISMATCH). */
  readonly result: Result<unknown, AppError>;
  /** False when the request never got an answer from the hub (nothing known about it). */
  readonly answered: boolean;
  /** The certificate the other side presented (DER), when the connection got that far. */
  readonly certificate: Buffer | null;
}

const TLS_TRUST_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET|HOSTNAME|ALTNAME|PINNED/;

export class HubClient {
  private readonly agent: Agent;

  constructor(
    private readonly hub: PinnedHub,
    private readonly authorization: string | null,
    private readonly timeoutMs: number,
  ) {
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: 4,
      ca: hub.certPem,
      // The hub is found by address, which changes with the network: the fingerprint is the identity.
      checkServerIdentity: (_host, certificate) =>
        certificate.fingerprint256 === hub.fingerprint
          ? undefined
          : Object.assign(new Error('The hub certificate is not the pinned one.'), { code: 'ERR_PINNED_CERT' }),
    });
  }

  post(route: string, body: unknown): Promise<HubAnswer> {
    return post(this.hub.url, route, body, {
      agent: this.agent,
      timeoutMs: this.timeoutMs,
      authorization: this.authorization,
      pinned: true,
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A request before anything is pinned (pairing): any certificate, reported back to the caller. */
export function postUnpinned(url: string, route: string, body: unknown, timeoutMs: number): Promise<HubAnswer> {
  const agent = new Agent({ keepAlive: false, rejectUnauthorized: false });
  return post(url, route, body, { agent, timeoutMs, authorization: null, pinned: false }).finally(() =>
    agent.destroy(),
  );
}

function post(
  url: string,
  route: string,
  body: unknown,
  options: { agent: Agent; timeoutMs: number; authorization: string | null; pinned: boolean },
): Promise<HubAnswer> {
  const text = JSON.stringify(body);
  const target = new URL(`${TEAM_PATH_PREFIX}${route}`, url);
  return new Promise((resolve) => {
    let certificate: Buffer | null = null;
    let settled = false;
    const finish = (answer: Omit<HubAnswer, 'certificate'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, certificate });
    };
    const req = httpsRequest(
      target,
      {
        method: 'POST',
        agent: options.agent,
        rejectUnauthorized: options.pinned,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          ...(options.authorization ? { Authorization: options.authorization } : {}),
        },
        timeout: options.timeoutMs,
      },
      (res) => {
        certificate = peerCertificate(res.socket as TLSSocket) ?? certificate;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => finish(unreachable('the connection broke')));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          let parsed: unknown;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return finish(unreachable(`it answered something that is not Tallyroom (HTTP ${status})`));
          }
          if (!isResult(parsed))
            return finish(unreachable(`it answered something that is not Tallyroom (HTTP ${status})`));
          // 5xx: the hub failed before applying anything; the request is retried as if unanswered.
          if (status >= 500) return finish({ result: parsed, answered: false });
          finish({ result: parsed, answered: true });
        });
      },
    );
    req.on('socket', (socket) => {
      // A kept-alive socket was verified when it connected; a new one is read once its handshake is done.
      if (socket.connecting) {
        socket.once('secureConnect', () => {
          certificate = peerCertificate(socket as TLSSocket);
        });
      } else {
        certificate = peerCertificate(socket as TLSSocket);
      }
    });
    req.on('timeout', () => {
      req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (options.pinned && TLS_TRUST_ERRORS.test(error.code ?? '')) {
        return finish({
          result: appError(
            'HUB_CERT_MISMATCH',
            'The computer at the hub address is not the hub this station paired with (its certificate is different). ' +
              'Nothing was sent. Tell the chair; if the hub laptop was replaced, pair this station again.',
          ),
          answered: false,
        });
      }
      finish(unreachable(networkProblem(error)));
    });
    req.end(text);
  });
}

function peerCertificate(socket: TLSSocket | null | undefined): Buffer | null {
  if (!socket || typeof socket.getPeerCertificate !== 'function') return null;
  const peer = socket.getPeerCertificate(false);
  return peer && 'raw' in peer && Buffer.isBuffer(peer.raw) ? peer.raw : null;
}

function unreachable(why: string): Omit<HubAnswer, 'certificate'> {
  return {
    result: err({
      code: 'HUB_UNREACHABLE',
      message: `The hub cannot be reached (${why}). Entries are kept on this laptop and sent when the hub is back.`,
    }),
    answered: false,
  };
}

function networkProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'Tallyroom is not running as the hub at that address';
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return 'no answer in time';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no network path to that address';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was cut';
    default:
      return error.code ?? error.message;
  }
}

function isResult(value: unknown): value is Result<unknown, AppError> {
  if (value === null || typeof value !== 'object') return false;
  const record = value as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (record.ok === true) return 'value' in record;
  return (
    record.ok === false &&
    typeof record.error === 'object' &&
    record.error !== null &&
    typeof record.error.code === 'string' &&
    typeof record.error.message === 'string'
  );
}
