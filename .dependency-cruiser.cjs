/**
 * The floors of the house (docs/ARCHITECTURE.md, "Floors"), checked on every `npm test` and by
 * `npm run deps`. An import may point down a floor or along its own floor, never up, and no
 * chain of imports may come back to where it started.
 *
 *   shell       electron/main, electron/preload, renderer, scripts (the renderer sees only the API's types and model/)
 *   transports  electron/core/team-transport: the hub's server, the station's API and client carry the Api to other laptops
 *   api         electron/core/api: the one method table, schemas, thin handlers
 *   domain      every other folder of electron/core (intake, results-file, verify, county, team, bundle, ocr, rla, ...)
 *   store       electron/core/store: all SQL
 *   pure        rules, status, audit-log, report-pdf: pure functions over model types
 *   ground      electron/core/model (the domain's types) and electron/core/result.ts
 */
const GROUND = '^electron/core/(model/|result\\.ts$)';
const PURE = '^electron/core/(rules|status|audit-log|report-pdf)/';
const STORE = '^electron/core/store/';
const API = '^electron/core/api/';
// The team's transports carry the API object itself, so they stand on it (they are core's top floor).
const TRANSPORTS = '^electron/core/team-transport/';
// The renderer's component tests may hold the page's answers up to the real rules.
const RENDERER_TESTS = '\\.test\\.tsx?$|^renderer/src/test/';
const SHELL = '^(electron/main|electron/preload|renderer|scripts|tests)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties its files into one lump: nothing in it can be understood, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'ground-floor-imports-nothing',
      severity: 'error',
      comment: 'model/ and result.ts are the ground floor: types and their value lists, standing on nothing.',
      from: { path: GROUND },
      to: { pathNot: GROUND },
    },
    {
      name: 'pure-floor-points-down',
      severity: 'error',
      comment: 'The rules, status, audit chain and file parsing are pure: no store, no domain, no API.',
      from: { path: PURE },
      to: { path: '^electron/', pathNot: `${GROUND}|${PURE}` },
    },
    {
      name: 'store-points-down',
      severity: 'error',
      comment: 'The store holds all SQL; it knows the model and the pure floor, never the domain above it.',
      from: { path: STORE },
      to: { path: '^electron/', pathNot: `${GROUND}|${PURE}|${STORE}` },
    },
    {
      name: 'domain-below-api',
      severity: 'error',
      comment: 'The domain never imports api/: the API is built on the domain, not the other way round.',
      from: { path: '^electron/core/', pathNot: `${API}|${TRANSPORTS}` },
      to: { path: `${API}|${TRANSPORTS}` },
    },
    {
      name: 'api-below-transports',
      severity: 'error',
      comment: 'The API does not know the transports that carry it.',
      from: { path: API },
      to: { path: TRANSPORTS },
    },
    {
      name: 'store-connection-stays-in-store',
      severity: 'error',
      comment:
        'All SQL lives in electron/core/store: its connections (database.ts, database-of.ts) and SQLite itself are reached from nowhere else in the app; tests tamper through tests/helpers/raw-database.ts or open the file themselves.',
      from: { path: '^(electron|scripts|renderer)/', pathNot: '^electron/core/store/' },
      to: { path: '^electron/core/store/database(-of)?\\.ts$|^node_modules/better-sqlite3/' },
    },
    {
      name: 'core-below-shell',
      severity: 'error',
      comment: 'electron/core is plain Node: it never imports the Electron shell, the UI, scripts or tests.',
      from: { path: '^electron/core/' },
      to: { path: SHELL },
    },
    {
      name: 'electron-only-in-the-shell',
      severity: 'error',
      comment: "Only electron/main (and the preload's entry) import 'electron'; everything else runs in plain Node.",
      from: { pathNot: '^electron/main/|^electron/preload/index\\.ts$|^[^/]+\\.config\\.ts$' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'renderer-sees-api-and-model-only',
      severity: 'error',
      comment: 'The renderer knows the typed API and the domain types, nothing else of the backend.',
      from: { path: '^renderer/', pathNot: RENDERER_TESTS },
      to: { path: '^(electron|scripts)/', pathNot: `${GROUND}|${API}` },
    },
    {
      name: 'renderer-takes-api-types-only',
      severity: 'error',
      comment:
        'From api/ the renderer takes types (no backend code in the page), and the method names for its transport.',
      from: { path: '^renderer/', pathNot: RENDERER_TESTS },
      to: { path: API, pathNot: '^electron/core/api/methods\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'preload-takes-method-names-only',
      severity: 'error',
      comment: 'The sandboxed preload exposes one invoke per method name and nothing else.',
      from: { path: '^electron/preload/' },
      to: { path: '^(electron|renderer|scripts)/', pathNot: '^electron/preload/|^electron/core/api/methods\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^out/|^dist/' },
    // Type-only imports are part of the floors too: a type from above ties a file to that floor.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
