import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { area } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { DemoInput } from '@/lib/demo';

const FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'db', 'seed', 'boundaries');

interface Feature<P> {
  properties: P;
  geometry: Polygon | MultiPolygon;
}

/** Real boundaries of a few municipalities, straight from the seed files (no database). */
export function loadDemoFixture(nisCodes: readonly string[] = ['13003', '13035']): DemoInput {
  const read = <P>(file: string) =>
    (JSON.parse(readFileSync(path.join(FOLDER, file), 'utf8')) as { features: Feature<P>[] }).features;
  const municipalities = read<{ nis: string; name: string; region_code: string; population_2020: number | null }>(
    'municipalities.geojson',
  )
    .filter((f) => nisCodes.includes(f.properties.nis))
    .map(({ properties: { nis, name, region_code, population_2020 } }) => ({
      nis,
      name,
      region_code,
      population_2020,
    }));
  const neighbourhoods = read<{ code: string; name: string; municipality_nis: string }>('neighbourhoods.geojson')
    .filter((f) => nisCodes.includes(f.properties.municipality_nis))
    .map((f) => ({ ...f.properties, area_m2: area(f.geometry), geometry: f.geometry }));
  return { municipalities, neighbourhoods };
}
