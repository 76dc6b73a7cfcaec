import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSectorTable } from '@/lib/areas/boundary-files';
import { FLANDERS_WGS84 } from '@/lib/imports/coordinates';
import { type ImportPlan, planImport } from '@/lib/imports/dry-run';
import { IMPORT_LAYERS, type ImportLayer } from '@/lib/imports/layers';
import { checkDetail } from '../support/import-details';

/**
 * Thousands of generated bad files per layer: the dry run never throws, never answers "ok"
 * with errors or without rows, and a file with a broken cell or feature is never "ok" and
 * names that row. (The database half, "no partial writes", is the commit's job: it only runs
 * on an ok plan, in one transaction.)
 */
const fixtures = new Map<string, string>();
const fixture = (name: string) => {
  if (!fixtures.has(name))
    fixtures.set(name, readFileSync(path.join(process.cwd(), 'tests/fixtures/imports', name), 'utf8'));
  return fixtures.get(name)!;
};
/** Thousands of runs take seconds, more on a busy machine. */
const SLOW = 60_000;
const sectorTable = new Map(
  parseSectorTable(readFileSync(path.join(process.cwd(), 'db/seed/boundaries/sector_neighbourhood.csv'), 'utf8')).map(
    (s) => [s.sectorCode, s.neighbourhoodCode],
  ),
);
const encode = (text: string) => new TextEncoder().encode(text);

/** What must hold for every plan, whatever the input. */
function checkConsistent(plan: ImportPlan) {
  expect(plan.ok).toBe(plan.errors.length === 0 && plan.rows.length > 0);
  expect(plan.summary.errorCount).toBeGreaterThanOrEqual(plan.errors.length);
  if (!plan.ok) expect(plan.errors.length > 0 || plan.rows.length === 0).toBe(true);
  for (const error of plan.errors) expect(error.problem.length).toBeGreaterThan(0);
  // Whatever the input, each sentence has its params and says in English what `problem` says.
  for (const problem of [...plan.errors, ...plan.warnings]) checkDetail(problem);
  for (const row of plan.rows) {
    if ('lon' in row) {
      expect(row.lon).toBeGreaterThanOrEqual(FLANDERS_WGS84.minLon);
      expect(row.lon).toBeLessThanOrEqual(FLANDERS_WGS84.maxLon);
      expect(row.lat).toBeGreaterThanOrEqual(FLANDERS_WGS84.minLat);
      expect(row.lat).toBeLessThanOrEqual(FLANDERS_WGS84.maxLat);
    }
  }
}

const layer = fc.constantFrom<ImportLayer>(...IMPORT_LAYERS);
const fileName = fc.constantFrom(
  'data.csv',
  'data.geojson',
  'data.json',
  'data.txt',
  'data',
  'data.xlsx',
  '',
  'x'.repeat(400),
);

describe('import dry run: generated bad input', () => {
  it(
    'never throws on random bytes',
    () => {
      fc.assert(
        fc.property(layer, fc.uint8Array({ maxLength: 3000 }), fileName, (layerName, bytes, name) => {
          const plan = planImport(layerName, bytes, name, { sectorTable });
          checkConsistent(plan);
          expect(plan.ok).toBe(false);
        }),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it(
    'never throws on random CSV-like text',
    () => {
      const csvChar = fc.constantFrom(
        ';',
        ',',
        '\t',
        '|',
        '"',
        '\n',
        '\r',
        ' ',
        '0',
        '1',
        '5',
        '.',
        '-',
        'a',
        'x',
        'y',
        'é',
        '\u0000',
        '\uFEFF',
      );
      const csvText = fc.array(csvChar, { maxLength: 400 }).map((chars) => chars.join(''));
      fc.assert(
        fc.property(layer, csvText, (layerName, content) => {
          checkConsistent(
            planImport(
              layerName,
              encode(`naam;type;status;lamp;units;x;y;CD_SECTOR;indicator;jaar;waarde\n${content}`),
              'data.csv',
              { sectorTable },
            ),
          );
          checkConsistent(planImport(layerName, encode(content), 'data.csv', { sectorTable }));
        }),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it(
    'never throws on JSON of any shape',
    () => {
      const featureLike = fc.record(
        {
          type: fc.constantFrom('Feature', 'feature', 'Point', null),
          id: fc.anything(),
          geometry: fc.oneof(
            fc.constant(null),
            fc.anything(),
            fc.record({ type: fc.constantFrom('Point', 'MultiPoint', 'LineString'), coordinates: fc.anything() }),
          ),
          properties: fc.oneof(
            fc.anything(),
            fc.dictionary(
              fc.constantFrom('status', 'lamp_type', 'name', 'type', 'units', 'id', '__proto__'),
              fc.anything(),
            ),
          ),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(
          fc.constantFrom<ImportLayer>('services', 'street_lights', 'social_housing'),
          fc.oneof(
            fc.anything(),
            fc.record(
              {
                type: fc.constant('FeatureCollection'),
                crs: fc.anything(),
                features: fc.array(featureLike, { maxLength: 8 }),
              },
              { requiredKeys: ['type', 'features'] },
            ),
          ),
          (layerName, json) => {
            const text = JSON.stringify(json) ?? 'undefined';
            checkConsistent(planImport(layerName, encode(text), 'data.geojson'));
          },
        ),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it(
    'never throws on any options',
    () => {
      fc.assert(
        fc.property(layer, fc.anything(), (layerName, options) => {
          checkConsistent(planImport(layerName, encode(fixture('services.csv')), 'services.csv', options as never));
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );
});

describe('import dry run: one broken value in a good file', () => {
  const badNumbers = ['NaN', 'Infinity', '-Infinity', '', ' ', 'abc', '1.234,5', '1e999', '0x1F', '--5', '5,1,2', '∞'];
  const outsideLambert = ['0', '-205917,97', '999999999', '206212,30 206212,30'];

  it(
    'a broken coordinate makes the row an error (services, Lambert 72 with decimal commas)',
    () => {
      const lines = fixture('services.csv')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: lines.length - 1 }),
          fc.constantFrom(3, 4),
          fc.constantFrom(...badNumbers, ...outsideLambert),
          (lineIndex, column, bad) => {
            const cells = lines[lineIndex]!.match(/("([^"]|"")*"|[^;]*)(;|$)/g)!.map((cell) => cell.replace(/;$/, ''));
            cells[column] = bad;
            const broken = [...lines];
            broken[lineIndex] = cells.join(';');
            const plan = planImport('services', encode(broken.join('\r\n')), 'services.csv');
            checkConsistent(plan);
            expect(plan.ok).toBe(false);
            expect(plan.errors.some((error) => error.row === lineIndex + 1)).toBe(true);
            expect(plan.rows.some((row) => row.row === lineIndex + 1)).toBe(false);
          },
        ),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );

  it(
    'a broken attribute makes the row an error (services, street lights, social housing, indicators)',
    () => {
      const cases: {
        layer: ImportLayer;
        file: string;
        delimiter: string;
        columns: { index: number; bad: string[] }[];
      }[] = [
        {
          layer: 'services',
          file: 'services.csv',
          delimiter: ';',
          columns: [
            { index: 0, bad: ['', 'x'.repeat(201), 'a\u0001b'] },
            { index: 1, bad: ['', 'bakkerij', 'pharmacy2', 'Apotheken'] },
          ],
        },
        {
          layer: 'social_housing',
          file: 'social-housing.csv',
          delimiter: ',',
          columns: [
            { index: 0, bad: ['', 'x'.repeat(201), 'a\u0001b'] },
            { index: 2, bad: ['', '0', '-3', '2.5', 'veel', '99999', 'NaN'] },
            { index: 3, bad: ['', 'NaN', '200', 'abc', '51.2'] },
            { index: 4, bad: ['', 'NaN', '-91', 'abc', '5.1'] },
          ],
        },
        {
          layer: 'indicators',
          file: 'indicators-sectors.csv',
          delimiter: '|',
          columns: [
            { index: 1, bad: ['', '13003X99-', '13003A00', 'abc'] },
            { index: 3, bad: ['', '24', '20245', 'abc', '2024-13-01', '2023-02-29'] },
            { index: 4, bad: ['', 'happiness'] },
            { index: 5, bad: ['', '-1', 'abc', '1.234,5', 'NaN'] },
          ],
        },
      ];
      fc.assert(
        fc.property(
          fc.constantFrom(...cases),
          fc.nat(),
          fc.nat(),
          fc.nat(),
          (testCase, lineSeed, columnSeed, badSeed) => {
            const lines = fixture(testCase.file).trimEnd().split('\n');
            const lineIndex = 1 + (lineSeed % (lines.length - 2)); // not the header, not the ZZZZ row
            const { index, bad } = testCase.columns[columnSeed % testCase.columns.length]!;
            const cells = lines[lineIndex]!.split(testCase.delimiter);
            cells[index] = bad[badSeed % bad.length]!;
            const broken = [...lines];
            broken[lineIndex] = cells.join(testCase.delimiter);
            const plan = planImport(testCase.layer, encode(broken.join('\n')), testCase.file, { sectorTable });
            checkConsistent(plan);
            expect(plan.ok, `${testCase.file} line ${lineIndex + 1}: ${broken[lineIndex]}`).toBe(false);
            expect(plan.errors.some((error) => error.row === lineIndex + 1 || error.row === null)).toBe(true);
          },
        ),
        { numRuns: 2000 },
      );
    },
    SLOW,
  );

  it(
    'a broken feature makes the feature an error (street lights GeoJSON)',
    () => {
      const collection = JSON.parse(fixture('street-lights.geojson'));
      const badFeature = fc.oneof(
        fc.record({
          geometry: fc.constantFrom(
            null,
            {
              type: 'LineString',
              coordinates: [
                [5, 51],
                [5.1, 51],
              ],
            },
            { type: 'Point', coordinates: [] },
            { type: 'Point', coordinates: ['5', '51'] },
            { type: 'Point', coordinates: [51.36, 4.98] },
            { type: 'Point', coordinates: [2.35, 48.85] },
            { type: 'Point', coordinates: [205917, 206212] },
          ),
        }),
        fc.record({
          properties: fc.constantFrom(
            { status: 'half', lamp_type: 'led' },
            { status: 'working', lamp_type: 'plasma' },
            { lamp_type: 'led' },
            { status: ['working'], lamp_type: 'led' },
            { status: 'working', lamp_type: null },
          ),
        }),
        fc.record({ id: fc.constant('RAV-1001') }),
      );
      fc.assert(
        fc.property(fc.integer({ min: 1, max: collection.features.length - 1 }), badFeature, (index, change) => {
          const features = collection.features.map((feature: object, i: number) =>
            i === index ? { ...feature, ...change } : feature,
          );
          const plan = planImport(
            'street_lights',
            encode(JSON.stringify({ ...collection, features })),
            'lights.geojson',
          );
          checkConsistent(plan);
          expect(plan.ok).toBe(false);
          expect(plan.errors.some((error) => error.row === index + 1)).toBe(true);
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );
});
