import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSectorTable } from '@/lib/areas/boundary-files';
import { DEFAULT_AGGREGATION, type SectorValue, rollUpSectors } from '@/lib/imports/roll-up';

// The real sector table of the seed files, as the database helper passes it in.
const sectorTable = new Map(
  parseSectorTable(readFileSync(path.join(process.cwd(), 'db/seed/boundaries/sector_neighbourhood.csv'), 'utf8')).map(
    (sector) => [sector.sectorCode, sector.neighbourhoodCode],
  ),
);

let row = 1;
const value = (
  sectorCode: string,
  indicator: string,
  v: number,
  weight: number | null = null,
  period = '2024',
): SectorValue => ({ row: ++row, sectorCode, indicator, period, value: v, weight });

describe('rolling Statbel sectors up to neighbourhoods', () => {
  it('adds counts over the sectors of a neighbourhood (Hulsen: three sectors of Balen)', () => {
    const result = rollUpSectors(
      [
        value('13003A500', 'population', 1200),
        value('13003A51-', 'population', 300),
        value('13003A590', 'population', 150),
      ],
      sectorTable,
      'sum',
    );
    expect(result).toEqual({
      values: [
        {
          neighbourhoodCode: '1300208',
          indicator: 'population',
          period: '2024',
          value: 1650,
          aggregation: 'sum',
          sectors: 3,
          sectorsInNeighbourhood: 3,
          isEstimate: false,
        },
      ],
      errors: [],
      warnings: [],
    });
  });

  it('averages shares weighted by the population they are a share of', () => {
    const result = rollUpSectors(
      [
        value('13003A500', 'share_65_plus', 20, 1200),
        value('13003A51-', 'share_65_plus', 30, 300),
        value('13003A590', 'share_65_plus', 40, 0),
      ],
      sectorTable,
      'weighted_mean',
    );
    expect(result.values[0]?.value).toBeCloseTo((20 * 1200 + 30 * 300) / 1500, 10);
    expect(result.values[0]?.isEstimate).toBe(false);
  });

  it('marks a rolled-up median as an estimate, and picks the aggregation per indicator by default', () => {
    const result = rollUpSectors(
      [value('13003A500', 'median_income', 24000, 1200), value('13003A500', 'population', 1200)],
      sectorTable,
      (indicator) => DEFAULT_AGGREGATION[indicator as keyof typeof DEFAULT_AGGREGATION],
    );
    expect(result.values.map((v) => [v.indicator, v.aggregation, v.isEstimate])).toEqual([
      ['median_income', 'weighted_mean', true],
      ['population', 'sum', false],
    ]);
  });

  it('keeps periods and neighbourhoods apart, in a stable order', () => {
    const result = rollUpSectors(
      [
        value('13035A00-', 'population', 10, null, '2025'),
        value('13003A00-', 'population', 5),
        value('13035A00-', 'population', 7),
      ],
      sectorTable,
      'sum',
    );
    expect(result.values.map((v) => [v.neighbourhoodCode, v.period, v.value])).toEqual([
      ['1300301', '2024', 5],
      ['1303507', '2024', 7],
      ['1303507', '2025', 10],
    ]);
  });

  it('reports unknown sectors, repeated sectors and missing weights by row', () => {
    const unknown = value('13003X99-', 'population', 5);
    const first = value('13003A00-', 'population', 5);
    const repeated = value('13003A00-', 'population', 6);
    const noWeight = value('13003A00-', 'share_65_plus', 20, null);
    const result = rollUpSectors([unknown, first, repeated, noWeight], sectorTable, (indicator) =>
      indicator === 'population' ? 'sum' : 'weighted_mean',
    );
    expect(result.errors).toEqual([
      {
        row: unknown.row,
        field: 'sector',
        code: 'unknown_sector',
        problem: '13003X99- is not a statistical sector in the sector table (Statbel codes of 2024).',
        detail: { key: 'unknown_sector', params: { sector: '13003X99-' } },
      },
      {
        row: repeated.row,
        field: 'sector',
        code: 'duplicate',
        problem: `13003A00- already has a value for population 2024 (row ${first.row}).`,
        detail: {
          key: 'duplicate_sector',
          params: { sector: '13003A00-', indicator: 'population', period: '2024', row: first.row },
        },
      },
      {
        row: noWeight.row,
        field: 'weight',
        code: 'required',
        problem: 'is needed to average share_65_plus over the sectors of a neighbourhood (e.g. the population).',
        detail: { key: 'weight_required', params: { indicator: 'share_65_plus' } },
      },
    ]);
    expect(result.values.map((v) => v.value)).toEqual([5]);
  });

  it('skips Statbel\'s "not localised" sectors and warns about incomplete neighbourhoods and zero weights', () => {
    const result = rollUpSectors(
      [
        value('13003ZZZZ', 'population', 40),
        value('13003A00-', 'population', 900),
        value('13003A500', 'share_65_plus', 20, 0),
      ],
      sectorTable,
      (indicator) => (indicator === 'population' ? 'sum' : 'weighted_mean'),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'sector_not_localised',
      'out_of_range',
      'incomplete_neighbourhood',
    ]);
    expect(result.warnings[2]?.problem).toBe(
      'Neighbourhood 1300301 has 6 sectors; the file gives population 2024 for 1 of them.',
    );
    expect(result.values.map((v) => [v.neighbourhoodCode, v.value, v.sectors, v.sectorsInNeighbourhood])).toEqual([
      ['1300301', 900, 1, 6],
    ]);
  });
});
