import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  findMunicipality,
  findRegion,
  getAreaDataVersion,
  listMunicipalities,
  listRegions,
  municipalityOutlinesGeoJson,
  neighbourhoodsGeoJson,
  regionOutlinesGeoJson,
} from '@/db/queries/areas';
import { hasDemoData } from '@/db/queries/demo';
import { openTestDatabase, withRollback } from '../support/test-database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const inside = (bbox: number[], [x, y]: [number, number]) =>
  x >= bbox[0]! && x <= bbox[2]! && y >= bbox[1]! && y <= bbox[3]!;

describe('area queries for the map', () => {
  it('lists regions by name with their extent, and finds one by code', async () => {
    const regions = await listRegions(handle.db);
    expect(regions).toHaveLength(23);
    const kempen = await findRegion(handle.db, 'sw11');
    expect(kempen).toMatchObject({ code: 'sw11', name: 'Kempen' });
    expect(kempen!.bbox[0]).toBeLessThan(kempen!.bbox[2]);
    expect(kempen!.bbox[1]).toBeGreaterThan(50.6); // Flanders lies between 50.6° and 51.6° N
    expect(await findRegion(handle.db, 'sw99')).toBeUndefined();
  });

  it('lists the municipalities of a region with a label point inside their extent', async () => {
    const kempen = await listMunicipalities(handle.db, 'sw11');
    expect(kempen).toHaveLength(29);
    const balen = kempen.find((m) => m.nis === '13003');
    expect(balen).toMatchObject({ name: 'Balen', regionCode: 'sw11', neighbourhoodCount: 9 });
    expect(inside(balen!.bbox, balen!.labelPoint)).toBe(true);
    expect(await findMunicipality(handle.db, '13003')).toEqual(balen);
    expect(await findMunicipality(handle.db, '99999')).toBeUndefined();
    expect(await listMunicipalities(handle.db, 'sw99')).toEqual([]);
  });

  it('returns a municipality’s neighbourhoods as GeoJSON with their latest indicator values', async () => {
    const balen = await neighbourhoodsGeoJson(handle.db, { municipalityNis: '13003' });
    expect(balen.features).toHaveLength(9);
    const hulsen = balen.features.find((f) => f.properties.code === '1300208');
    expect(hulsen?.properties).toMatchObject({ name: 'Hulsen', municipalityNis: '13003', municipalityName: 'Balen' });
    for (const feature of balen.features) {
      expect(feature.geometry.type).toBe('MultiPolygon');
      expect(inside(feature.bbox, feature.properties.anchor)).toBe(true);
      expect(feature.properties.areaKm2).toBeGreaterThan(0);
    }
    // The demo dataset gives every pilot neighbourhood the catalogue's indicators, as estimates.
    expect(hulsen?.properties.indicators.share_65_plus).toMatchObject({ unit: '%', isEstimate: true, isDemo: true });
  });

  it('takes the latest period when an indicator has several', async () => {
    const readings = await withRollback(handle.db, async (trx) => {
      await trx
        .insertInto('indicator_values')
        .values([
          {
            area_level: 'neighbourhood',
            area_code: '1300208',
            indicator_code: 'test_metric',
            period: '2019',
            value: 1,
            unit: '%',
            source: 'test',
          },
          {
            area_level: 'neighbourhood',
            area_code: '1300208',
            indicator_code: 'test_metric',
            period: '2023-06',
            value: 3,
            unit: '%',
            source: 'test',
          },
          {
            area_level: 'neighbourhood',
            area_code: '1300208',
            indicator_code: 'test_metric',
            period: '2023',
            value: 2,
            unit: '%',
            source: 'test',
          },
        ])
        .execute();
      const collection = await neighbourhoodsGeoJson(trx, { municipalityNis: '13003' });
      return collection.features.find((f) => f.properties.code === '1300208')?.properties.indicators.test_metric;
    });
    expect(readings).toMatchObject({ value: 3, period: '2023-06', isEstimate: false });
  });

  it('returns a region’s neighbourhoods, municipality outlines and all region outlines', async () => {
    const kempen = await neighbourhoodsGeoJson(handle.db, { regionCode: 'sw11' });
    expect(kempen.features).toHaveLength(182);
    expect(new Set(kempen.features.map((f) => f.properties.code)).size).toBe(182);
    const municipalities = await municipalityOutlinesGeoJson(handle.db, 'sw11');
    expect(municipalities.features).toHaveLength(29);
    expect(municipalities.features[0]?.properties).toEqual({
      code: expect.stringMatching(/^\d{5}$/),
      name: expect.any(String),
    });
    const regions = await regionOutlinesGeoJson(handle.db);
    expect(regions.features.map((f) => f.properties.code)).toContain('sw11');
    // Simplified for transfer: the whole of Kempen stays well under a megabyte.
    expect(JSON.stringify(kempen).length).toBeLessThan(1_000_000);
  });

  it('changes the data version when indicator values change', async () => {
    const before = await getAreaDataVersion(handle.db);
    expect(before).toMatch(/^[0-9a-z-]+$/);
    const during = await withRollback(handle.db, async (trx) => {
      await trx
        .insertInto('indicator_values')
        .values({
          area_level: 'neighbourhood',
          area_code: '1300208',
          indicator_code: 'test_metric',
          period: '2024',
          value: 1,
          unit: '%',
          source: 'test',
        })
        .execute();
      return getAreaDataVersion(trx);
    });
    expect(during).not.toBe(before);
    expect(await getAreaDataVersion(handle.db)).toBe(before);
  });

  it('sees the demo data', async () => {
    expect(await hasDemoData(handle.db)).toBe(true);
  });
});
