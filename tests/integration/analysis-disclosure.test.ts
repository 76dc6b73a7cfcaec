import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPeriods, loadRegionAnalysis } from '@/app/_server/analysis/region-data';
import type { DatabaseHandle } from '@/db/client';
import { listMunicipalities } from '@/db/queries/areas';
import { DEFAULT_WEIGHT_PERCENT } from '@/lib/analysis/analysis-query';
import { EXPORT_TABLES, buildExportTable } from '@/lib/analysis/export-tables';
import {
  ALL,
  type Publication,
  municipalityCell,
  municipalityMonthCell,
  neighbourhoodCell,
} from '@/lib/analysis/publication';
import { findExposedCells } from '@/lib/analysis/suppression-audit';
import type { SuppressedValue } from '@/lib/analysis/suppression';
import { type AccessScope, buildAccessScope } from '@/lib/auth/access';
import { SIGNAL_CATEGORY_CODES } from '@/lib/signals/categories';
import { lastReleasableYear } from '@/lib/analysis/periods';
import { brusselsToday } from '@/lib/signals/today';
import { openTestDatabase } from '../support/test-database';

// The small-number attacks of issue 5 on the demo data, against what the analysis pages and
// exports publish (the same functions the route handlers call), on each database.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const analyst = buildAccessScope({
  userId: 1,
  role: 'regional_analyst',
  organisationId: null,
  organisationType: null,
  municipalities: [],
  regionCode: 'sw11',
  disabled: false,
}) as AccessScope;
const THRESHOLD = 5;
const isSmall = (value: SuppressedValue) =>
  value.suppressed === null && value.value !== null && value.value > 0 && value.value < THRESHOLD;

async function regionPublication(periodId: string, category = ALL) {
  const db = handle.db;
  const { periods } = await loadPeriods(db);
  const period = periods.find((p) => p.id === periodId)!;
  const municipalities = await listMunicipalities(db, 'sw11');
  const nis = municipalities.map((m) => m.nis);
  const data = await loadRegionAnalysis(db, {
    regionCode: 'sw11',
    regionNis: nis,
    visibleNis: nis,
    period,
    category,
    distance: 1000,
    scope: analyst,
  });
  return { data, period, nis };
}

/** Published value of a cell: a number, or null when hidden. */
const shown = (publication: Publication, id: string) => {
  const cell = publication.cell(id)!;
  return cell.suppressed === null ? cell.value : null;
};

describe('small-number suppression of the Kempen analysis', () => {
  it('shows no count from 1 to 4 in any published cell or exported table', async () => {
    for (const periodId of ['2024', '2025']) {
      for (const category of [ALL, 'loneliness', 'unsafe_street', 'poor_housing']) {
        const { data } = await regionPublication(periodId, category);
        expect(Object.values(data.inputs.publication.values).filter(isSmall)).toEqual([]);
        for (const table of EXPORT_TABLES) {
          const built = buildExportTable(table, {
            analysis: data.analysis,
            publication: data.inputs.publication,
            weights: DEFAULT_WEIGHT_PERCENT,
            wholeRegion: true,
            regionName: 'Kempen',
            visibleNis: [],
            lang: 'nl',
          });
          const countKeys = built.columns.filter((c) => c.kind === 'count').map((c) => c.key);
          const small = built.rows
            .flatMap((row) => countKeys.map((key) => row[key] as SuppressedValue))
            .filter(isSmall);
          expect(small, `${table} ${periodId} ${category}`).toEqual([]);
        }
      }
    }
  });

  it('hides real small counts: the demo data has them, so the test is not vacuous', async () => {
    const { data } = await regionPublication('2025');
    const { publication } = data.inputs;
    const small = publication.cells.filter((cell) => cell.value > 0 && cell.value < THRESHOLD);
    expect(small.length).toBeGreaterThan(100);
    expect(small.every((cell) => publication.cell(cell.id)!.suppressed === 'primary')).toBe(true);
  });

  it('gives nothing away by subtraction: parent minus children, category totals, months of the period', async () => {
    for (const periodId of ['2024', '2025']) {
      const { data, nis } = await regionPublication(periodId);
      const { publication, bases } = data.inputs;
      const attacks: string[] = [];
      // A total minus every published part leaves the hidden parts' sum: it must never be one
      // hidden small cell on its own.
      const attack = (total: string, parts: string[]) => {
        const totalValue = shown(publication, total);
        if (totalValue === null) return;
        const hidden = parts.filter((id) => shown(publication, id) === null);
        if (hidden.length === 1 && publication.cell(hidden[0]!)!.suppressed === 'primary')
          attacks.push(`${total} − published parts = ${hidden[0]}`);
      };
      for (const m of nis) {
        const children = bases.filter((b) => b.municipalityNis === m).map((b) => b.code);
        for (const key of [ALL, ...SIGNAL_CATEGORY_CODES])
          attack(
            municipalityCell(m, key),
            children.map((code) => neighbourhoodCell(code, key)),
          );
        attack(
          municipalityCell(m, ALL),
          SIGNAL_CATEGORY_CODES.map((c) => municipalityCell(m, c)),
        );
        attack(
          municipalityCell(m, ALL),
          publication.months.map((month) => municipalityMonthCell(m, month)),
        );
      }
      for (const b of bases)
        attack(
          neighbourhoodCell(b.code, ALL),
          SIGNAL_CATEGORY_CODES.map((c) => neighbourhoodCell(b.code, c)),
        );
      expect(attacks).toEqual([]);
    }
  });

  it('leaves every small count an interval of possible values, whatever combination of published sums is used', async () => {
    const { data } = await regionPublication('2025');
    const { publication } = data.inputs;
    const hidden = new Set(
      Object.entries(publication.values)
        .filter(([, v]) => v.suppressed !== null)
        .map(([id]) => id),
    );
    const primary = Object.entries(publication.values)
      .filter(([, v]) => v.suppressed === 'primary')
      .map(([id]) => id);
    // The attacker's linear programmes (τ-ARGUS audit): no primary cell is pinned to one value.
    expect(
      findExposedCells({ cells: publication.cells, constraints: publication.constraints }, hidden, primary, 1),
    ).toEqual([]);
  });

  it('publishes periods that do not overlap, so adjacent periods cannot be subtracted', async () => {
    const { periods } = await loadPeriods(handle.db);
    const months = periods.flatMap((p) => p.months);
    expect(new Set(months).size).toBe(months.length);
  });

  it('never publishes the running year, which would grow between two downloads', async () => {
    const today = brusselsToday();
    const { periods } = await loadPeriods(handle.db, today);
    expect(periods.map((p) => p.id)).toEqual(expect.arrayContaining(['2025', '2024']));
    for (const period of periods) expect(Number(period.id)).toBeLessThanOrEqual(lastReleasableYear(today));
  });
});
