/**
 * `npm run bench`: every benchmark in its own child process, in priority order, then
 * bench/results.json and a table. Every figure is a ratio against a baseline measured in the same
 * run (this machine is noisy), with the absolute milliseconds and peak memory beside it.
 * BENCH_ONLY=import,recompute runs some of them.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { type Figure, REPO_ROOT, round, runPart } from './lib';

const BENCHMARKS = ['import', 'recompute', 'health', 'bundle', 'national', 'app-start', 'team', 'ocr', 'cli'] as const;

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const load = readFileSync('/proc/loadavg', 'utf8').trim();
  let nproc = cpus().length;
  try {
    nproc = Number(execSync('nproc', { encoding: 'utf8' }).trim());
  } catch {}
  return {
    nproc,
    cpuModel: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? 'unknown',
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: load,
  };
}

function main(): void {
  const only = process.env.BENCH_ONLY?.split(',');
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const host = machine();
  const figures: Figure[] = [];
  const failed: { benchmark: string; error: string }[] = [];
  for (const name of BENCHMARKS) {
    if (only && !only.includes(name)) continue;
    const benchStarted = performance.now();
    console.error(`bench: ${name} ...`);
    try {
      figures.push(...runPart<Figure[]>(join(REPO_ROOT, 'scripts/bench', `${name}.ts`), []));
    } catch (error) {
      failed.push({ benchmark: name, error: String(error).slice(0, 2000) });
      console.error(`bench: ${name} failed: ${String(error).slice(0, 500)}`);
    }
    console.error(`bench: ${name} done in ${round((performance.now() - benchStarted) / 1000, 1)} s`);
  }
  const results = {
    date: startedAt,
    totalSeconds: round((performance.now() - started) / 1000, 1),
    machine: {
      ...host,
      loadAverageAtEnd: readFileSync('/proc/loadavg', 'utf8').trim(),
      note: 'Other processes (other sessions building and testing) were running on this machine during this run; read the ratios, not the absolute numbers.',
    },
    figures,
    failed,
  };
  mkdirSync(join(REPO_ROOT, 'bench'), { recursive: true });
  writeFileSync(join(REPO_ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(table(figures));
  for (const figure of figures) {
    if (figure.target)
      console.log(
        `${figure.id}: target ${figure.target.text}: ${figure.target.met === null ? 'not measured' : figure.target.met ? 'MET' : 'NOT MET'}`,
      );
  }
  for (const failure of failed) console.log(`${failure.benchmark}: FAILED (see bench/results.json)`);
  console.log(
    `\n${host.nproc} x ${host.cpuModel}, ${host.memoryGiB} GiB, Node ${host.node}; total ${results.totalSeconds} s; written bench/results.json`,
  );
}

function table(figures: readonly Figure[]): string {
  const rows = [
    ['benchmark', 'ratio', 'subject ms', 'baseline ms', 'runs', 'peak MiB'],
    ...figures.map((figure) => [
      figure.title,
      `${figure.ratio.toFixed(2)}x`,
      figure.subjectMs.toFixed(1),
      figure.baselineMs.toFixed(1),
      String(figure.runs),
      figure.peakRssMiB === null
        ? '-'
        : `${figure.peakRssMiB}${figure.baselinePeakRssMiB ? ` (base ${figure.baselinePeakRssMiB})` : ''}`,
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row, index) => {
      const line = row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join('  ');
      return index === 0 ? `${line}\n${'-'.repeat(line.length)}` : line;
    })
    .join('\n');
}

main();
