import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../electron/core/bundle/bundle-container';
import { generateCountySigningKey } from '../../electron/core/signing/county-key';
import { expectOk, SMALL_COUNTY, type TempCounty, tempCounty } from '../helpers/temp-county';
import { cleanCounty, exportCounty } from '../unit/bundle/bundle-fixtures';

/** An unchanged copy of the shared NIST schema (see its SOURCE.md), so CI on a bare clone has it. */
const SCHEMA_FILE = resolve(
  import.meta.dirname,
  '../fixtures/standards/nist-1500-100/NIST_V2_election_results_reporting.json',
);
const SCHEMA = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
  $schema?: string;
  definitions: Record<
    string,
    { properties?: Record<string, { refTypes?: string[]; items?: { refTypes?: string[] } }> }
  >;
};

/**
 * NIST publishes draft-04; Ajv 8 reads it as draft-07 once the $schema line is dropped (the schema
 * uses no keyword whose meaning changed: no boolean exclusiveMinimum, no "id"). `refTypes` is NIST's
 * own annotation, declared so strict mode accepts it; what it means is checked below by hand.
 */
function nistValidator() {
  const { $schema: _, ...schema } = SCHEMA;
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'refTypes', schemaType: 'array' });
  return ajv.compile(schema);
}

/** Every id reference (a property NIST marks with refTypes) must name an object of an allowed type. */
function unresolvedReferences(report: unknown): string[] {
  const byId = new Map<string, string>();
  const duplicates: string[] = [];
  const objects: Record<string, unknown>[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      objects.push(object);
      if (typeof object['@id'] === 'string') {
        if (byId.has(object['@id'])) duplicates.push(`duplicate id ${object['@id']}`);
        byId.set(object['@id'], object['@type'] as string);
      }
      Object.values(object).forEach(walk);
    }
  };
  walk(report);
  const problems = [...duplicates];
  for (const id of byId.keys()) if (!/^[A-Za-z_][\w.-]*$/.test(id)) problems.push(`${id} is not an NCName`);
  for (const object of objects) {
    const type = object['@type'] as string;
    const properties = SCHEMA.definitions[type]?.properties ?? {};
    for (const [name, property] of Object.entries(properties)) {
      const allowed = property.refTypes ?? property.items?.refTypes;
      const value = object[name];
      if (!allowed || value === undefined) continue;
      for (const id of Array.isArray(value) ? value : [value]) {
        const target = byId.get(id as string);
        if (!target) problems.push(`${type}.${name} -> ${id} resolves to nothing`);
        else if (!allowed.includes(target))
          problems.push(`${type}.${name} -> ${id} is a ${target}, not ${allowed.join('|')}`);
      }
    }
  }
  return problems;
}

const key = generateCountySigningKey();
let clean: TempCounty;
let partial: TempCounty;
let work: string;

beforeAll(async () => {
  clean = await cleanCounty('Johnson County', 5);
  partial = tempCounty();
  expectOk(await partial.api.createCounty({ operator: 'Pat Chair', setup: SMALL_COUNTY }));
  work = mkdtempSync(join(tmpdir(), 'tallyroom-nist-'));
}, 60_000);
afterAll(() => {
  clean.cleanup();
  partial.cleanup();
  rmSync(work, { recursive: true, force: true });
});

function nistReportOf(county: TempCounty, name: string): Record<string, unknown> {
  const files = expectOk(readBundle(exportCounty(county, key, join(work, name)).path));
  return JSON.parse(Buffer.from(files.get('data/results.nist-1500-100.json') as Uint8Array).toString('utf8'));
}

describe('data/results.nist-1500-100.json', () => {
  const validate = nistValidator();

  it('validates against the NIST SP 1500-100 v2 schema and every id reference resolves', () => {
    const report = nistReportOf(clean, 'johnson');
    const valid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(unresolvedReferences(report)).toEqual([]);
    expect(report).toMatchObject({
      '@type': 'ElectionResults.ElectionReport',
      Format: 'precinct-level',
      Status: 'unofficial-complete',
      Issuer: 'Johnson County',
    });
    const contest = (
      report.Election as { Contest: { ContestSelection: { VoteCounts: unknown[] }[]; SubUnitsReported: number }[] }[]
    )[0]?.Contest[0];
    expect(contest?.SubUnitsReported).toBe(5);
    // 5 precincts x first, final, delegates, SDEs for each candidate.
    expect(contest?.ContestSelection[0]?.VoteCounts).toHaveLength(20);
    expect(contest?.ContestSelection[0]?.VoteCounts[0]).toEqual({
      '@type': 'ElectionResults.VoteCounts',
      GpUnitId: 'gpu-precinct-1',
      Count: 20,
      Type: 'other',
      OtherType: 'first-alignment',
    });
  });

  it('a county with no precinct reported yet is still a valid report', () => {
    const report = nistReportOf(partial, 'polk');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(unresolvedReferences(report)).toEqual([]);
  });

  it('the checks themselves catch a bad status and a dangling reference', () => {
    const report = nistReportOf(clean, 'johnson-2');
    expect(validate({ ...report, Status: 'final-ish' })).toBe(false);
    (report.Election as { ElectionScopeId: string }[])[0]!.ElectionScopeId = 'gpu-nowhere';
    expect(unresolvedReferences(report)).toEqual([
      'ElectionResults.Election.ElectionScopeId -> gpu-nowhere resolves to nothing',
    ]);
  });
});
