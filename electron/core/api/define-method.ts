/**
 * One API method, declared once: its input schema, who may call it, how a station treats it, and
 * its handler. The method table (method-table.ts) is a list of these; the `Api` type, the names
 * the preload exposes, the station's lists and the hub's refusals are all read from it.
 * docs/ARCHITECTURE.md, "Adding a method", walks through one.
 */
import type { z } from 'zod';
import type { BackgroundServices } from '../background/background-services';
import type { BundleDeps } from '../bundle/app-signing';
import type { AppError, Result } from '../result';
import type { ScanReaderSlot } from '../scan-review/scan-reader';
import type { SecretStore } from '../secrets/secret-store';
import type { CountyStore } from '../store/county-store';
import type { TeamHub } from '../team/contract';
import type { Access, ActorOf } from './access';

/**
 * How a station laptop (team mode, docs/TEAM.md) treats the method:
 * - 'forward': a read, sent to the hub as it is;
 * - 'cache': a read sent to the hub whose last answer is kept, so screens still show something while the hub is away;
 * - 'forward-change': a change sent to the hub now, under a request id when someone is signed in, so the
 *   hub records which station and person it came from and applies it once;
 * - 'queue': a change that goes to the station's outbox first and waits there while the hub is away;
 * - 'drive': removable drives are read where they are plugged in: a station refuses it (Import files instead);
 * - 'station': the station answers it itself (its own status, pairing, batches); the hub refuses it from stations;
 * - 'hub-only': done at the hub laptop: a station refuses it, and so does the hub when a station asks.
 */
export type StationTreatment = 'forward' | 'cache' | 'forward-change' | 'queue' | 'drive' | 'station' | 'hub-only';

/** What every handler may use: the county, the clock and the services the API was made with. */
export interface ApiServices {
  readonly store: CountyStore;
  /** Folder holding the demo county and other bundled resources. */
  readonly resourcesDir: string;
  readonly clock: () => Date;
  readonly secrets: SecretStore;
  readonly background: BackgroundServices;
  /** The API's one scan reader, made on the first read. */
  readonly scanReaders: ScanReaderSlot;
  /** The hub's team state when this laptop is the hub. */
  readonly team: TeamHub | undefined;
  readonly bundles: BundleDeps;
}

/** A handler's second argument: the services, and the person its access resolved to (unless it is open). */
export type MethodContext<A extends Access> = ApiServices & ActorOf<A>;

export interface MethodEntry<S extends z.ZodType = z.ZodType, A extends Access = Access, O = unknown> {
  /** Validated on every transport before anything else: nothing unchecked reaches a handler. */
  readonly input: S;
  readonly access: A;
  readonly station: StationTreatment;
  /** Parses nothing and checks no permission itself: it calls the domain with the person resolved. */
  readonly handle: (
    input: z.output<S>,
    context: MethodContext<A>,
  ) => Result<O, AppError> | Promise<Result<O, AppError>>;
}

/** Declares a method; the output type is read from the handler, so the renderer stays fully typed. */
export function defineMethod<S extends z.ZodType, A extends Access, O>(
  entry: MethodEntry<S, A, O>,
): MethodEntry<S, A, O> {
  return entry;
}
