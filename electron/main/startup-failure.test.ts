import { describe, expect, it } from 'vitest';
import { describeStartupFailure } from './startup-failure';

const abiError = new Error(
  "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115.",
);

describe('describeStartupFailure', () => {
  it('tells a developer which command fixes a Node-built database engine', () => {
    expect(describeStartupFailure(abiError, { databasePath: '/d/county.db', isPackaged: false })).toContain(
      'npm run rebuild:electron',
    );
  });

  it('tells a chair to reinstall, not to run developer commands', () => {
    const message = describeStartupFailure(abiError, { databasePath: '/d/county.db', isPackaged: true });
    expect(message).toContain('Reinstall Tallyroom');
    expect(message).not.toContain('npm');
  });

  it('names the database and the reason otherwise', () => {
    expect(
      describeStartupFailure(new Error('SQLITE_READONLY: attempt to write a readonly database'), {
        databasePath: '/d/county.db',
        isPackaged: true,
      }),
    ).toBe(
      'Tallyroom could not open its database at /d/county.db: SQLITE_READONLY: attempt to write a readonly database',
    );
  });
});
