/**
 * The hub's HTTPS server: the same API object as the chair's own window, carried to stations.
 * A thin transport like IPC and the serve harness: it checks the station's credentials, reads
 * the JSON, and hands the input to the API (or, for pairing, heartbeats and leases, to the
 * hub's team state). Validation, permissions and the verification policy stay in the API.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { HUB_ONLY_METHODS, methodTable } from '../api/method-table';
import { isApiMethodName } from '../api/methods';
import { type AppError, appError, ok, type Result } from '../result';
import { DEFAULT_HUB_PORT, type HubInfo } from '../team/contract';
import { loadOrCreateHubCertificate } from '../team/hub-certificate';
import { type HubState, isHubState } from '../team/hub-state';
import { apiCallBody, heartbeatBody, pairChallengeBody, pairCompleteBody, TEAM_PATH_PREFIX } from './protocol';
import type { StartHub } from './transport-contract';

/** importFiles carries up to 70 MB of base64; anything larger is not a Tallyroom request. */
const MAX_BODY_BYTES = 80 * 1024 * 1024;
/** Pairing messages are a few hundred bytes; they come before anyone is known. */
const MAX_PAIRING_BODY_BYTES = 16 * 1024;

export const startHub: StartHub = async (options) => {
  const hub = options.hub;
  if (!isHubState(hub)) return appError('HUB_NOT_RUNNING', 'The team hub was not made with createTeamHub.');
  const certificate = await loadOrCreateHubCertificate(hub.dataDir);
  const host = options.host ?? '0.0.0.0';
  const server = createServer(
    { key: certificate.keyPem, cert: certificate.certPem, minVersion: 'TLSv1.2' },
    (request, response) => void handle(hub, options.api, request, response),
  );
  // Every socket, handshaking ones included, so closing the hub really closes (a kept-alive or
  // half-handshaken connection would otherwise keep serving and hold close() open).
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;
  // A slow or stuck client cannot hold a request open forever.
  server.requestTimeout = 120_000;
  const listening = await new Promise<Result<number, AppError>>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve(
        appError(
          'HUB_NOT_RUNNING',
          error.code === 'EADDRINUSE'
            ? `Port ${options.port ?? DEFAULT_HUB_PORT} is already in use on this laptop; choose another port.`
            : `The hub could not listen on the network: ${error.message}`,
        ),
      ),
    );
    server.listen(options.port ?? DEFAULT_HUB_PORT, host, () => {
      const address = server.address();
      resolve(ok(typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_HUB_PORT)));
    });
  });
  if (!listening.ok) return listening;
  const port = listening.value;
  const info: HubInfo = {
    urls: hubUrls(host, port),
    port,
    fingerprint: certificate.fingerprint,
    startedAt: hub.clock().toISOString(),
  };
  hub.setRunning(info);
  return ok({
    ...info,
    close: () =>
      new Promise<void>((resolve) => {
        hub.setRunning(null);
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  });
};

function hubUrls(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`https://${host.includes(':') ? `[${host}]` : host}:${port}`];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => `https://${entry?.address}:${port}`);
  return addresses.length > 0 ? addresses : [`https://127.0.0.1:${port}`];
}

async function handle(
  hub: HubState,
  api: Parameters<StartHub>[0]['api'],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const path = new URL(request.url ?? '/', 'https://hub').pathname;
    if (request.method !== 'POST' || !path.startsWith(TEAM_PATH_PREFIX)) {
      return send(
        response,
        404,
        appError('NOT_FOUND', 'This is a Tallyroom hub; stations talk to it, browsers do not.'),
      );
    }
    const route = path.slice(TEAM_PATH_PREFIX.length);
    const now = hub.clock();
    const pairing = route.startsWith('pair/');
    // Who is asking is known from the headers: nobody unknown gets to send a large body.
    const station = pairing ? null : hub.authenticate(request.headers.authorization, now);
    if (station && !station.ok) {
      response.setHeader('Connection', 'close');
      return send(response, station.error.code === 'STATION_REVOKED' ? 403 : 401, station);
    }
    const body = await readJson(request, pairing ? MAX_PAIRING_BODY_BYTES : MAX_BODY_BYTES);
    if (!body.ok) {
      response.setHeader('Connection', 'close');
      return send(response, 400, body);
    }

    if (route === 'pair/challenge') {
      if (!pairChallengeBody.safeParse(body.value).success) return send(response, 400, badRequest());
      return send(response, 200, ok(hub.pairChallenge(now)));
    }
    if (route === 'pair/complete') {
      const parsed = pairCompleteBody.safeParse(body.value);
      if (!parsed.success) return send(response, 400, badRequest());
      return send(response, 200, hub.pairComplete(parsed.data, now, request.socket.remoteAddress ?? 'unknown'));
    }

    if (!station) return send(response, 404, appError('NOT_FOUND', 'No such hub address.'));

    if (route === 'heartbeat') {
      const parsed = heartbeatBody.safeParse(body.value);
      if (!parsed.success) return send(response, 400, badRequest());
      hub.heartbeat(station.value, parsed.data, now);
      return send(response, 200, ok(null));
    }
    if (!route.startsWith('api/')) return send(response, 404, appError('NOT_FOUND', 'No such hub address.'));
    const method = route.slice('api/'.length);
    if (!isApiMethodName(method)) {
      return send(response, 404, appError('UNKNOWN_METHOD', `There is no API method "${method}".`));
    }
    if (HUB_ONLY_METHODS.has(method)) {
      return send(
        response,
        200,
        appError('NOT_ALLOWED_FROM_STATION', 'This is done at the hub laptop (the chair’s), not at a station.'),
      );
    }
    const parsed = apiCallBody.safeParse(body.value);
    if (!parsed.success) return send(response, 400, badRequest());
    const input = parsed.data.input ?? {};
    // Leases name the station the request came from; the API alone would record "Hub".
    if (method === 'openPrecinct' || method === 'closePrecinct') {
      return send(response, 200, leaseCall(hub, method, input, station.value.id, now));
    }
    // Reads answer as they are; every change goes through delivery, which records its station and
    // applies it once: no request skips that record.
    const treatment = methodTable[method].station;
    if (treatment !== 'forward' && treatment !== 'cache') {
      return send(
        response,
        200,
        await hub.deliver(
          station.value,
          { requestId: parsed.data.requestId, method, input },
          api[method] as (input: unknown) => Promise<Result<unknown, AppError>>,
          hub.clock,
        ),
      );
    }
    const read = api[method] as (input: unknown) => Promise<Result<unknown, AppError>>;
    const answer = await read(input);
    if (method === 'signIn' && answer.ok) {
      hub.bindSession((answer.value as { session: string }).session, station.value.id);
    }
    return send(response, 200, answer);
  } catch (error) {
    console.error('team hub: internal error', error);
    return send(response, 500, appError('INTERNAL', 'The hub hit an unexpected problem; the request was not applied.'));
  }
}

function leaseCall(
  hub: HubState,
  method: 'openPrecinct' | 'closePrecinct',
  input: unknown,
  stationId: string,
  now: Date,
): Result<unknown, AppError> {
  if (method === 'openPrecinct') {
    const parsed = methodTable.openPrecinct.input.safeParse(input);
    return parsed.success ? hub.openPrecinct({ ...parsed.data, stationId }, now) : badRequest();
  }
  const parsed = methodTable.closePrecinct.input.safeParse(input);
  return parsed.success ? hub.closePrecinct({ ...parsed.data, stationId }, now) : badRequest();
}

function badRequest(): Result<never, AppError> {
  return appError('INVALID_INPUT', 'The hub could not read this request; update Tallyroom on the station.');
}

async function readJson(request: IncomingMessage, maxBytes: number): Promise<Result<unknown, AppError>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return appError('TOO_LARGE', 'The request is too large; send fewer files at a time.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return ok({});
  try {
    return ok(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  } catch {
    return appError('INVALID_JSON', 'The request body is not valid JSON.');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
