/**
 * 5. App start to an interactive dashboard: the serve harness (scripts/serve/main.ts) started on a
 * 200-precinct, 15-candidate county (150 reported) and Debian's Chromium opening it, signing in as
 * the chair, until the dashboard shows "N of 200 precincts reporting" and the precinct list.
 * Baseline: the same harness serving a static page (no script) from a folder given as --renderer,
 * from spawn to that page shown. The browser is launched once, before timing (a fresh context per run).
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { importResultsFile } from '../../electron/core/intake/import-results-file';
import { writePrecinctResultsCsv } from '../../electron/core/results-file/write-results';
import { BENCH_CHAIR, benchCounty, emit, figure, median, peakRssOfPid, REPO_ROOT } from './lib';

const RUNS = Number(process.env.BENCH_APP_RUNS ?? 2);
const PRECINCTS = 200;
const REPORTED = 150;
const READY = /Tallyroom serving at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/;
/** playwright.config.ts launchOptions. */
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

function startHarness(dbPath: string, renderer?: string): Promise<{ child: ChildProcess; url: string }> {
  const args = ['scripts/serve/main.ts', '--db', dbPath, '--port', '0', ...(renderer ? ['--renderer', renderer] : [])];
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  return new Promise((resolveStart, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${stderr}`)), 60_000);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      const match = READY.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited ${code}: ${stderr}`));
    });
  });
}

/** The node process under tsx's wrapper: the one that holds the database and serves. */
function harnessPeak(child: ChildProcess): number | null {
  const peaks: number[] = [];
  const own = child.pid ? peakRssOfPid(child.pid) : null;
  if (own) peaks.push(own);
  try {
    const kids = execSync(`pgrep -P ${child.pid}`, { encoding: 'utf8' }).trim().split('\n');
    for (const pid of kids) {
      const peak = peakRssOfPid(Number(pid));
      if (peak) peaks.push(peak);
    }
  } catch {}
  return peaks.length ? Math.max(...peaks) : null;
}

async function stopHarness(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function appRun(browser: Browser, dbPath: string): Promise<{ ms: number; peak: number | null }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const started = performance.now();
  const { child, url } = await startHarness(dbPath);
  try {
    const page = await context.newPage();
    await page.goto(url);
    const dialog = page.getByRole('dialog', { name: 'Sign in' });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    await dialog.getByLabel('Name').fill(BENCH_CHAIR.name);
    await dialog.getByLabel('PIN').fill(BENCH_CHAIR.pin);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`${REPORTED} of ${PRECINCTS} precincts reporting`).waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'Precincts' }).locator('tbody tr').first().waitFor({ timeout: 60_000 });
    const ms = performance.now() - started;
    return { ms, peak: harnessPeak(child) };
  } finally {
    await context.close();
    await stopHarness(child);
  }
}

async function staticRun(
  browser: Browser,
  dbPath: string,
  staticDir: string,
): Promise<{ ms: number; peak: number | null }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const started = performance.now();
  const { child, url } = await startHarness(dbPath, staticDir);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByText('Static page ready').waitFor({ timeout: 60_000 });
    return { ms: performance.now() - started, peak: harnessPeak(child) };
  } finally {
    await context.close();
    await stopHarness(child);
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'tallyroom-bench-app-'));
  try {
    const county = await benchCounty(
      { county: 'Dashboard County', precincts: PRECINCTS, candidates: 15, seed: 51 },
      work,
    );
    const results = Array.from({ length: REPORTED }, (_, index) => county.resultOf(index));
    const filled = importResultsFile(county.store, {
      fileName: 'results.csv',
      bytes: new TextEncoder().encode(writePrecinctResultsCsv(results, county.spec.county)),
      source: 'usb',
      operator: 'Bench Operator',
      at: '2026-02-03T02:00:00Z',
    });
    if (!filled.ok) throw new Error(filled.error.message);
    county.store.close();

    const staticDir = join(work, 'static');
    mkdirSync(staticDir);
    const rows = Array.from(
      { length: PRECINCTS },
      (_, index) => `<tr><td>P${index + 1}</td><td>received</td></tr>`,
    ).join('');
    writeFileSync(
      join(staticDir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head><body><h1>Static page ready</h1><table>${rows}</table></body></html>`,
    );

    const launchStarted = performance.now();
    const browser = await chromium.launch(LAUNCH);
    const launchMs = performance.now() - launchStarted;
    const app: number[] = [];
    const baseline: number[] = [];
    const peaks: number[] = [];
    const basePeaks: number[] = [];
    try {
      // One untimed warm-up (disk cache, tsx's transform cache: the harness code is the same for both).
      await staticRun(browser, county.dbPath, staticDir);
      for (let run = 0; run < RUNS; run++) {
        const base = await staticRun(browser, county.dbPath, staticDir);
        baseline.push(base.ms);
        if (base.peak) basePeaks.push(base.peak);
        const subject = await appRun(browser, county.dbPath);
        app.push(subject.ms);
        if (subject.peak) peaks.push(subject.peak);
      }
    } finally {
      await browser.close();
    }
    emit({
      ...figure(
        {
          id: 'app-start',
          title: 'App start to interactive dashboard, 200 precincts (serve harness + Chromium)',
          subject: 'spawn harness -> ready -> page load -> sign in -> dashboard totals + precinct list shown',
          baseline: 'spawn the same harness serving a static page -> page shown',
          peakRssMiB: peaks.length ? Math.max(...peaks) : null,
          baselinePeakRssMiB: basePeaks.length ? Math.max(...basePeaks) : null,
          size: { precincts: PRECINCTS, reported: REPORTED, candidates: 15 },
          notes: [
            `Chromium launched once before timing (${Math.round(launchMs)} ms, not included); fresh browser context per run`,
            'peak memory is the harness (node) process, from /proc VmHWM; Chromium not included',
            `renderer as built in out/renderer at the time of the run; median baseline ${Math.round(median(baseline))} ms is mostly node + tsx start-up`,
          ],
        },
        app,
        baseline,
      ),
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
