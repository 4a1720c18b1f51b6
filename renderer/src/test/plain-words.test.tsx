import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SOURCE_LABELS } from '../api/types';
import { Term } from '../components/Term';
import { summarizePayload } from '../screens/AuditLog';

describe('Plain words', () => {
  it('one vocabulary for how a report arrived', () => {
    expect(SOURCE_LABELS).toEqual({
      usb: 'USB stick',
      email: 'Email',
      scan: 'Scanned',
      manual: 'Keyed in',
      phone: 'Phoned in',
      recount: 'Recount',
    });
  });

  it('the audit log says a source in those words, not its stored code', () => {
    expect(summarizePayload({ precinct: 'P3', source: 'manual', lines: [1, 2, 3] }).short).toBe(
      'precinct P3 · source Keyed in · 3 lines',
    );
    expect(summarizePayload({ source: 'usb' }).short).toBe('source USB stick');
  });

  it('a term explains itself from a "?" beside it, and Escape closes the note', async () => {
    const user = userEvent.setup();
    render(
      <p>
        Totals in <Term name="sde" />
      </p>,
    );
    const help = screen.getByRole('button', { name: 'What is SDE?' });
    expect(help.getAttribute('title')).toContain('State delegate equivalents');
    expect(screen.queryByRole('note')).toBeNull();
    await user.click(help);
    expect(screen.getByRole('note').textContent).toContain('State delegate equivalents');
    expect(help.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('note')).toBeNull();
  });
});
