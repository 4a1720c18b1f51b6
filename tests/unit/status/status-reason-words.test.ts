/** The status sentences a chair reads name how each report arrived in the app's words, never the stored code. */
import { describe, expect, it } from 'vitest';
import type { ReportSource } from '../../../electron/core/model/report';
import { derivePrecinctStatus } from '../../../electron/core/status/derive-status';

const report = (id: number, source: ReportSource, operator: string, adams: number) => ({
  id,
  source,
  operator,
  supersedes: null,
  lines: [
    { candidate: 'Adams', firstAlignment: adams, finalAlignment: adams, delegatesAwarded: null },
    { candidate: 'Baker', firstAlignment: 10, finalAlignment: 10, delegatesAwarded: null },
  ],
});

describe('status sentences', () => {
  it('a conflict says how each report arrived: "from a USB stick, imported by", "phoned in, keyed by"', () => {
    const derived = derivePrecinctStatus([report(23, 'usb', 'USB desk', 20), report(24, 'phone', 'Sam Ortiz', 21)]);
    expect(derived.status).toBe('conflict');
    expect(derived.reason).toBe(
      'Report 23 (from a USB stick, imported by USB desk) and report 24 (phoned in, keyed by Sam Ortiz) disagree; the chair must resolve which numbers are right.',
    );
    expect(derived.reason).not.toMatch(/\((usb|phone|manual|scan|email|recount),/);
  });

  it('a verification says which two entries agree, in words', () => {
    const derived = derivePrecinctStatus([report(1, 'manual', 'Jordan Lee', 20), report(2, 'scan', 'Sam Ortiz', 20)]);
    expect(derived.status).toBe('verified');
    expect(derived.reason).toContain('keyed in by Jordan Lee');
    expect(derived.reason).toContain('scanned, confirmed by Sam Ortiz');
  });
});
