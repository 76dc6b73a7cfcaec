import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { commitImport } from '@/db/queries/imports/commit-import';
import { type ImportUpload, dryRunImport } from '@/db/queries/imports/dry-run';
import { listImportRuns } from '@/db/queries/imports/import-runs';
import { undoImport } from '@/db/queries/imports/undo-import';
import type { Database } from '@/db/schema';
import { toLambert72 } from '@/lib/geo/lambert72';
import type { ImportChoices } from '@/lib/imports/dry-run';
import type { ImportLayer } from '@/lib/imports/layers';
import { openTestDatabase, withRollback } from '../support/test-database';
import { checkDetail } from '../support/import-details';
import { type DatabaseState, readState } from '../support/import-state';

/**
 * Committing and undoing imports on this project's backend (embedded and server): every
 * sample file lands where it should, undo restores exactly what was there, and a bad file
 * changes nothing at all. Each test runs in a rolled-back transaction.
 */
let handle: DatabaseHandle;
let admin: { userId: number; name: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  const row = await handle.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('role', '=', 'admin')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  admin = { userId: Number(row.id), name: row.name };
});
afterAll(async () => {
  await handle?.close();
});

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(process.cwd(), 'tests/fixtures/imports', name)));
const upload = (
  layer: ImportLayer,
  fileName: string,
  choices: ImportChoices = {},
  bytes = fixture(fileName),
): ImportUpload => ({ layer, bytes, fileName, choices });
const text = (content: string) => new TextEncoder().encode(content);

async function committed(db: Kysely<Database>, file: ImportUpload) {
  const result = await commitImport(db, file, admin);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result)}`);
  return result.run;
}

describe('committing the sample files', () => {
  it('puts services from a Lambert 72 CSV in the neighbourhoods they lie in', async () => {
    await withRollback(handle.db, async (db) => {
      const progress: string[] = [];
      const result = await commitImport(db, upload('services', 'services.csv'), admin, {
        onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.run).toMatchObject({
        layer: 'services',
        fileName: 'services.csv',
        rowCount: 8,
        format: 'csv',
        encoding: 'utf-8',
        delimiter: ';',
        crs: 'lambert72',
        createdByUserId: admin.userId,
        createdByName: admin.name,
        undoneAt: null,
      });
      expect(result.run.fileSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(progress[0]).toBe('checking 0/8');
      expect(progress.at(-1)).toBe('writing 8/8');
      const rows = await db
        .selectFrom('services')
        .where('import_run_id', '=', result.run.id)
        .orderBy('id')
        .select([
          'name',
          'service_type',
          'neighbourhood_code',
          'municipality_nis',
          'is_demo',
          sql<number>`ST_X(geom)`.as('lon'),
          sql<number>`ST_Y(geom)`.as('lat'),
        ])
        .execute();
      expect(rows.map((r) => r.neighbourhood_code)).toEqual([
        '1300301',
        '1300301',
        '1300309',
        '1300305',
        '1300307',
        '1300306',
        '1303507',
        '1303503',
      ]);
      expect(rows.map((r) => r.municipality_nis)).toEqual([
        '13003',
        '13003',
        '13003',
        '13003',
        '13003',
        '13003',
        '13035',
        '13035',
      ]);
      expect(rows[2]).toMatchObject({ name: 'Apotheek "De Zon"; Olmen', service_type: 'pharmacy', is_demo: false });
      // The stored point is the file's Lambert 72 position to within centimetres.
      const [x, y] = toLambert72(Number(rows[0]!.lon), Number(rows[0]!.lat));
      expect(Math.abs(x - 205_917.97)).toBeLessThan(0.05);
      expect(Math.abs(y - 206_212.3)).toBeLessThan(0.05);
      const audit = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('event', '=', 'import.completed')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({
        actor_user_id: admin.userId,
        target_kind: 'import_run',
        target_id: String(result.run.id),
      });
      expect(audit.details).toMatchObject({ layer: 'services', rows: 8, crs: 'lambert72' });
    });
  });

  it('imports street lights from GeoJSON and social housing from a comma CSV', async () => {
    await withRollback(handle.db, async (db) => {
      const lights = await committed(db, upload('street_lights', 'street-lights.geojson'));
      expect(lights).toMatchObject({ rowCount: 12, format: 'geojson', crs: 'wgs84' });
      const stored = await db
        .selectFrom('street_lights')
        .where('import_run_id', '=', lights.id)
        .select(['external_id', 'status', 'municipality_nis'])
        .orderBy('id')
        .execute();
      expect(stored[0]).toEqual({ external_id: 'RAV-1001', status: 'working', municipality_nis: '13035' });
      expect(stored.filter((r) => r.status === 'defect').map((r) => r.external_id)).toEqual(['RAV-1004', 'RAV-1009']);

      const housing = await committed(db, upload('social_housing', 'social-housing.csv'));
      const complexes = await db
        .selectFrom('social_housing_complexes')
        .where('import_run_id', '=', housing.id)
        .select(['name', 'operator', 'units', 'neighbourhood_code'])
        .orderBy('id')
        .execute();
      expect(complexes).toEqual([
        { name: 'Hof ter Heide', operator: 'Woonmaatschappij Kempen', units: 24, neighbourhood_code: '1300301' },
        { name: 'De Lindekens', operator: 'Woonmaatschappij Kempen', units: 12, neighbourhood_code: '1300309' },
        { name: 'Residentie Eel', operator: null, units: 8, neighbourhood_code: '1303509' },
        { name: 'Weelde Statie', operator: 'Woonmaatschappij Noorderkempen', units: 30, neighbourhood_code: '1303513' },
      ]);
    });
  });

  it('rolls a Statbel sector file up to neighbourhoods and keeps the values it replaced', async () => {
    await withRollback(handle.db, async (db) => {
      const before = await db
        .selectFrom('indicator_values')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      const run = await committed(db, { ...upload('indicators', 'indicators-sectors.csv'), source: 'Statbel' });
      expect(run).toMatchObject({ rowCount: 44, warningCount: 1 });
      const values = await db
        .selectFrom('indicator_values')
        .where('import_run_id', '=', run.id)
        .select(['area_level', 'area_code', 'indicator_code', 'period', 'value', 'source', 'unit'])
        .execute();
      expect(values).toHaveLength(44);
      expect(
        values.every((v) => v.area_level === 'neighbourhood' && v.period === '2024' && v.source === 'Statbel'),
      ).toBe(true);
      const centre = values.find((v) => v.area_code === '1300301' && v.indicator_code === 'population');
      expect(centre?.unit).toBe('inhabitants');
      const replaced = await db
        .selectFrom('replaced_indicator_values')
        .where('replaced_by_run_id', '=', run.id)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      expect(run.replacedCount).toBe(Number(replaced.n));
      const after = await db
        .selectFrom('indicator_values')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n) + 44 - run.replacedCount);
    });
  });

  it('imports neighbourhood values and bumps the layer versions', async () => {
    await withRollback(handle.db, async (db) => {
      const before = await readState(db);
      const run = await committed(db, upload('indicators', 'indicators-neighbourhoods.csv'));
      expect(run.rowCount).toBe(4);
      const value = await db
        .selectFrom('indicator_values')
        .select(['value', 'is_demo'])
        .where('area_code', '=', '1303507')
        .where('indicator_code', '=', 'share_65_plus')
        .where('period', '=', '2024')
        .executeTakeFirstOrThrow();
      expect(value).toEqual({ value: 19.05, is_demo: false });
      const after = await readState(db);
      expect(after.versions.indicators).toBeGreaterThan(before.versions.indicators ?? 0);
      expect(after.versions.services).toBe(before.versions.services);
    });
  });
});

describe('undo', () => {
  it('restores exactly the previous state of each layer', async () => {
    const files: [ImportLayer, string][] = [
      ['services', 'services.csv'],
      ['street_lights', 'street-lights.geojson'],
      ['social_housing', 'social-housing.csv'],
      ['indicators', 'indicators-sectors.csv'],
      ['indicators', 'indicators-neighbourhoods.csv'],
    ];
    await withRollback(handle.db, async (db) => {
      for (const [layer, file] of files) {
        const before = await readState(db);
        const run = await committed(db, upload(layer, file));
        const undone = await undoImport(db, run.id, admin);
        expect(undone).toMatchObject({ ok: true, run: { id: run.id, undoneByUserId: admin.userId } });
        const after = await readState(db);
        expect(after.rows, file).toEqual(before.rows);
        expect(after.indicatorValues, file).toEqual(before.indicatorValues);
        expect(after.replacedValues, file).toEqual(before.replacedValues);
        expect(after.versions[layer]).toBeGreaterThan(before.versions[layer] ?? 0);
      }
      expect((await listImportRuns(db)).filter((run) => run.undoneAt !== null)).toHaveLength(files.length);
    });
  });

  it('unwinds stacked indicator imports in either order', async () => {
    // 2025 is the demo data's period: the first import replaces demo values, the second one of the first's.
    const first = 'wijk;indicator;jaar;waarde\n1300301;share_65_plus;2025;11\n1300302;share_65_plus;2025;12\n';
    const second = 'wijk;indicator;jaar;waarde\n1300301;share_65_plus;2025;21\n1300303;share_65_plus;2025;23\n';
    for (const order of ['first-then-second', 'second-then-first'] as const) {
      await withRollback(handle.db, async (db) => {
        const before = await readState(db);
        const a = await committed(db, upload('indicators', 'a.csv', {}, text(first)));
        const b = await committed(db, upload('indicators', 'b.csv', {}, text(second)));
        expect([a.replacedCount, b.replacedCount]).toEqual([2, 2]);
        const current = await db
          .selectFrom('indicator_values')
          .select('value')
          .where('area_code', '=', '1300301')
          .where('indicator_code', '=', 'share_65_plus')
          .where('period', '=', '2025')
          .executeTakeFirstOrThrow();
        expect(current.value).toBe(21);
        const [x, y] = order === 'first-then-second' ? [a, b] : [b, a];
        expect((await undoImport(db, x.id, admin)).ok).toBe(true);
        const middle = await db
          .selectFrom('indicator_values')
          .select('value')
          .where('area_code', '=', '1300301')
          .where('indicator_code', '=', 'share_65_plus')
          .where('period', '=', '2025')
          .executeTakeFirst();
        // Undoing the first leaves the second's value; undoing the second brings the first's back.
        expect(middle?.value).toBe(order === 'first-then-second' ? 21 : 11);
        expect((await undoImport(db, y.id, admin)).ok).toBe(true);
        expect((await readState(db)).indicatorValues).toEqual(before.indicatorValues);
      });
    }
  });

  it('refuses an unknown, a demo or an already undone run, and a service named in a follow-up', async () => {
    await withRollback(handle.db, async (db) => {
      expect(await undoImport(db, 987_654_321, admin)).toMatchObject({ ok: false, status: 404 });
      const demoRun = await db
        .selectFrom('import_runs')
        .select('id')
        .where('is_demo', '=', true)
        .executeTakeFirstOrThrow();
      expect(await undoImport(db, Number(demoRun.id), admin)).toMatchObject({ ok: false, status: 404 });
      const run = await committed(db, upload('services', 'services.csv'));
      const service = await db
        .selectFrom('services')
        .select('id')
        .where('import_run_id', '=', run.id)
        .executeTakeFirstOrThrow();
      const signal = await db
        .selectFrom('signals')
        .select(['id', 'status'])
        .where('status', '=', 'new')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('signal_status_changes')
        .values({
          signal_id: signal.id,
          from_status: 'new',
          to_status: 'referred',
          referred_service_id: service.id,
          changed_by: admin.userId,
        })
        .execute();
      const refused = await undoImport(db, run.id, admin);
      expect(refused).toMatchObject({ ok: false, status: 409 });
      expect(await db.selectFrom('services').select('id').where('import_run_id', '=', run.id).execute()).toHaveLength(
        8,
      );
      await db.deleteFrom('signal_status_changes').where('referred_service_id', '=', service.id).execute();
      expect((await undoImport(db, run.id, admin)).ok).toBe(true);
      expect(await undoImport(db, run.id, admin)).toMatchObject({ ok: false, status: 409 });
    });
  });
});

describe('what changes nothing', () => {
  const badFiles: [ImportLayer, string, ImportChoices?][] = [
    ['services', 'bad-malformed.csv'],
    ['street_lights', 'bad-malformed.geojson'],
    ['social_housing', 'bad-swapped.csv'],
    ['services', 'bad-nan.csv'],
    ['services', 'bad-latin1.csv'],
    ['services', 'bad-unknown-category.csv'],
    ['street_lights', 'bad-outside.geojson'],
    ['indicators', 'bad-indicators.csv'],
    // A good file in the wrong layer, or with a wrong choice.
    ['street_lights', 'services.csv'],
    ['services', 'services.csv', { crs: 'wgs84' }],
    ['indicators', 'street-lights.geojson'],
  ];

  it.each(badFiles)(
    'a bad file (%s, %s) is refused with its problems and writes nothing',
    async (layer, file, choices) => {
      await withRollback(handle.db, async (db) => {
        const before = await readState(db);
        const result = await commitImport(db, upload(layer, file, choices), admin);
        expect(result).toMatchObject({ ok: false, status: 400 });
        if (result.ok || result.status !== 400) return;
        expect(result.plan.errors.length).toBeGreaterThan(0);
        expectUnchanged(await readState(db), before);
      });
    },
  );

  it('reports points in no Flemish neighbourhood in the dry run and refuses them in the commit', async () => {
    // Brussels (Grand-Place) and Eindhoven lie inside the Flanders box but in no Flemish neighbourhood.
    const file =
      'naam;type;x;y\nApotheek Balen;pharmacy;5,169159;51,165786\nApotheek Brussel;pharmacy;4,3525;50,8467\nApotheek Eindhoven;pharmacy;5,4697;51,4416\n';
    await withRollback(handle.db, async (db) => {
      const before = await readState(db);
      const dry = await dryRunImport(db, upload('services', 'outside.csv', {}, text(file)));
      expect(dry.ok).toBe(false);
      expect(dry.errors.map((e) => [e.row, e.field, e.code])).toEqual([
        [3, 'x/y', 'outside_neighbourhoods'],
        [4, 'x/y', 'outside_neighbourhoods'],
      ]);
      for (const problem of dry.errors) checkDetail(problem);
      expect(dry.errors[0]?.detail).toEqual({ key: 'outside_neighbourhoods', params: { lon: 4.3525, lat: 50.8467 } });
      expect(dry.summary).toMatchObject({ rowsRead: 3, rowsValid: 1, rowsWithErrors: 2, errorCount: 2 });
      const result = await commitImport(db, upload('services', 'outside.csv', {}, text(file)), admin);
      expect(result).toMatchObject({ ok: false, status: 400 });
      expectUnchanged(await readState(db), before);
    });
  });

  it('refuses a file whose every row is skipped, saying so', async () => {
    // Statbel's "not localised" sectors are valid rows that the roll-up skips: nothing is left.
    const file = 'CD_SECTOR|indicator|CD_YEAR|MS_VALUE\n13003ZZZZ|population|2024|7\n';
    await withRollback(handle.db, async (db) => {
      const before = await readState(db);
      const result = await commitImport(db, upload('indicators', 'zzzz.csv', {}, text(file)), admin);
      expect(result).toMatchObject({ ok: false, status: 400 });
      if (result.ok || result.status !== 400) return;
      expect(result.plan.errors).toMatchObject([
        { row: null, code: 'no_rows', detail: { key: 'nothing_to_import', params: {} } },
      ]);
      checkDetail(result.plan.errors[0]!);
      expectUnchanged(await readState(db), before);
    });
  });

  it('refuses the same file twice while the first import is in force', async () => {
    await withRollback(handle.db, async (db) => {
      const run = await committed(db, upload('street_lights', 'street-lights.geojson'));
      const before = await readState(db);
      const again = await commitImport(
        db,
        upload('street_lights', 'renamed.geojson', {}, fixture('street-lights.geojson')),
        admin,
      );
      expect(again).toMatchObject({ ok: false, status: 409, runId: run.id });
      expectUnchanged(await readState(db), before);
      expect((await undoImport(db, run.id, admin)).ok).toBe(true);
      expect((await commitImport(db, upload('street_lights', 'street-lights.geojson'), admin)).ok).toBe(true);
    });
  });
});

function expectUnchanged(after: DatabaseState, before: DatabaseState) {
  expect(after.rows).toEqual(before.rows);
  expect(after.versions).toEqual(before.versions);
  expect(after.importRuns).toBe(before.importRuns);
  expect(after.auditRecords).toBe(before.auditRecords);
  expect(after.indicatorValues).toEqual(before.indicatorValues);
  expect(after.replacedValues).toEqual(before.replacedValues);
}
