/**
 * Team mode (docs/TEAM.md): 20 stations entering worksheets at once against one hub, over real TLS
 * on loopback. Each station is a real station API (its own outbox database, synchronous=FULL,
 * pinned certificate) keying its entries one after another, all 20 at the same time; the hub is
 * the real HTTPS server carrying the real API. Baseline, in the same run and interleaved: the
 * same number of entries through the hub's API in-process, one after another (no network, no
 * outbox). Figures: the time for a round of entries (so entries per second), and the latency of
 * one entry at p50 and p95 against the in-process call's p50 and p95.
 *
 * Stations and hub share this process (and the machine's two cores): the figure is what one
 * laptop would see with everything on it, an upper bound on the hub's own cost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../electron/core/api';
import { createStationApi, createTeamHub, type StationHandle, startHub } from '../../electron/core/team-transport';
import { BENCH_CHAIR, benchCounty, emit, type Figure, figure, isMain, peakRssMiB, round } from './lib';

const STATIONS = Number(process.env.BENCH_TEAM_STATIONS ?? 20);
const ENTRIES_PER_STATION = Number(process.env.BENCH_TEAM_ENTRIES ?? 10);
const ROUNDS = Number(process.env.BENCH_TEAM_ROUNDS ?? 5);
const PRECINCTS = 400;

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
}

async function main(): Promise<void> {
  const county = await benchCounty({ county: 'Team Bench', precincts: PRECINCTS, candidates: 8, seed: 41 });
  const hubDir = mkdtempSync(join(tmpdir(), 'tallyroom-bench-team-'));
  const hub = createTeamHub({ store: county.store, dataDir: join(hubDir, 'hub') });
  const api = createApi({ store: county.store, resourcesDir: join(import.meta.dirname, '../../resources'), team: hub });
  const running = must(await startHub({ hub, api, host: '127.0.0.1', port: 0 }), 'startHub');
  const stations: { handle: StationHandle; session: string }[] = [];
  try {
    const chair = must(await api.signIn(BENCH_CHAIR), 'signIn').session;
    // Pairing and sign-in are set-up, not timed.
    for (let index = 0; index < STATIONS; index++) {
      const name = `Operator ${String(index + 1).padStart(2, '0')}`;
      must(await api.addOperator({ session: chair, name, role: 'entry', pin: '1357' }), 'addOperator');
      const code = must(await api.createPairingCode({ session: chair }), 'createPairingCode').code;
      const handle = must(createStationApi({ dataDir: join(hubDir, `station-${index}`) }), 'createStationApi');
      must(
        await handle.api.pairWithHub({ hubUrl: running.urls[0] as string, code, stationName: `Table ${index + 1}` }),
        'pairWithHub',
      );
      const session = must(await handle.api.signIn({ name, pin: '1357' }), 'station signIn').session;
      stations.push({ handle, session });
    }
    const baselineSession = must(await api.signIn(BENCH_CHAIR), 'signIn').session;

    let entryNumber = 0;
    const nextEntry = (session: string) => {
      const n = entryNumber++;
      const result = county.resultOf(n % PRECINCTS, n);
      return {
        session,
        precinct: result.precinct,
        lines: result.lines.map((line) => ({
          candidate: line.candidate,
          firstAlignment: line.firstAlignment,
          finalAlignment: line.finalAlignment,
          delegatesAwarded: null,
        })),
        coinTosses: [],
        source: 'manual' as const,
      };
    };

    const roundEntries = STATIONS * ENTRIES_PER_STATION;
    const subjectRounds: number[] = [];
    const baselineRounds: number[] = [];
    const subjectLatencies: number[] = [];
    const baselineLatencies: number[] = [];
    // Warm-up (JIT, TLS sessions, statement cache) of both paths, untimed.
    for (const station of stations) must(await station.handle.api.submitWorksheet(nextEntry(station.session)), 'warm');
    for (let warm = 0; warm < STATIONS; warm++) must(await api.submitWorksheet(nextEntry(baselineSession)), 'warm');

    for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
      let started = performance.now();
      for (let entry = 0; entry < roundEntries; entry++) {
        const one = performance.now();
        must(await api.submitWorksheet(nextEntry(baselineSession)), 'baseline entry');
        baselineLatencies.push(performance.now() - one);
      }
      baselineRounds.push(performance.now() - started);

      started = performance.now();
      await Promise.all(
        stations.map(async (station) => {
          for (let entry = 0; entry < ENTRIES_PER_STATION; entry++) {
            const one = performance.now();
            const answer = must(await station.handle.api.submitWorksheet(nextEntry(station.session)), 'station entry');
            if (answer.queued) throw new Error('an entry was queued: the hub did not answer in time');
            subjectLatencies.push(performance.now() - one);
          }
        }),
      );
      subjectRounds.push(performance.now() - started);
    }

    const reports = county.store.countReports();
    const size = {
      stations: STATIONS,
      entriesPerStationPerRound: ENTRIES_PER_STATION,
      entriesPerRound: roundEntries,
      rounds: ROUNDS,
      precincts: PRECINCTS,
      candidates: 8,
      reportsAtEnd: reports,
    };
    const throughput = figure(
      {
        id: 'team-20-stations',
        title: `Team: ${STATIONS} stations x ${ENTRIES_PER_STATION} entries at once over TLS`,
        subject: `${roundEntries} worksheet entries from ${STATIONS} paired stations at once (outbox fsync, TLS, hub API, request record)`,
        baseline: `the same number of entries through the hub's API in-process, one after another`,
        peakRssMiB: peakRssMiB(),
        size,
      },
      subjectRounds,
      baselineRounds,
    );
    const perSecond = (ms: number) => round((roundEntries / ms) * 1000, 1);
    const latency = (fraction: number, label: string): Figure =>
      figure(
        {
          id: `team-latency-${label}`,
          title: `Team: one entry's latency at ${label}, ${STATIONS} stations entering`,
          subject: `${label} of the time from a station's submitWorksheet to the hub's answer, all ${STATIONS} stations entering`,
          baseline: `${label} of one in-process submitWorksheet on the hub`,
          peakRssMiB: peakRssMiB(),
          size,
        },
        [percentile(subjectLatencies, fraction)],
        [percentile(baselineLatencies, fraction)],
      );
    emit([
      {
        ...throughput,
        notes: [
          `entries per second: ${perSecond(throughput.subjectMs)} from the stations, ${perSecond(throughput.baselineMs)} in-process`,
          'stations and hub share one process and the two cores; each station also writes its outbox with synchronous=FULL',
        ],
      },
      latency(0.5, 'p50'),
      latency(0.95, 'p95'),
    ]);
  } finally {
    for (const station of stations) await station.handle.close();
    await running.close();
    county.store.close();
    rmSync(hubDir, { recursive: true, force: true });
    rmSync(county.dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await main();
