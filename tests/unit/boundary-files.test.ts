import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNeighbourhoods, parseSectorTable } from '@/lib/areas/boundary-files';
import { BOUNDARY_FOLDER, readBoundaryFiles } from '@/db/seed/boundaries';

describe('boundary seed files', () => {
  it('reads the real files shipped in the repository', () => {
    const files = readBoundaryFiles(BOUNDARY_FOLDER);
    expect(files.regions.find((r) => r.properties.code === 'sw11')?.properties.name).toBe('Kempen');
    expect(files.neighbourhoods.filter((n) => n.properties.municipality_nis === '13003')).toHaveLength(9);
    expect(files.sectors).toHaveLength(9189);
  });

  it('says which seed files are missing and where', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'buurtradar-seed-'));
    writeFileSync(path.join(folder, 'regions.geojson'), '{}');
    expect(() => readBoundaryFiles(folder)).toThrow(
      `Seed files missing in ${folder}: municipalities.geojson, neighbourhoods.geojson, sector_neighbourhood.csv`,
    );
  });

  it('rejects a neighbourhood file with a bad code or geometry, naming the place', () => {
    const feature = (code: string, type = 'Polygon') => ({
      type: 'Feature',
      properties: { code, name: 'X', municipality_nis: '13003' },
      geometry: {
        type,
        coordinates: [
          [
            [5, 51],
            [5.1, 51],
            [5, 51.1],
            [5, 51],
          ],
        ],
      },
    });
    const file = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    expect(parseNeighbourhoods(file([feature('1300301')]))).toHaveLength(1);
    expect(() => parseNeighbourhoods(file([feature('1300301'), feature('13-03')]))).toThrow(
      /features\.1\.properties\.code must be a neighbourhood code/,
    );
    expect(() => parseNeighbourhoods(file([feature('1300301', 'Point')]))).toThrow(/features\.0\.geometry\.type/);
    expect(() => parseNeighbourhoods('{ not json')).toThrow(/neighbourhoods\.geojson is not valid JSON/);
  });

  it('rejects a sector table with a broken row, naming the row', () => {
    const text = 'sector_code,neighbourhood_code,sector_name\n13003A00-,1300301,Centrum\nXX,1300301,Oops\n';
    expect(() => parseSectorTable(text)).toThrow(/row 3, sector_code must be a statistical sector code/);
  });
});
