/**
 * The risk-limiting audit end to end: a recount verifier runs the risk-limiting audit of the demo county in the app:
 * risk limit and the public seed, the sampled precincts in draw order, blind hand tallies keyed from
 * the keyboard, the measured risk against the limit, escalation, the verdict and the report.
 * The demo county's results are first brought to certified through the API (setup, not the subject).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { callApi, DEMO_CHAIR, expect, type Server, screenshot, signIn, signOut, test } from './fixtures';

test.use({ demo: true });
// Setting the demo county up, certifying it and counting a dozen precincts by keyboard is long on a busy machine.
test.describe.configure({ timeout: 300_000 });

const SEED = '81726354091827364510';

interface Line {
  candidate: string;
  firstAlignment: number | null;
  finalAlignment: number | null;
  delegatesAwarded: number | null;
}
interface Detail {
  status: string;
  reports: { id: number; lines: Line[] }[];
  current: { lines: Line[] } | null;
  evaluation: { findings: unknown[] } | null;
}

/** Every demo precinct keyed twice from the paper and certified by the chair: fixed results to audit. */
async function certifyDemoCounty(server: Server): Promise<void> {
  const chair = (await callApi<{ session: string }>(server, 'signIn', DEMO_CHAIR)).session;
  const jordan = (await callApi<{ session: string }>(server, 'signIn', { name: 'Jordan Lee', pin: '1111' })).session;
  const sam = (await callApi<{ session: string }>(server, 'signIn', { name: 'Sam Ortiz', pin: '2222' })).session;
  const election = await callApi<{ candidates: { name: string }[] }>(server, 'getElection', {});
  const overview = await callApi<{ precincts: { code: string }[] }>(server, 'getOverview', {});
  for (const [index, { code }] of overview.precincts.entries()) {
    const detail = await callApi<Detail>(server, 'getPrecinct', { precinct: code });
    if (detail.status === 'certified') continue;
    const usable = detail.current && (detail.evaluation?.findings.length ?? 0) === 0 ? detail.current.lines : null;
    // A precinct without a usable report: numbers that break no rule (nobody realigns), with Adams
    // well ahead, so the county's margin is wide enough to audit by sampling at 10%.
    const lines: Line[] =
      usable ??
      election.candidates.map((candidate, at) => {
        const count = [70 + (index % 7) * 3, 8, 6, 5, 4, 2][at] ?? 1;
        return { candidate: candidate.name, firstAlignment: count, finalAlignment: count, delegatesAwarded: null };
      });
    const typed = lines.map((line) => ({ ...line, delegatesAwarded: null }));
    const keyed = [];
    for (const session of [jordan, sam]) {
      keyed.push(
        await callApi<{ reportId: number; status: string }>(server, 'submitWorksheet', {
          session,
          precinct: code,
          lines: typed,
          coinTosses: [],
          source: 'manual',
        }),
      );
    }
    if (keyed.at(-1)?.status !== 'verified') {
      const after = await callApi<Detail>(server, 'getPrecinct', { precinct: code });
      await callApi(server, 'resolveDiscrepancy', {
        session: chair,
        precinct: code,
        settles: after.reports.map((report) => report.id),
        chosenReportId: keyed[0]?.reportId,
        reason: 'Checked against the paper worksheet.',
      });
    }
    await callApi(server, 'certifyPrecinct', { session: chair, pin: DEMO_CHAIR.pin, precinct: code });
  }
}

async function reportedFinal(server: Server, precinct: string): Promise<Map<string, number>> {
  const detail = await callApi<Detail>(server, 'getPrecinct', { precinct });
  return new Map((detail.current?.lines ?? []).map((line) => [line.candidate, line.finalAlignment ?? 0]));
}

/** Keys the hand tally now asked for, box by box with Enter, and saves with Ctrl+Enter. */
async function keyHandTally(page: Page, counts: readonly number[], clickFirst: boolean): Promise<void> {
  const form = page.getByRole('form', { name: 'Hand tally' });
  // After a save the cursor is already in the next precinct's first box; after a look around, click it.
  if (clickFirst) await form.getByRole('textbox').first().click();
  await expect(form.getByRole('textbox').first()).toBeFocused();
  for (const count of counts) {
    await page.keyboard.type(String(count));
    await page.keyboard.press('Enter');
  }
  await expect(form.getByRole('button', { name: 'Save hand tally' })).toBeFocused();
  await page.keyboard.press('Control+Enter');
}

/** Keys every precinct still waiting, the counts as reported (or `change` for one of them). */
async function keyAwaiting(
  page: Page,
  server: Server,
  candidates: readonly string[],
  change?: { precinct: string; counts: (reported: Map<string, number>) => number[] },
  atMost = Number.POSITIVE_INFINITY,
): Promise<void> {
  for (let done = 0; done < atMost; done++) {
    const form = page.getByRole('form', { name: 'Hand tally' });
    if ((await form.count()) === 0) return;
    const heading = (await page.getByTestId('tally-precinct').textContent()) ?? '';
    const precinct = heading.split(' · ')[0] ?? '';
    const reported = await reportedFinal(server, precinct);
    // Blind: the reported numbers of the precinct being counted are nowhere on the screen.
    await expect(page.getByRole('table', { name: `Reported and hand count of ${precinct}` })).toHaveCount(0);
    const counts =
      change?.precinct === precinct
        ? change.counts(reported)
        : candidates.map((candidate) => reported.get(candidate) ?? 0);
    await keyHandTally(page, counts, done === 0);
    await expect(page.getByRole('table', { name: `Reported and hand count of ${precinct}` })).toBeVisible();
    // The next precinct to count (or none): never the one just saved.
    const next = page.getByTestId('tally-precinct');
    await expect.poll(async () => ((await next.count()) === 0 ? '(none)' : await next.textContent())).not.toBe(heading);
  }
}

/** The chair, at another laptop, enters the hand tallies still waiting, as counted (matching the report). */
async function enterRestThroughApi(server: Server, candidates: readonly string[]): Promise<void> {
  const chair = (await callApi<{ session: string }>(server, 'signIn', DEMO_CHAIR)).session;
  const audit = await callApi<{ awaiting: string[] }>(server, 'getAudit', {});
  for (const precinct of audit.awaiting) {
    const reported = await reportedFinal(server, precinct);
    await callApi(server, 'auditEnterHandTally', {
      session: chair,
      precinct,
      counts: candidates.map((candidate) => ({ candidate, count: reported.get(candidate) ?? 0 })),
    });
  }
}

test('a recount verifier audits the demo county from the public seed to the verdict and the report', async ({
  app: page,
  server,
}) => {
  await certifyDemoCounty(server);
  const election = await callApi<{ candidates: { name: string }[] }>(server, 'getElection', {});
  const candidates = election.candidates.map((candidate) => candidate.name);

  // The chair hands the laptop to the recount verifier.
  await signOut(page);
  await signIn(page, 'Riley Park', '3333');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Risk-limiting audit' }).click();
  await expect(page.getByRole('heading', { name: 'Risk-limiting audit' })).toBeVisible();

  // 1: the risk limit and the seed rolled in public.
  const seedForm = page.getByRole('form', { name: 'Risk limit and seed' });
  await expect(seedForm.getByLabel('Risk limit (%)')).toHaveValue('10');
  await expect(page.getByTestId('audit-plan-figures')).toContainText('the first round draws');
  await expect(seedForm).toContainText('roll a ten-sided die 20 times');
  await seedForm.getByLabel('Seed digits').fill('8172abc');
  await seedForm.getByRole('button', { name: 'Fix the seed' }).click();
  await expect(seedForm.getByRole('alert')).toHaveText('Type the digits rolled, 0 to 9 only.');
  await seedForm.getByLabel('Seed digits').fill(SEED);
  await expect(seedForm).toContainText('20 digits');
  await seedForm.getByLabel('Where and how it was rolled').fill('20 rolls of a d10 at the central committee, 7 pm');
  await screenshot(page, 'audit-1-seed');
  await expectAccessible(page, 'audit step 1, the seed');
  await seedForm.getByRole('button', { name: 'Fix the seed' }).click();
  await expect(page.getByTestId('audit-seed')).toHaveText(SEED);

  // 2: the draw, in draw order, with what to fetch.
  await page.getByRole('button', { name: 'Draw round 1' }).click();
  const sample = page.getByRole('table', { name: 'Sampled precincts' });
  await expect(sample).toBeVisible();
  const audit = await callApi<{ rounds: { tickets: { precinct: string }[] }[]; sampled: { precinct: string }[] }>(
    server,
    'getAudit',
    {},
  );
  const drawn = audit.rounds[0]?.tickets.map((ticket) => ticket.precinct) ?? [];
  expect(drawn.length).toBeGreaterThan(0);
  await expect(sample.locator('tbody tr')).toHaveCount(audit.sampled.length);
  await expect(sample.locator('tbody tr').first()).toContainText(drawn[0] ?? '');
  await expect(sample).toContainText('Preference cards and worksheet');
  await screenshot(page, 'audit-2-sample');
  await expectAccessible(page, 'audit step 2, the sample');

  // 3: blind hand tallies from the keyboard. The first precinct drawn was misreported: its hand count
  // gives the runner-up's supporters the winner's column, so the risk rises above the limit.
  const first = drawn[0] as string;
  await keyAwaiting(page, server, candidates, {
    precinct: first,
    counts: (reported) => {
      const sorted = [...reported.values()].sort((a, b) => b - a);
      return candidates.map((candidate) => {
        const value = reported.get(candidate) ?? 0;
        return value === sorted[0] ? (sorted[1] ?? 0) : value === sorted[1] ? (sorted[0] ?? 0) : value;
      });
    },
  });
  await expect(page.getByRole('progressbar', { name: 'Sampled precincts hand counted' })).toHaveAttribute(
    'aria-valuenow',
    String(audit.sampled.length),
  );
  await screenshot(page, 'audit-3-tallies');
  await expectAccessible(page, 'audit step 3, the hand tallies');

  // 4: the measured risk against the limit, and the discrepancy found.
  await expect(page.getByTestId('risk-chart')).toBeVisible();
  await expect(page.getByTestId('discrepancy-chart')).toContainText('overstated');
  await page.getByRole('button', { name: 'Record the risk of round 1' }).click();
  await expect(page.getByText('Recorded by Riley Park for round 1.')).toBeVisible();
  await screenshot(page, 'audit-4-risk');
  await expectAccessible(page, 'audit step 4, the risk');

  // 5: escalate until the audit can stop: another round, or a full hand count of every precinct left.
  const verdict = page.getByTestId('audit-verdict');
  await expect(verdict).not.toContainText('confirmed at the');
  let rounds = 1;
  for (;;) {
    const escalate = page.getByRole('button', { name: /^(Draw round \d+|Escalate to a full hand count)/ });
    if ((await escalate.count()) === 0) break;
    await escalate.click();
    rounds += 1;
    await expect(page.locator(`[data-round="${rounds}"]`).first()).toBeVisible();
    await screenshot(page, `audit-5-round-${rounds}`);
    // Two precincts here by keyboard; the chair keys the rest on another laptop at the same time.
    await keyAwaiting(page, server, candidates, undefined, 2);
    await enterRestThroughApi(server, candidates);
    await expect(page.getByRole('progressbar', { name: 'Sampled precincts hand counted' })).toHaveAttribute(
      'aria-valuenow',
      String((await callApi<{ sampled: unknown[] }>(server, 'getAudit', {})).sampled.length),
      { timeout: 20_000 },
    );
    await page.getByRole('button', { name: `Record the risk of round ${rounds}` }).click();
    await expect(page.getByText(`Recorded by Riley Park for round ${rounds}.`)).toBeVisible();
  }
  expect(rounds).toBeGreaterThan(1);
  await expect(verdict).toContainText(/confirmed|confirms the reported winner/);
  await expect(page.getByTestId('risk-chart').locator('[data-round]')).toHaveCount(rounds);
  await screenshot(page, 'audit-6-verdict');
  await expectAccessible(page, 'audit steps 5 and 6, the verdict and the report');

  // 6: the report, as a PDF download.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Audit report (PDF)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-report-tally-county-\d+\.pdf$/);
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

  // Every step is in the audit log.
  const log = await callApi<{ entries: { action: string }[] }>(server, 'getAuditLog', { limit: 200 });
  const actions = new Set(log.entries.map((entry) => entry.action));
  for (const action of [
    'audit.started',
    'audit.round-drawn',
    'audit.hand-tally-entered',
    'audit.measured',
    'audit.report-exported',
  ]) {
    expect(actions.has(action)).toBe(true);
  }
});
