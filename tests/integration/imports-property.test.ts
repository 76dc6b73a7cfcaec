import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type CommitResult, commitImport } from '@/db/queries/imports/commit-import';
import type { ImportUpload } from '@/db/queries/imports/dry-run';
import { undoImport } from '@/db/queries/imports/undo-import';
import type { ImportChoices } from '@/lib/imports/dry-run';
import { IMPORT_LAYERS, type ImportLayer } from '@/lib/imports/layers';
import { readState } from '../support/import-state';
import { openTestDatabase, withRollback } from '../support/test-database';

/**
 * Thousands of generated bad inputs against the write functions of imports, on this backend:
 * every one is refused with a 400 or 409 (never an exception, which a route would turn into
 * a 500), and afterwards the database is exactly as before: no partial writes. All of it runs
 * in one rolled-back transaction; the one good import made first (for the duplicates) is part
 * of the state compared against.
 */
let handle: DatabaseHandle;
let admin: { userId: number; name: string };
const SLOW = 600_000;

beforeAll(async () => {
  handle = await openTestDatabase();
  const row = await handle.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  admin = { userId: Number(row.id), name: row.name };
});
afterAll(async () => {
  await handle?.close();
});

const fixtureText = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/imports', name), 'utf8');
const encode = (text: string) => new TextEncoder().encode(text);
const upload = (
  layer: ImportLayer,
  bytes: Uint8Array,
  fileName = 'upload.csv',
  choices: ImportChoices = {},
): ImportUpload => ({ layer, bytes, fileName, choices });

function expectRefused(result: CommitResult) {
  expect(result.ok).toBe(false);
  if (!result.ok) expect([400, 409]).toContain(result.status);
}

const layer = fc.constantFrom<ImportLayer>(...IMPORT_LAYERS);

/** A good sample file with one cell replaced by a value that is never valid in that column. */
const numbers = [
  'NaN',
  'Infinity',
  '',
  'abc',
  '1.234,5',
  '1e999',
  '0x1F',
  '--5',
  '5,1,2',
  '∞',
  '-205917,97',
  '999999999',
];
const brokenFile = fc
  .record({
    which: fc.constantFrom(
      {
        layer: 'services' as const,
        file: 'services.csv',
        delimiter: ';',
        eol: '\r\n',
        columns: { 1: ['', 'bakkerij', 'pharmacy2'], 3: numbers, 4: numbers },
      },
      {
        layer: 'social_housing' as const,
        file: 'social-housing.csv',
        delimiter: ',',
        eol: '\n',
        columns: {
          2: ['', '0', '-3', '2.5', 'veel', '99999', 'NaN'],
          3: ['', 'NaN', '200', 'abc', '51.2'],
          4: ['', 'NaN', '-91', 'abc', '5.1'],
        },
      },
      {
        layer: 'indicators' as const,
        file: 'indicators-neighbourhoods.csv',
        delimiter: ';',
        eol: '\n',
        columns: {
          0: ['', '9999901', 'abc', '13003'],
          2: ['', '24', '20245', 'abc', '2024-13-01'],
          3: ['', '-1', 'abc', '1.234,5', 'NaN'],
        },
      },
    ),
    line: fc.nat(),
    column: fc.nat(),
    bad: fc.nat(),
  })
  .map(({ which, line, column, bad }) => {
    const lines = fixtureText(which.file)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(which.eol);
    const index = 1 + (line % (lines.length - 1));
    const cells = lines[index]!.split(which.delimiter);
    // services.csv has a quoted name with ";" on line 4: skip it rather than mis-split it.
    if (cells.length !== lines[0]!.split(which.delimiter).length) return null;
    const [columnIndex, values] = Object.entries(which.columns)[column % Object.keys(which.columns).length]!;
    cells[Number(columnIndex)] = values[bad % values.length]!;
    lines[index] = cells.join(which.delimiter);
    return upload(which.layer, encode(lines.join(which.eol)), which.file);
  });

/** Points inside the coarse Flanders box but in no Flemish neighbourhood: Brussels, the Netherlands, Wallonia. */
const outsidePoint = fc.oneof(
  fc.record({
    lon: fc.double({ min: 4.33, max: 4.38, noNaN: true }),
    lat: fc.double({ min: 50.83, max: 50.86, noNaN: true }),
  }),
  fc.record({
    lon: fc.double({ min: 5.42, max: 5.5, noNaN: true }),
    lat: fc.double({ min: 51.42, max: 51.46, noNaN: true }),
  }),
  fc.record({
    lon: fc.double({ min: 4.85, max: 4.9, noNaN: true }),
    lat: fc.double({ min: 50.62, max: 50.66, noNaN: true }),
  }),
);

describe('import commit: generated bad input writes nothing', () => {
  it(
    'refuses thousands of bad uploads and leaves the database exactly as it was',
    async () => {
      await withRollback(handle.db, async (db) => {
        // One good import first, so repeating it is a case of its own (409).
        const good = await commitImport(
          db,
          upload('street_lights', encode(fixtureText('street-lights.geojson')), 'street-lights.geojson'),
          admin,
        );
        expect(good.ok).toBe(true);
        const before = await readState(db);
        const run = async (file: ImportUpload | null) => {
          if (file) expectRefused(await commitImport(db, file, admin));
        };

        await fc.assert(
          fc.asyncProperty(
            layer,
            fc.uint8Array({ maxLength: 2000 }),
            fc.constantFrom('x.csv', 'x.geojson', 'x', 'x.xlsx'),
            async (layerName, bytes, name) => run(upload(layerName, bytes, name)),
          ),
          { numRuns: 600 },
        );

        await fc.assert(fc.asyncProperty(brokenFile, run), { numRuns: 600 });

        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom<ImportLayer>('services', 'street_lights', 'social_housing'),
            fc.array(outsidePoint, { minLength: 1, maxLength: 4 }),
            async (layerName, points) => {
              const header = {
                services: 'naam;type;lon;lat',
                street_lights: 'id;status;lamp;lon;lat',
                social_housing: 'naam;beheerder;woningen;lon;lat',
              }[layerName as 'services'];
              const row = { services: 'Apotheek;pharmacy', street_lights: 'L;werkend;LED', social_housing: 'Hof;;12' }[
                layerName as 'services'
              ];
              const lines = points.map(
                (p, i) =>
                  `${row.replace('L;', `L${i};`)};${p.lon.toFixed(6).replace('.', ',')};${p.lat.toFixed(6).replace('.', ',')}`,
              );
              const result = await commitImport(db, upload(layerName, encode([header, ...lines].join('\n'))), admin);
              expect(result).toMatchObject({ ok: false, status: 400 });
              if (!result.ok && result.status === 400)
                expect(result.plan.errors.every((e) => e.code === 'outside_neighbourhoods')).toBe(true);
            },
          ),
          { numRuns: 200 },
        );

        await fc.assert(
          fc.asyncProperty(
            layer,
            fc.dictionary(
              fc.constantFrom(
                'crs',
                'delimiter',
                'encoding',
                'format',
                'indicator',
                'period',
                'aggregation',
                'columns',
                'sectorTable',
              ),
              fc.anything(),
            ),
            async (layerName, choices) => {
              const file =
                layerName === 'street_lights'
                  ? 'street-lights.geojson'
                  : layerName === 'indicators'
                    ? 'bad-indicators.csv'
                    : 'bad-unknown-category.csv';
              await run(upload(layerName, encode(fixtureText(file)), file, choices as ImportChoices));
            },
          ),
          { numRuns: 300 },
        );

        const lights = encode(fixtureText('street-lights.geojson'));
        // The same bytes under any name: 409 (or 400 when the name's extension is not a data file's).
        await fc.assert(
          fc.asyncProperty(fc.string({ maxLength: 300 }), fc.boolean(), async (name, geojson) => {
            const result = await commitImport(
              db,
              upload('street_lights', lights, geojson ? `${name.replace(/[.]/g, '')}.geojson` : name),
              admin,
            );
            if (geojson) expect(result).toMatchObject({ ok: false, status: 409 });
            else expectRefused(result);
          }),
          { numRuns: 150 },
        );

        const demoRun = Number(
          (await db.selectFrom('import_runs').select('id').where('is_demo', '=', true).executeTakeFirstOrThrow()).id,
        );
        await fc.assert(
          fc.asyncProperty(fc.oneof(fc.integer({ min: 1, max: 2 ** 53 - 1 }), fc.constant(demoRun)), async (id) => {
            if (good.ok && id === good.run.id) return;
            const result = await undoImport(db, id, admin);
            expect(result).toMatchObject({ ok: false, status: 404 });
          }),
          { numRuns: 150 },
        );

        expect(await readState(db)).toEqual(before);
      });
    },
    SLOW,
  );
});
