import type { IndicatorCode } from '@/lib/indicators/catalog';
import { detail } from './problem-detail';
import { type ImportProblem, rowProblem } from './problems';

/**
 * Statbel publishes per statistical sector; the map shows neighbourhoods, each a set of whole
 * sectors (db/seed/boundaries/sector_neighbourhood.csv). Counts add up; shares and averages
 * are averaged weighted by the population they are a share of. A median cannot be rolled up
 * exactly, so its weighted mean is marked as an estimate. Statbel's "ZZZZ" sectors (people
 * not localised to a sector) belong to no neighbourhood and are skipped with a warning.
 */
export type Aggregation = 'sum' | 'weighted_mean';

export const DEFAULT_AGGREGATION: Record<IndicatorCode, Aggregation> = {
  population: 'sum',
  share_65_plus: 'weighted_mean',
  share_80_plus_alone: 'weighted_mean',
  share_increased_reimbursement: 'weighted_mean',
  median_income: 'weighted_mean',
};
const ESTIMATED_ROLL_UPS: ReadonlySet<string> = new Set<IndicatorCode>(['median_income']);

export interface SectorValue {
  row: number;
  sectorCode: string;
  indicator: string;
  period: string;
  value: number;
  weight: number | null;
}

export interface NeighbourhoodValue {
  neighbourhoodCode: string;
  indicator: string;
  period: string;
  value: number;
  aggregation: Aggregation;
  /** Sectors of the neighbourhood in the file, and in the sector table. */
  sectors: number;
  sectorsInNeighbourhood: number;
  isEstimate: boolean;
}

export interface RollUpResult {
  values: NeighbourhoodValue[];
  /** Rows that stop the import: unknown sectors, repeated sectors, missing weights. */
  errors: ImportProblem[];
  /** Worth showing, not blocking: skipped ZZZZ sectors, neighbourhoods with sectors missing. */
  warnings: ImportProblem[];
}

interface Group {
  neighbourhoodCode: string;
  indicator: string;
  period: string;
  rows: SectorValue[];
}

export function rollUpSectors(
  rows: readonly SectorValue[],
  sectorTable: ReadonlyMap<string, string>,
  aggregation: Aggregation | ((indicator: string) => Aggregation),
): RollUpResult {
  const aggregationOf = typeof aggregation === 'function' ? aggregation : () => aggregation;
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const groups = new Map<string, Group>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (/ZZZZ$/.test(row.sectorCode)) {
      warnings.push(
        rowProblem(
          row.row,
          'sector',
          'sector_not_localised',
          detail('sector_not_localised', { sector: row.sectorCode }),
        ),
      );
      continue;
    }
    const neighbourhoodCode = sectorTable.get(row.sectorCode);
    if (neighbourhoodCode === undefined) {
      errors.push(
        rowProblem(row.row, 'sector', 'unknown_sector', detail('unknown_sector', { sector: row.sectorCode })),
      );
      continue;
    }
    const identity = `${row.sectorCode}|${row.indicator}|${row.period}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      errors.push(
        rowProblem(
          row.row,
          'sector',
          'duplicate',
          detail('duplicate_sector', {
            sector: row.sectorCode,
            indicator: row.indicator,
            period: row.period,
            row: first,
          }),
        ),
      );
      continue;
    }
    seen.set(identity, row.row);
    const how = aggregationOf(row.indicator);
    if (how === 'weighted_mean' && row.weight === null) {
      errors.push(rowProblem(row.row, 'weight', 'required', detail('weight_required', { indicator: row.indicator })));
      continue;
    }
    const key = `${neighbourhoodCode}|${row.indicator}|${row.period}`;
    const group = groups.get(key) ?? { neighbourhoodCode, indicator: row.indicator, period: row.period, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }

  const sectorsPer = sectorCounts(sectorTable);

  const values: NeighbourhoodValue[] = [];
  for (const group of [...groups.values()].sort(byKey)) {
    const how = aggregationOf(group.indicator);
    const sectorsInNeighbourhood = sectorsPer.get(group.neighbourhoodCode) ?? group.rows.length;
    const firstRow = group.rows[0]!.row;
    const value = how === 'sum' ? sum(group.rows.map((row) => row.value)) : weightedMean(group.rows);
    if (value === null) {
      warnings.push(
        rowProblem(
          firstRow,
          'weight',
          'out_of_range',
          detail('zero_weights', {
            neighbourhood: group.neighbourhoodCode,
            indicator: group.indicator,
            period: group.period,
          }),
        ),
      );
      continue;
    }
    if (group.rows.length < sectorsInNeighbourhood) {
      warnings.push(
        rowProblem(
          firstRow,
          'sector',
          'incomplete_neighbourhood',
          detail('incomplete_neighbourhood', {
            neighbourhood: group.neighbourhoodCode,
            sectors: sectorsInNeighbourhood,
            indicator: group.indicator,
            period: group.period,
            given: group.rows.length,
          }),
        ),
      );
    }
    values.push({
      neighbourhoodCode: group.neighbourhoodCode,
      indicator: group.indicator,
      period: group.period,
      value,
      aggregation: how,
      sectors: group.rows.length,
      sectorsInNeighbourhood,
      isEstimate: how === 'weighted_mean' && ESTIMATED_ROLL_UPS.has(group.indicator),
    });
  }
  return { values, errors, warnings };
}

const countsByTable = new WeakMap<ReadonlyMap<string, string>, ReadonlyMap<string, number>>();

/** Sectors per neighbourhood; computed once per sector table (9,189 sectors), not per import. */
export function sectorCounts(sectorTable: ReadonlyMap<string, string>): ReadonlyMap<string, number> {
  let counts = countsByTable.get(sectorTable);
  if (!counts) {
    const computed = new Map<string, number>();
    for (const neighbourhood of sectorTable.values())
      computed.set(neighbourhood, (computed.get(neighbourhood) ?? 0) + 1);
    counts = computed;
    countsByTable.set(sectorTable, counts);
  }
  return counts;
}

const byKey = (a: Group, b: Group) =>
  a.neighbourhoodCode.localeCompare(b.neighbourhoodCode) ||
  a.indicator.localeCompare(b.indicator) ||
  a.period.localeCompare(b.period);

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function weightedMean(rows: SectorValue[]): number | null {
  const totalWeight = sum(rows.map((row) => row.weight ?? 0));
  if (totalWeight === 0) return null;
  return sum(rows.map((row) => row.value * (row.weight ?? 0))) / totalWeight;
}
