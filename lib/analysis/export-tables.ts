import { SERVICE_TYPES } from '@/lib/services/service-types';
import { accessFlags } from './access-flags';
import type { ExportColumn, ExportRow } from './export';
import { type NeedIndicatorKey, computeNeedIndex } from './need-index';
import { type Publication, municipalityMonthCell, regionMonthCell } from './publication';
import type { RegionAnalysis } from './region-analysis';
import type { SuppressedValue } from './suppression';

/**
 * The tables of the analysis page as export rows: the same figures as on screen (the counts
 * straight from the publication, rates only where their count is shown). `key` is the
 * neighbourhood or municipality code a GeoJSON export attaches the geometry of.
 */
export const EXPORT_TABLES = ['hotspots', 'gemeenten', 'maanden', 'index', 'aanbod', 'verlichting', 'wonen'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
/** Tables without geometry: CSV only. */
export const NON_SPATIAL_TABLES: readonly ExportTable[] = ['maanden'];

export interface ExportTableData {
  columns: ExportColumn[];
  rows: (ExportRow & { key: string })[];
  /** What the key names: a neighbourhood or a municipality (for the geometry). */
  level: 'neighbourhood' | 'municipality' | 'none';
}

interface Context {
  analysis: RegionAnalysis;
  publication: Publication;
  weights: Record<NeedIndicatorKey, number>;
  /** Whether the person sees the whole region (then region rows are part of the table). */
  wholeRegion: boolean;
  regionName: string;
  visibleNis: readonly string[];
  lang: 'nl' | 'en';
}

const text = (key: string, header: string): ExportColumn => ({ key, header, kind: 'text' });
const number = (key: string, header: string, decimals?: number): ExportColumn => ({
  key,
  header,
  kind: 'number',
  decimals,
});
const count = (key: string, header: string): ExportColumn => ({ key, header, kind: 'count' });

const H = {
  nl: {
    code: 'code',
    name: 'buurt',
    municipality: 'gemeente',
    nis: 'nis',
    population: 'bevolking_basis',
    count: 'signalen',
    raw: 'per_1000',
    smoothed: 'per_1000_afgevlakt',
    z: 'gi_z',
    p: 'gi_p',
    cls: 'klasse',
    month: 'maand',
    rank: 'rang',
    index: 'index',
    coverage: 'dekking',
    flag: 'vlag',
    unsafe: 'signalen_onveilig',
    unsafeRate: 'onveilig_per_1000',
    lights: 'lampen_per_km2',
    defects: 'aandeel_defect',
    housing: 'signalen_wonen',
    housingRate: 'wonen_per_1000',
    social: 'sociale_woningen_per_1000',
    substandard: 'ongeschikte_woningen',
    beyond: 'aandeel_verder',
    mean: 'gem_afstand_m',
    area: 'gebied',
  },
  en: {
    code: 'code',
    name: 'neighbourhood',
    municipality: 'municipality',
    nis: 'nis',
    population: 'base_population',
    count: 'signals',
    raw: 'per_1000',
    smoothed: 'per_1000_smoothed',
    z: 'gi_z',
    p: 'gi_p',
    cls: 'class',
    month: 'month',
    rank: 'rank',
    index: 'index',
    coverage: 'coverage',
    flag: 'flag',
    unsafe: 'signals_unsafe',
    unsafeRate: 'unsafe_per_1000',
    lights: 'lights_per_km2',
    defects: 'share_defective',
    housing: 'signals_housing',
    housingRate: 'housing_per_1000',
    social: 'social_dwellings_per_1000',
    substandard: 'substandard_dwellings',
    beyond: 'share_beyond',
    mean: 'mean_distance_m',
    area: 'area',
  },
} as const;

export function buildExportTable(table: ExportTable, context: Context): ExportTableData {
  const { analysis } = context;
  const h = H[context.lang];
  const names = new Map(analysis.hotspots.map((row) => [row.code, row]));
  const place = (code: string) => ({
    key: code,
    code,
    name: names.get(code)?.name ?? code,
    municipality: names.get(code)?.municipalityName ?? '',
  });
  const placeColumns = [text('code', h.code), text('name', h.name), text('municipality', h.municipality)];
  switch (table) {
    case 'hotspots':
      return {
        level: 'neighbourhood',
        columns: [
          ...placeColumns,
          number('population', h.population, 0),
          count('count', h.count),
          number('raw', h.raw, 2),
          number('smoothed', h.smoothed, 2),
          number('z', h.z, 3),
          number('p', h.p, 4),
          text('cls', h.cls),
        ],
        rows: analysis.hotspots.map((row) => ({
          ...place(row.code),
          population: row.population,
          count: row.count,
          raw: row.rawPer1000,
          smoothed: row.smoothedPer1000,
          z: row.zScore,
          p: row.pValue,
          cls: row.significance,
        })),
      };
    case 'gemeenten':
      return {
        level: 'municipality',
        columns: [
          text('nis', h.nis),
          text('municipality', h.municipality),
          number('population', h.population, 0),
          count('count', h.count),
          number('raw', h.raw, 2),
          number('smoothed', h.smoothed, 2),
        ],
        rows: analysis.municipalities.map((row) => ({
          key: row.nis,
          nis: row.nis,
          municipality: row.name,
          population: row.population,
          count: row.count,
          raw: row.rawPer1000,
          smoothed: row.smoothedPer1000,
        })),
      };
    case 'maanden': {
      const cell = (id: string): SuppressedValue =>
        context.publication.cell(id) ?? { value: null, suppressed: 'secondary' };
      const rows: ExportTableData['rows'] = [];
      for (const row of analysis.municipalities) {
        for (const month of context.publication.months)
          rows.push({
            key: row.nis,
            area: row.name,
            nis: row.nis,
            month,
            count: cell(municipalityMonthCell(row.nis, month)),
          });
      }
      if (context.wholeRegion) {
        for (const month of context.publication.months)
          rows.push({
            key: context.publication.regionCode,
            area: context.regionName,
            nis: context.publication.regionCode,
            month,
            count: cell(regionMonthCell(context.publication.regionCode, month)),
          });
      }
      return {
        level: 'none',
        columns: [text('nis', h.code), text('area', h.area), text('month', h.month), count('count', h.count)],
        rows,
      };
    }
    case 'index': {
      const need = computeNeedIndex(analysis.need, { weights: context.weights });
      const keys = Object.keys(need.weights);
      return {
        level: 'neighbourhood',
        columns: [
          ...placeColumns,
          number('rank', h.rank, 0),
          number('index', h.index, 3),
          number('coverage', h.coverage, 2),
          ...keys.map((key) => number(`z_${key}`, `z_${key}`, 3)),
        ],
        rows: [...need.areas]
          .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
          .map((area) => ({
            ...place(area.code),
            rank: area.rank,
            index: area.index,
            coverage: area.coverage,
            ...Object.fromEntries(keys.map((key) => [`z_${key}`, area.components[key] ?? null])),
          })),
      };
    }
    case 'aanbod': {
      const need = computeNeedIndex(analysis.need, { weights: context.weights });
      const flags = accessFlags(analysis.access, Object.fromEntries(need.areas.map((a) => [a.code, a.rank])));
      const types = SERVICE_TYPES.filter((type) => analysis.accessTypes.includes(type.code)).map((type) => type.code);
      return {
        level: 'neighbourhood',
        columns: [
          ...placeColumns,
          number('population', h.population, 0),
          text('flag', h.flag),
          ...types.flatMap((type) => [
            number(`beyond_${type}`, `${h.beyond}_${type}`, 3),
            number(`mean_${type}`, `${h.mean}_${type}`, 0),
          ]),
        ],
        rows: analysis.access.map((row) => ({
          ...place(row.code),
          population: row.population,
          flag: flags[row.code]?.kind ?? '',
          ...Object.fromEntries(
            types.flatMap((type) => [
              [`beyond_${type}`, row.byType[type]?.shareBeyond ?? null],
              [`mean_${type}`, row.byType[type]?.meanDistanceMetres ?? null],
            ]),
          ),
        })),
      };
    }
    case 'verlichting':
      return {
        level: 'neighbourhood',
        columns: [
          ...placeColumns,
          count('unsafe', h.unsafe),
          number('unsafeRate', h.unsafeRate, 2),
          number('lights', h.lights, 1),
          number('defects', h.defects, 4),
        ],
        rows: analysis.lighting.map((row) => ({
          ...place(row.code),
          unsafe: row.unsafeStreet,
          unsafeRate: row.unsafePer1000,
          lights: row.lightsPerKm2,
          defects: row.defectShare,
        })),
      };
    case 'wonen':
      return {
        level: 'neighbourhood',
        columns: [
          ...placeColumns,
          count('housing', h.housing),
          number('housingRate', h.housingRate, 2),
          number('social', h.social, 2),
          count('substandard', h.substandard),
        ],
        rows: analysis.housing.map((row) => ({
          ...place(row.code),
          housing: row.poorHousing,
          housingRate: row.poorHousingPer1000,
          social: row.socialUnitsPer1000,
          substandard: row.substandardDwellings,
        })),
      };
  }
}
