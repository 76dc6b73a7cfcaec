import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getAreaDataVersion } from '@/db/queries/areas';
import { BOUNDARY_FOLDER, seedBoundaries } from '@/db/seed/boundaries';
import { openTestDatabase } from '../support/test-database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const count = async (table: 'regions' | 'municipalities' | 'neighbourhoods' | 'statistical_sectors') =>
  Number(
    (
      await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('real Flemish boundaries', () => {
  it('holds every region, municipality, neighbourhood and statistical sector from the seed files', async () => {
    expect(await count('regions')).toBe(23);
    expect(await count('municipalities')).toBe(300);
    expect(await count('neighbourhoods')).toBe(2526);
    expect(await count('statistical_sectors')).toBe(9189);
  });

  it('places the pilot municipalities in their regions with their neighbourhoods', async () => {
    const kempen = await handle.db
      .selectFrom('municipalities')
      .select('nis')
      .where('region_code', '=', 'sw11')
      .execute();
    expect(kempen).toHaveLength(29);
    const balen = await handle.db
      .selectFrom('neighbourhoods')
      .select('name')
      .where('municipality_nis', '=', '13003')
      .orderBy('code')
      .execute();
    // The boundary data gives Balen nine neighbourhoods, Hulsen (code 1300208) among them.
    expect(balen.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        'Balen - Centrum',
        'Olmen',
        'Hulsen',
        'Wezel',
        'Schoorheide',
        'Rosselaar',
        'Heike',
        'Rijsberg',
        'Balen - Oost',
      ]),
    );
    expect(balen).toHaveLength(9);
  });

  it('stores valid geometry in EPSG:4326 with metric areas computed in Lambert 72', async () => {
    const { rows } = await sql<{ srid: number; invalid: number; area_km2: number }>`
      SELECT min(ST_SRID(geom)) AS srid,
             count(*) FILTER (WHERE NOT ST_IsValid(geom))::int AS invalid,
             sum(area_m2) / 1e6 AS area_km2
      FROM neighbourhoods`.execute(handle.db);
    expect(rows[0]?.srid).toBe(4326);
    expect(rows[0]?.invalid).toBe(0);
    // Flanders is 13,626 km²; the neighbourhoods cover 13,611 km² of it (see PROVENANCE.md).
    expect(rows[0]?.area_km2).toBeGreaterThan(13_500);
    expect(rows[0]?.area_km2).toBeLessThan(13_700);
  });

  it('has a GiST index on every geometry column', async () => {
    const { rows } = await sql<{ table_name: string }>`
      SELECT c.relname AS table_name
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
      JOIN pg_namespace ns ON ns.oid = c.relnamespace AND ns.nspname = 'public'
      WHERE a.atttypid = 'geometry'::regtype AND NOT a.attisdropped
        AND NOT EXISTS (
          SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
          WHERE i.indrelid = c.oid AND am.amname = 'gist' AND a.attnum = ANY (i.indkey))`.execute(handle.db);
    expect(rows.map((row) => row.table_name)).toEqual([]);
  });

  it('seeding again changes nothing: no row is rewritten', async () => {
    const versions = async () =>
      (
        await sql<{ v: string }>`
      SELECT (SELECT string_agg(xmin::text, ',' ORDER BY code) FROM regions)
        || (SELECT string_agg(xmin::text, ',' ORDER BY nis) FROM municipalities)
        || (SELECT string_agg(xmin::text, ',' ORDER BY code) FROM neighbourhoods)
        || (SELECT string_agg(xmin::text, ',' ORDER BY sector_code) FROM statistical_sectors) AS v`.execute(handle.db)
      ).rows[0]?.v;
    const before = await versions();
    const dataVersion = await getAreaDataVersion(handle.db);
    await seedBoundaries(handle.db);
    expect(await versions()).toBe(before);
    expect(await count('neighbourhoods')).toBe(2526);
    expect(await getAreaDataVersion(handle.db)).toBe(dataVersion);
  });

  it('a changed boundary file updates the rows and the data version that area URLs carry', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'buurtradar-boundaries-'));
    for (const file of readdirSync(BOUNDARY_FOLDER))
      copyFileSync(path.join(BOUNDARY_FOLDER, file), path.join(folder, file));
    const file = path.join(folder, 'neighbourhoods.geojson');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"name":"Olmen"', '"name":"Olmen (hernoemd)"'));
    const nameOf = async () =>
      (
        await handle.db
          .selectFrom('neighbourhoods')
          .select('name')
          .where('code', '=', '1300309')
          .executeTakeFirstOrThrow()
      ).name;
    const before = await getAreaDataVersion(handle.db);
    try {
      await seedBoundaries(handle.db, folder);
      expect(await nameOf()).toBe('Olmen (hernoemd)');
      expect(await getAreaDataVersion(handle.db)).not.toBe(before);
    } finally {
      await seedBoundaries(handle.db);
    }
    expect(await nameOf()).toBe('Olmen');
  });
});
