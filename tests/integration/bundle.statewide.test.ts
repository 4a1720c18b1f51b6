import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateBundlesWithPrecincts } from '../../electron/core/bundle/aggregate';
import { readBundle } from '../../electron/core/bundle/bundle-container';
import { readKeyRegistry } from '../../electron/core/bundle/key-registry';
import { resultsDocumentSchema } from '../../electron/core/bundle/results-document';
import { readXlsxRows } from '../../electron/core/bundle/results-xlsx';
import {
  buildStatewideExport,
  STATEWIDE_FILES,
  STATEWIDE_SCHEMA_ID,
  type StatewideFiles,
} from '../../electron/core/bundle/statewide-export';
import { writeStatewideFiles } from '../../electron/core/bundle/statewide-write';
import { parsePrecinctResults, readTable } from '../../electron/core/results-file';
import { generateCountySigningKey } from '../../electron/core/signing/county-key';
import { formatMinisignPublicKey } from '../../electron/core/signing/minisign-public-key';
import { expectOk } from '../helpers/temp-county';
import { cleanCounty, exportCounty } from '../unit/bundle/bundle-fixtures';

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

/** As in bundle.nist.test.ts: NIST's draft-04 schema read by Ajv 8, refTypes declared. */
function nistValidator() {
  const { $schema: _, ...schema } = SCHEMA;
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'refTypes', schemaType: 'array' });
  return ajv.compile(schema);
}

/** Every id reference (a property NIST marks with refTypes) names an object of an allowed type. */
function unresolvedReferences(report: unknown): string[] {
  const byId = new Map<string, string>();
  const objects: Record<string, unknown>[] = [];
  const problems: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      objects.push(object);
      if (typeof object['@id'] === 'string') {
        if (byId.has(object['@id'])) problems.push(`duplicate id ${object['@id']}`);
        byId.set(object['@id'], object['@type'] as string);
      }
      Object.values(object).forEach(walk);
    }
  };
  walk(report);
  for (const object of objects) {
    const type = object['@type'] as string;
    for (const [name, property] of Object.entries(SCHEMA.definitions[type]?.properties ?? {})) {
      const allowed = property.refTypes ?? property.items?.refTypes;
      const value = object[name];
      if (!allowed || value === undefined) continue;
      for (const id of Array.isArray(value) ? value : [value]) {
        const target = byId.get(id as string);
        if (!target || !allowed.includes(target)) problems.push(`${type}.${name} -> ${id} does not resolve`);
      }
    }
  }
  return problems;
}

// A county whose name a spreadsheet would run as a formula: the CSV must escape it. (Listed in the
// registry's order, which is the export's.)
const COUNTIES = ['=SUM(1) County', 'Adair County', 'Boone County', 'Dallas County'];
const PRECINCTS = [1, 2, 3, 2];
let work: string;
let files: StatewideFiles;
const countyDocuments = new Map<string, ReturnType<typeof resultsDocumentSchema.parse>>();
let tampered: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tallyroom-statewide-'));
  const registry = join(work, 'keys');
  mkdirSync(registry);
  const bundles: string[] = [];
  for (const [index, name] of COUNTIES.entries()) {
    const key = generateCountySigningKey();
    writeFileSync(join(registry, `${name}.pub`), formatMinisignPublicKey(key, name));
    const county = await cleanCounty(name, PRECINCTS[index] as number);
    try {
      const path = exportCounty(county, key, join(work, `bundle-${index}`)).path;
      bundles.push(path);
      const bundle = expectOk(readBundle(path));
      countyDocuments.set(
        name,
        resultsDocumentSchema.parse(JSON.parse(Buffer.from(bundle.get('data/results.json') ?? []).toString('utf8'))),
      );
    } finally {
      county.cleanup();
    }
  }
  // Dallas County's bundle is changed after signing: refused, so Dallas is absent from the export.
  tampered = bundles[3] as string;
  const csv = join(tampered, 'data/results.csv');
  writeFileSync(csv, readFileSync(csv, 'utf8').replace(',Adams,20,20,', ',Adams,90,90,'));

  const { aggregation, counted } = aggregateBundlesWithPrecincts(
    expectOk(readKeyRegistry(registry)),
    bundles.map((path) => ({ path, files: () => readBundle(path) })),
    { keepPrecincts: true },
  );
  expect(aggregation.rejected.map((entry) => [entry.county, entry.code])).toEqual([['Dallas County', 'TAMPERED']]);
  files = expectOk(
    buildStatewideExport(aggregation, counted, {
      generatedAt: '2026-02-03T04:05:06Z',
      appVersion: '0.1.0-test',
      issuer: 'State party',
    }),
  );
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = (name: string) => Buffer.from(files.get(name) ?? []).toString('utf8');
const counted = () =>
  COUNTIES.slice(0, 3).map(
    (name) =>
      countyDocuments.get(name) as {
        totals: { candidate: string; firstAlignment: number; finalAlignment: number; delegates: number; sde: number }[];
      },
  );

describe('the statewide export', () => {
  it('results.json: totals are the sums of the counted counties, each county with status, sequence and fingerprint', () => {
    const document = JSON.parse(text(STATEWIDE_FILES.json));
    expect(document).toMatchObject({
      schema: STATEWIDE_SCHEMA_ID,
      status: 'unofficial-partial',
      counties: { registered: 4, reporting: 3 },
    });
    for (const total of document.totals) {
      const lines = counted().map((county) => county.totals.find((line) => line.candidate === total.candidate));
      const sum = (field: 'firstAlignment' | 'finalAlignment' | 'delegates' | 'sde') =>
        lines.reduce((acc, line) => acc + (line?.[field] ?? 0), 0);
      expect(total).toEqual({
        candidate: total.candidate,
        firstAlignment: sum('firstAlignment'),
        finalAlignment: sum('finalAlignment'),
        delegates: sum('delegates'),
        sde: Math.round(sum('sde') * 10000) / 10000,
      });
    }
    expect(document.totals.map((total: { candidate: string }) => total.candidate)).toEqual([
      'Adams',
      'Baker',
      'Castillo',
    ]);
    expect(document.byCounty).toEqual([
      expect.objectContaining({ county: '=SUM(1) County', sequence: 1 }),
      expect.objectContaining({ county: 'Adair County', status: 'unofficial-complete', sequence: 1 }),
      expect.objectContaining({ county: 'Boone County', sequence: 1, precinctsTotal: 3 }),
      {
        county: 'Dallas County',
        status: null,
        sequence: null,
        fingerprint: null,
        precinctsReporting: 0,
        precinctsTotal: 0,
        findings: 0,
      },
    ]);
    expect(document.byCounty[0].fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('results.csv re-parses with the app’s own results parser to the same numbers; formulas are escaped', () => {
    const csv = text(STATEWIDE_FILES.csv);
    expect(csv).toContain("\n'=SUM(1) County,P01,");
    const parsed = expectOk(
      parsePrecinctResults(
        expectOk(readTable('results.csv', files.get(STATEWIDE_FILES.csv) as Uint8Array)),
        'results.csv',
      ),
    );
    expect(parsed.map((result) => result.county)).toEqual([
      "'=SUM(1) County",
      'Adair County',
      'Adair County',
      'Boone County',
      'Boone County',
      'Boone County',
    ]);
    expect(parsed.some((result) => result.county?.includes('Dallas'))).toBe(false);
    for (const [index, name] of COUNTIES.slice(0, 3).entries()) {
      const document = countyDocuments.get(name);
      const rows = parsed.filter((result) => result.county?.endsWith(name));
      expect(rows.length).toBe(PRECINCTS[index]);
      for (const precinct of document?.precincts ?? []) {
        const row = rows.find((result) => result.precinct === precinct.code);
        expect(row?.lines).toEqual(
          precinct.result?.lines.map((line) => ({
            ...line,
            sde: line.sde === null ? null : Number(line.sde.toFixed(4)),
          })),
        );
        expect(row?.precinctDelegates).toBe(precinct.delegates);
      }
    }
  });

  it('results.xlsx holds the CSV cell for cell', () => {
    const rows = readXlsxRows(files.get(STATEWIDE_FILES.xlsx) as Uint8Array);
    expect(rows?.length).toBe(text(STATEWIDE_FILES.csv).trimEnd().split('\n').length);
    expect(rows?.[1]?.slice(0, 3)).toEqual(["'=SUM(1) County", 'P01', expect.any(Number)]);
  });

  it('the NIST ElectionReport validates against the schema, its ids resolve, and counties sit between state and precincts', () => {
    const report = JSON.parse(text(STATEWIDE_FILES.nist));
    const validate = nistValidator();
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(unresolvedReferences(report)).toEqual([]);
    const units = report.GpUnit as { '@id': string; Type: string; ComposingGpUnitIds?: string[] }[];
    expect(units[0]).toMatchObject({
      '@id': 'gpu-state',
      Type: 'state',
      ComposingGpUnitIds: ['gpu-county-1', 'gpu-county-2', 'gpu-county-3'],
    });
    expect(units.filter((unit) => unit.Type === 'precinct').length).toBe(6);
    expect(units.find((unit) => unit['@id'] === 'gpu-county-3')?.ComposingGpUnitIds).toEqual([
      'gpu-precinct-4',
      'gpu-precinct-5',
      'gpu-precinct-6',
    ]);
    expect(text(STATEWIDE_FILES.nist)).not.toContain('Dallas');
  });

  it('writes the four files into a folder', () => {
    const written = expectOk(writeStatewideFiles(join(work, 'out'), files));
    expect(written.map((path) => path.slice(join(work, 'out').length + 1))).toEqual(Object.values(STATEWIDE_FILES));
    expect(readFileSync(join(work, 'out', STATEWIDE_FILES.json))).toEqual(
      Buffer.from(files.get(STATEWIDE_FILES.json) ?? []),
    );
  });
});
