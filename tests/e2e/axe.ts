/**
 * The accessibility check of the end-to-end tests (docs/ACCESSIBILITY.md): axe-core over what the page
 * shows now, with the WCAG 2.0/2.1 A and AA rules and axe's best practices. A serious or critical
 * violation fails the test, listed one line per element so the failure says what to fix and where.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { expect } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
// axe marks this WCAG 2.1 rule experimental and leaves it off; voice control depends on it (2.5.3 Label in Name).
const EXPERIMENTAL_RULES = { 'label-content-name-mismatch': { enabled: true } };
const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the page and returns the serious and critical violations (for counting). */
export async function seriousViolations(page: Page): Promise<Result[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).options({ rules: EXPERIMENTAL_RULES }).analyze();
  return results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
}

/** One readable line per element that breaks a rule: rule, impact, where, and axe's own summary. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
        return `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${summary}`;
      }),
    )
    .join('\n');
}

/** Fails the test when axe finds a serious or critical violation on what `screen` shows now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  const count = violations.reduce((sum, violation) => sum + violation.nodes.length, 0);
  expect(count, `axe: serious or critical violations on ${screen}:\n${describeViolations(violations)}`).toBe(0);
}
