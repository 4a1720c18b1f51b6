/**
 * Shared helpers for `npm run bench` (scripts/bench/main.ts): seeded data, a county database set up
 * through the real API, timing, peak memory, and the one-line result each benchmark prints.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Api, createApi } from '../../electron/core/api';
import type { CandidateLine, PrecinctResult } from '../../electron/core/rules/types';
import { openCountyStore } from '../../electron/core/store';
import type { CountyStore } from '../../electron/core/store/county-store';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const RESOURCES_DIR = join(REPO_ROOT, 'resources');
export const RESULT_PREFIX = 'BENCH_RESULT ';
export const BENCH_CHAIR = { name: 'Bench Chair', pin: '246800' } as const;

/** One measured figure: the subject against its baseline, both measured in the same process, interleaved. */
export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly subject: string;
  readonly baseline: string;
  /** Median milliseconds of the subject and of the baseline over `runs` interleaved runs. */
  readonly subjectMs: number;
  readonly baselineMs: number;
  readonly ratio: number;
  readonly runs: number;
  readonly allSubjectMs: readonly number[];
  readonly allBaselineMs: readonly number[];
  /** Peak resident memory (MiB) of the process that ran the subject (and of its baseline, when separate). */
  readonly peakRssMiB: number | null;
  readonly baselinePeakRssMiB?: number | null;
  readonly target?: { readonly text: string; readonly met: boolean | null };
  readonly notes?: readonly string[];
  readonly size?: Record<string, number | string>;
}

export function emit(figures: readonly Figure[] | Figure): void {
  console.log(`${RESULT_PREFIX}${JSON.stringify(Array.isArray(figures) ? figures : [figures])}`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function round(value: number, places = 2): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** Peak resident set size of this process so far, MiB (Linux reports maxRSS in KiB). */
export function peakRssMiB(): number {
  return round(process.resourceUsage().maxRSS / 1024, 1);
}

/** VmHWM (peak RSS) of another process, MiB, from /proc; null when it has gone. */
export function peakRssOfPid(pid: number): number | null {
  const status = spawnSync('cat', [`/proc/${pid}/status`], { encoding: 'utf8' });
  const match = /VmHWM:\s+(\d+) kB/.exec(status.stdout ?? '');
  return match ? round(Number(match[1]) / 1024, 1) : null;
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

export function figure(
  base: Omit<Figure, 'subjectMs' | 'baselineMs' | 'ratio' | 'runs' | 'allSubjectMs' | 'allBaselineMs'>,
  subject: readonly number[],
  baseline: readonly number[],
): Figure {
  const subjectMs = median(subject);
  const baselineMs = median(baseline);
  return {
    ...base,
    subjectMs: round(subjectMs, 3),
    baselineMs: round(baselineMs, 3),
    ratio: round(subjectMs / baselineMs, 2),
    runs: subject.length,
    allSubjectMs: subject.map((ms) => round(ms, 3)),
    allBaselineMs: baseline.map((ms) => round(ms, 3)),
  };
}

/** Mulberry32: a tiny seeded PRNG, so every run generates the same data. */
export function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const candidateNames = (count: number): string[] =>
  Array.from({ length: count }, (_, index) => `Candidate ${String(index + 1).padStart(2, '0')}`);
export const precinctCode = (index: number): string => `P${String(index + 1).padStart(5, '0')}`;

export interface BenchCountySpec {
  readonly county: string;
  readonly precincts: number;
  readonly candidates: number;
  readonly seed: number;
}

export interface BenchCounty {
  readonly spec: BenchCountySpec;
  readonly dir: string;
  readonly dbPath: string;
  readonly store: CountyStore;
  readonly api: Api;
  readonly candidates: readonly string[];
  readonly delegates: readonly number[];
  readonly sdePerDelegate: number;
  /** A plausible report for precinct `index` (attendance drawn from the seeded PRNG; delegates left to the rules). */
  resultOf(index: number, variant?: number): PrecinctResult;
}

/** A fresh county database set up through the real API (createCounty, with a chair who can sign in). */
export async function benchCounty(spec: BenchCountySpec, parent = tmpdir()): Promise<BenchCounty> {
  const dir = mkdtempSync(join(parent, 'tallyroom-bench-'));
  const dbPath = join(dir, 'county.db');
  const store = openCountyStore(dbPath);
  let tick = Date.parse('2026-02-03T01:30:00Z');
  const api = createApi({
    store,
    resourcesDir: RESOURCES_DIR,
    clock: () => {
      tick += 1000;
      return new Date(tick);
    },
  });
  const random = prng(spec.seed);
  const candidates = candidateNames(spec.candidates);
  const delegates = Array.from({ length: spec.precincts }, () => 1 + Math.floor(random() * 9));
  const sdePerDelegate = 0.25;
  const created = await api.createCounty({
    chair: BENCH_CHAIR,
    setup: {
      county: spec.county,
      name: `${spec.county} Caucus`,
      date: '2026-02-02',
      rulesProfile: 'iowa-dem-2020',
      sdePerDelegate,
      precincts: delegates.map((d, index) => ({
        code: precinctCode(index),
        name: `Precinct ${index + 1}`,
        delegates: d,
      })),
      candidates,
    },
  });
  if (!created.ok) throw new Error(`createCounty: ${created.error.message}`);
  return {
    spec,
    dir,
    dbPath,
    store,
    api,
    candidates,
    delegates,
    sdePerDelegate,
    resultOf(index, variant = 0) {
      const rand = prng(spec.seed * 7919 + index * 31 + variant);
      const attendees = 20 + Math.floor(rand() * 300);
      const weights = candidates.map(() => 0.2 + rand());
      const total = weights.reduce((a, b) => a + b, 0);
      const first = weights.map((weight) => Math.floor((weight / total) * attendees));
      const lines: CandidateLine[] = candidates.map((candidate, line) => ({
        candidate,
        firstAlignment: first[line] as number,
        finalAlignment: first[line] as number,
        delegatesAwarded: null,
        sde: null,
      }));
      return {
        county: spec.county,
        precinct: precinctCode(index),
        precinctDelegates: delegates[index] as number,
        sdePerDelegate,
        lines,
        coinTosses: [],
      };
    },
  };
}

/** A scratch folder on tmpfs when there is one (data generation only: nothing timed runs there). */
export function scratchRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** `sha256sum` over the files, in batches that fit a command line; returns milliseconds. */
export function sha256sumMs(files: readonly string[]): number {
  const started = performance.now();
  for (let start = 0; start < files.length; start += 1000) {
    const run = spawnSync('sha256sum', files.slice(start, start + 1000), { stdio: ['ignore', 'ignore', 'pipe'] });
    if (run.status !== 0) throw new Error(`sha256sum failed: ${run.stderr}`);
  }
  return performance.now() - started;
}

/** What a child part prints (after RESULT_PREFIX on its last line): any JSON the parent reads back. */
export function emitPart(value: unknown): void {
  console.log(`${RESULT_PREFIX}${JSON.stringify(value)}`);
}

/**
 * Runs `tsx <file> <args>` in a child process (its own heap, so its peak memory is its own) and
 * returns the JSON it printed after RESULT_PREFIX. Its other output goes to our stderr.
 */
export function runPart<T>(file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = (child.stdout ?? '')
    .split('\n')
    .reverse()
    .find((text) => text.startsWith(RESULT_PREFIX));
  if (child.status !== 0 || !line) {
    throw new Error(`${file} ${args.join(' ')} failed (exit ${child.status}):\n${child.stdout}`);
  }
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}

export function isMain(url: string): boolean {
  return resolve(process.argv[1] ?? '') === resolve(new URL(url).pathname);
}

/** runPart without blocking: for parts that may run side by side (data generation on 2 cores). */
export function runPartAsync<T>(file: string, args: readonly string[]): Promise<T> {
  return new Promise((resolvePart, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = stdout
        .split('\n')
        .reverse()
        .find((text) => text.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) reject(new Error(`${file} ${args.join(' ')} failed (exit ${code}):\n${stdout}`));
      else resolvePart(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
    });
  });
}
