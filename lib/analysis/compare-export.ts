import { INDICATORS } from '@/lib/indicators/catalog';
import type { CompareResult, ComparedMunicipality } from './compare';
import type { ExportColumn, ExportRow } from './export';

/** The tables of /vergelijk as export rows: the figures shown there, counts as published. */
export const COMPARE_TABLES = ['categorieen', 'maanden', 'indicatoren', 'rangorde'] as const;
export type CompareTable = (typeof COMPARE_TABLES)[number];

export interface CompareExportInput {
  municipalities: readonly ComparedMunicipality[];
  result: CompareResult;
  indicators: { code: string; values: Record<string, number | null>; regionAverages: Record<string, number | null> }[];
}

export function buildCompareTable(
  table: CompareTable,
  input: CompareExportInput,
): { columns: ExportColumn[]; rows: (ExportRow & { key: string })[]; level: 'municipality' | 'neighbourhood' } {
  const name = new Map(input.municipalities.map((m) => [m.nis, m.name]));
  switch (table) {
    case 'categorieen':
      return {
        level: 'municipality',
        columns: [
          { key: 'nis', header: 'nis', kind: 'text' },
          { key: 'municipality', header: 'gemeente', kind: 'text' },
          { key: 'category', header: 'categorie', kind: 'text' },
          { key: 'base', header: 'basis', kind: 'text' },
          { key: 'count', header: 'signalen', kind: 'count' },
          { key: 'rate', header: 'per_1000', kind: 'number', decimals: 2 },
        ],
        rows: input.result.categoryRates.flatMap((rate) =>
          input.municipalities.map((m) => ({
            key: m.nis,
            nis: m.nis,
            municipality: m.name,
            category: rate.category,
            base: rate.base,
            count: rate.values[m.nis]!.count,
            rate: rate.values[m.nis]!.per1000,
          })),
        ),
      };
    case 'maanden':
      return {
        level: 'municipality',
        columns: [
          { key: 'nis', header: 'nis', kind: 'text' },
          { key: 'municipality', header: 'gemeente', kind: 'text' },
          { key: 'month', header: 'maand', kind: 'text' },
          { key: 'rate', header: 'per_1000', kind: 'number', decimals: 3 },
        ],
        rows: input.result.months.flatMap((point) =>
          input.municipalities.map((m) => ({
            key: m.nis,
            nis: m.nis,
            municipality: m.name,
            month: point.month,
            rate: point.values[m.nis] ?? null,
          })),
        ),
      };
    case 'indicatoren':
      return {
        level: 'municipality',
        columns: [
          { key: 'code', header: 'gebied', kind: 'text' },
          { key: 'area', header: 'naam', kind: 'text' },
          { key: 'indicator', header: 'indicator', kind: 'text' },
          { key: 'value', header: 'waarde', kind: 'number' },
        ],
        rows: input.indicators
          .flatMap((row) => [
            ...input.municipalities.map((m) => ({
              key: m.nis,
              code: m.nis,
              area: m.name,
              indicator: row.code,
              value: row.values[m.nis] ?? null,
            })),
            ...Object.entries(row.regionAverages).map(([code, value]) => ({
              key: code,
              code,
              area: `gemiddelde ${code}`,
              indicator: row.code,
              value,
            })),
          ])
          .filter((row) => INDICATORS.some((i) => i.code === row.indicator)),
      };
    case 'rangorde':
      return {
        level: 'neighbourhood',
        columns: [
          { key: 'rank', header: 'rang', kind: 'number', decimals: 0 },
          { key: 'code', header: 'code', kind: 'text' },
          { key: 'name', header: 'buurt', kind: 'text' },
          { key: 'municipality', header: 'gemeente', kind: 'text' },
          { key: 'count', header: 'signalen', kind: 'count' },
          { key: 'raw', header: 'per_1000', kind: 'number', decimals: 2 },
          { key: 'smoothed', header: 'per_1000_afgevlakt', kind: 'number', decimals: 2 },
        ],
        rows: input.result.ranking.map((row) => ({
          key: row.code,
          rank: row.rank,
          code: row.code,
          name: row.name,
          municipality: name.get(row.municipalityNis) ?? row.municipalityName,
          count: row.count,
          raw: row.rawPer1000,
          smoothed: row.smoothedPer1000,
        })),
      };
  }
}
