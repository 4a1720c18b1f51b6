/**
 * The method table: every API method once, with its input schema, who may call it, how a station
 * treats it, and its handler (define-method.ts). Everything else is read from here: the `Api` type
 * (types.ts), createApi (api.ts), the station's lists (team/station-api.ts) and the methods the hub
 * refuses from stations. methods.ts keeps the names alone for the preload; the compiler and
 * tests/integration/api.method-table.test.ts keep it equal to this table.
 */
import type { MethodEntry, StationTreatment } from './define-method';
import type { ApiMethodName } from './methods';
import { auditMethods } from './table/audit';
import { auditLogMethods } from './table/audit-log';
import { bundleMethods } from './table/bundles';
import { countyMethods } from './table/county';
import { intakeMethods } from './table/intake';
import { scanMethods } from './table/scans';
import { settingsMethods } from './table/settings';
import { teamMethods } from './table/team';
import { teamMemberMethods } from './table/team-members';
import { verificationMethods } from './table/verification';
import { worksheetMethods } from './table/worksheets';

export const methodTable = {
  ...countyMethods,
  ...worksheetMethods,
  ...auditLogMethods,
  ...teamMemberMethods,
  ...verificationMethods,
  ...intakeMethods,
  ...scanMethods,
  ...settingsMethods,
  ...teamMethods,
  ...bundleMethods,
  ...auditMethods,
};

export type MethodTable = typeof methodTable;

/** Fails to compile when a method is in the table and not in methods.ts, or there and not in the table. */
type Same<T extends true> = T;
export type MethodNamesMatchTable = Same<
  [Exclude<keyof MethodTable, ApiMethodName>, Exclude<ApiMethodName, keyof MethodTable>] extends [never, never]
    ? true
    : false
>;

/** The table's entries by name, without their precise types (for the transports' loops). */
export function methodEntry(method: ApiMethodName): MethodEntry {
  return methodTable[method] as unknown as MethodEntry;
}

/** The methods a station treats in one of these ways, in table order. */
export function methodsTreated(...treatments: readonly StationTreatment[]): ReadonlySet<ApiMethodName> {
  return new Set(
    (Object.keys(methodTable) as ApiMethodName[]).filter((method) => treatments.includes(methodEntry(method).station)),
  );
}

/**
 * Methods a station may not call through the hub: setting up the county, the chair's own sign-up,
 * managing the team network, and what a station answers itself.
 */
export const HUB_ONLY_METHODS: ReadonlySet<ApiMethodName> = methodsTreated('hub-only', 'station');
