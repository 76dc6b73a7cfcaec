import { SIGNAL_CATEGORY_CODES } from '@/lib/signals/categories';
import type { CountCell, SumConstraint } from './suppression-audit';
import { type SuppressedValue, type SuppressionNote, suppressTable } from './suppression';

/**
 * The one table of signal counts published for a region and period: every page, chart, map,
 * tooltip and export of that region and period takes its counts from here, so that nothing
 * published anywhere can be combined with something published elsewhere into a hidden count.
 *
 * Cells (TOTAL = all categories):
 * - neighbourhood × (each category, TOTAL)            `n:<code>|<category>`
 * - municipality × (each category, TOTAL)             `m:<nis>|<category>`
 * - region × (each category, TOTAL)                   `r:<code>|<category>`
 * - municipality × month, region × month (TOTAL only) `m:<nis>|*|<YYYY-MM>`, `r:<code>|*|<YYYY-MM>`
 * Relations: an area's TOTAL is the sum of its categories; a municipality is the sum of its
 * neighbourhoods and the region of its municipalities, per category; a period's TOTAL is the
 * sum of its months. Suppression (lib/analysis/suppression.ts) hides counts from 1 to
 * threshold − 1 and whatever else is needed so that none of them can be worked out.
 */

export const ALL = '*';
export type CategoryKey = string;

export interface PublicationInput {
  regionCode: string;
  /** Every neighbourhood of the region with its municipality. */
  neighbourhoods: readonly { code: string; municipalityNis: string }[];
  categoryCounts: readonly { neighbourhoodCode: string; categoryCode: string; count: number }[];
  monthCounts: readonly { neighbourhoodCode: string; month: string; count: number }[];
  months: readonly string[];
  threshold: number;
  categories?: readonly string[];
}

export interface Publication {
  regionCode: string;
  months: readonly string[];
  categories: readonly string[];
  threshold: number;
  note: SuppressionNote;
  /** The published value of one cell (see the ids above); undefined for an unknown id. */
  cell(id: string): SuppressedValue | undefined;
  /** Every cell, for audits and tests. */
  cells: readonly CountCell[];
  constraints: readonly SumConstraint[];
  values: Readonly<Record<string, SuppressedValue>>;
}

export const neighbourhoodCell = (code: string, category: CategoryKey) => `n:${code}|${category}`;
export const municipalityCell = (nis: string, category: CategoryKey) => `m:${nis}|${category}`;
export const regionCell = (code: string, category: CategoryKey) => `r:${code}|${category}`;
export const municipalityMonthCell = (nis: string, month: string) => `m:${nis}|${ALL}|${month}`;
export const regionMonthCell = (code: string, month: string) => `r:${code}|${ALL}|${month}`;

export function buildPublication(input: PublicationInput): Publication {
  const categories = input.categories ?? SIGNAL_CATEGORY_CODES;
  const keys = [...categories, ALL];
  const municipalityOf = new Map(input.neighbourhoods.map((n) => [n.code, n.municipalityNis]));
  const municipalities = [...new Set(input.neighbourhoods.map((n) => n.municipalityNis))].sort();
  const byMunicipality = new Map<string, string[]>(municipalities.map((nis) => [nis, []]));
  for (const n of [...input.neighbourhoods].sort((a, b) => (a.code < b.code ? -1 : 1)))
    byMunicipality.get(n.municipalityNis)!.push(n.code);

  const values = new Map<string, number>();
  const add = (id: string, count: number) => values.set(id, (values.get(id) ?? 0) + count);
  for (const n of input.neighbourhoods) for (const key of keys) values.set(neighbourhoodCell(n.code, key), 0);
  for (const nis of municipalities) {
    for (const key of keys) values.set(municipalityCell(nis, key), 0);
    for (const month of input.months) values.set(municipalityMonthCell(nis, month), 0);
  }
  for (const key of keys) values.set(regionCell(input.regionCode, key), 0);
  for (const month of input.months) values.set(regionMonthCell(input.regionCode, month), 0);

  const known = new Set(categories);
  for (const row of input.categoryCounts) {
    const nis = municipalityOf.get(row.neighbourhoodCode);
    // A category the table does not list still counts in the totals; a foreign area not at all.
    if (nis === undefined) continue;
    if (known.has(row.categoryCode)) {
      add(neighbourhoodCell(row.neighbourhoodCode, row.categoryCode), row.count);
      add(municipalityCell(nis, row.categoryCode), row.count);
      add(regionCell(input.regionCode, row.categoryCode), row.count);
    }
  }
  const monthSet = new Set(input.months);
  for (const row of input.monthCounts) {
    const nis = municipalityOf.get(row.neighbourhoodCode);
    if (nis === undefined || !monthSet.has(row.month)) continue;
    add(neighbourhoodCell(row.neighbourhoodCode, ALL), row.count);
    add(municipalityCell(nis, ALL), row.count);
    add(regionCell(input.regionCode, ALL), row.count);
    add(municipalityMonthCell(nis, row.month), row.count);
    add(regionMonthCell(input.regionCode, row.month), row.count);
  }

  const constraints: SumConstraint[] = [];
  // Signals of a category the table does not list make TOTAL more than the sum of the parts;
  // then TOTAL has no category relation (it is related through its months instead).
  const totalRelation = (total: string, parts: string[]) => {
    const sum = parts.reduce((s, id) => s + values.get(id)!, 0);
    if (sum === values.get(total)) constraints.push({ total, parts });
  };
  for (const n of input.neighbourhoods)
    totalRelation(
      neighbourhoodCell(n.code, ALL),
      categories.map((c) => neighbourhoodCell(n.code, c)),
    );
  for (const nis of municipalities) {
    totalRelation(
      municipalityCell(nis, ALL),
      categories.map((c) => municipalityCell(nis, c)),
    );
    for (const key of keys)
      constraints.push({
        total: municipalityCell(nis, key),
        parts: byMunicipality.get(nis)!.map((code) => neighbourhoodCell(code, key)),
      });
    if (input.months.length > 0)
      constraints.push({
        total: municipalityCell(nis, ALL),
        parts: input.months.map((month) => municipalityMonthCell(nis, month)),
      });
  }
  totalRelation(
    regionCell(input.regionCode, ALL),
    categories.map((c) => regionCell(input.regionCode, c)),
  );
  for (const key of keys)
    constraints.push({
      total: regionCell(input.regionCode, key),
      parts: municipalities.map((nis) => municipalityCell(nis, key)),
    });
  if (input.months.length > 0) {
    constraints.push({
      total: regionCell(input.regionCode, ALL),
      parts: input.months.map((month) => regionMonthCell(input.regionCode, month)),
    });
    for (const month of input.months) {
      constraints.push({
        total: regionMonthCell(input.regionCode, month),
        parts: municipalities.map((nis) => municipalityMonthCell(nis, month)),
      });
    }
  }

  const cells = [...values].map(([id, value]) => ({ id, value }));
  const result = suppressTable({ cells, constraints }, { threshold: input.threshold });
  return {
    regionCode: input.regionCode,
    months: input.months,
    categories,
    threshold: input.threshold,
    note: result.note,
    cell: (id) => result.values[id],
    cells,
    constraints,
    values: result.values,
  };
}
