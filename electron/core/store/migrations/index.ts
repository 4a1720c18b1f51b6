import { migration001 } from './001-initial';
import { migration002 } from './002-verification';
import { migration003 } from './003-intake';
import { migration004 } from './004-bundles';
import { migration005 } from './005-scan-readings';
import { migration006 } from './006-team';
import { migration007 } from './007-signing';
import { migration008 } from './008-settings';
import { migration009 } from './009-audit';
import { migration010 } from './010-sign-in-failures';
import { migration011 } from './011-team-hub-setting';
import { migration012 } from './012-foreign-scans';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Numbered migrations, applied in order, each in its own transaction. Never edit one that has
 * shipped: laptops are upgraded mid-cycle, so add the next number instead.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];
