import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { municipalityNis, neighbourhoodCode, regionCode, sectorCode } from './codes';

const polygonal = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()).min(1),
});

function featureCollection<P extends z.ZodTypeAny>(properties: P) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), properties, geometry: polygonal })).min(1),
  });
}

const regionFile = featureCollection(z.object({ code: regionCode, name: z.string().min(1) }));
const municipalityFile = featureCollection(
  z.object({
    nis: municipalityNis,
    name: z.string().min(1),
    region_code: regionCode,
    province: z.string().min(1),
    population_2020: z.number().int().nonnegative().nullable(),
  }),
);
const neighbourhoodFile = featureCollection(
  z.object({ code: neighbourhoodCode, name: z.string().min(1), municipality_nis: municipalityNis }),
);

/** A boundary record ready to insert: its geometry stays GeoJSON text for ST_GeomFromGeoJSON. */
export interface BoundaryRecord<P> {
  properties: P;
  geometryJson: string;
}

export type RegionRecord = BoundaryRecord<z.infer<typeof regionFile>['features'][number]['properties']>;
export type MunicipalityRecord = BoundaryRecord<z.infer<typeof municipalityFile>['features'][number]['properties']>;
export type NeighbourhoodRecord = BoundaryRecord<z.infer<typeof neighbourhoodFile>['features'][number]['properties']>;
export interface SectorRecord {
  sectorCode: string;
  neighbourhoodCode: string;
  name: string;
}

export class BoundaryFileError extends Error {
  override name = 'BoundaryFileError';
}

function parseCollection<P>(
  schema: z.ZodType<{ features: { properties: P; geometry: unknown }[] }>,
  text: string,
  file: string,
) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BoundaryFileError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BoundaryFileError(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return result.data.features.map((feature) => ({
    properties: feature.properties,
    geometryJson: JSON.stringify(feature.geometry),
  }));
}

export const parseRegions = (text: string, file = 'regions.geojson'): RegionRecord[] =>
  parseCollection(regionFile, text, file);
export const parseMunicipalities = (text: string, file = 'municipalities.geojson'): MunicipalityRecord[] =>
  parseCollection(municipalityFile, text, file);
export const parseNeighbourhoods = (text: string, file = 'neighbourhoods.geojson'): NeighbourhoodRecord[] =>
  parseCollection(neighbourhoodFile, text, file);

/** Parses the sector → neighbourhood table (`sector_code,neighbourhood_code,sector_name`). */
export function parseSectorTable(text: string, file = 'sector_neighbourhood.csv'): SectorRecord[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new BoundaryFileError(`${file} is not valid CSV: ${(error as Error).message}`);
  }
  return rows.map((row, index) => {
    const result = sectorRow.safeParse(row);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new BoundaryFileError(`${file}: row ${index + 2}, ${issue?.path.join('.')} ${issue?.message}`);
    }
    return {
      sectorCode: result.data.sector_code,
      neighbourhoodCode: result.data.neighbourhood_code,
      name: result.data.sector_name,
    };
  });
}

const sectorRow = z.object({ sector_code: sectorCode, neighbourhood_code: neighbourhoodCode, sector_name: z.string() });
