import { ckmeans } from 'simple-statistics';
import { MAX_CLASSES, NO_DATA_COLOR, paletteFor } from './palette';

export interface ChoroplethClass {
  /** Smallest and largest value that falls in the class (both inclusive). */
  min: number;
  max: number;
  color: string;
  /** How many values fall in it. */
  count: number;
}

export interface ClassBreaks {
  classes: ChoroplethClass[];
  /**
   * Lower bounds of the second and later classes: a value v belongs to class i when it is at
   * least breaks[i - 1] and below breaks[i] (MapLibre `step` semantics).
   */
  breaks: number[];
  noDataColor: string;
  /** How many inputs had no usable value (null, undefined, NaN). */
  missing: number;
}

/**
 * Class breaks for a choropleth by Ckmeans (optimal 1-D k-means, Jenks' natural breaks done
 * exactly), at most `classCount` classes. With fewer distinct values than classes, every
 * distinct value gets its own class; with no values, there are no classes.
 */
export function computeClassBreaks(
  values: readonly (number | null | undefined)[],
  classCount = MAX_CLASSES,
): ClassBreaks {
  const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  const missing = values.length - present.length;
  const distinct = new Set(present).size;
  const k = Math.min(Math.max(Math.floor(classCount), 1), MAX_CLASSES, distinct);
  if (k === 0) return { classes: [], breaks: [], noDataColor: NO_DATA_COLOR, missing };

  const clusters = k === 1 ? [present] : ckmeans(present, k);
  // Ckmeans may split a run of equal values between two clusters when that costs nothing; a
  // map cannot colour equal values differently, so classes are rebuilt from the lower bounds.
  const lowerBounds = clusters.slice(1).flatMap((cluster) => (cluster.length > 0 ? [Math.min(...cluster)] : []));
  const breaks = [...new Set(lowerBounds)].sort((a, b) => a - b);
  const members: number[][] = breaks.map(() => []).concat([[]]);
  for (const value of present) members[classIndex(breaks, value)]!.push(value);

  const filled = members.filter((group) => group.length > 0);
  const palette = paletteFor(filled.length);
  const classes = filled.map((group, index) => ({
    min: Math.min(...group),
    max: Math.max(...group),
    color: palette[index] ?? NO_DATA_COLOR,
    count: group.length,
  }));
  return { classes, breaks: classes.slice(1).map((c) => c.min), noDataColor: NO_DATA_COLOR, missing };
}

/** Index of the class a value falls in, given the lower bounds of classes 2..k. */
export function classIndex(breaks: readonly number[], value: number): number {
  let index = 0;
  while (index < breaks.length && value >= breaks[index]!) index += 1;
  return index;
}

/** The colour a value gets on the map; `null`/`undefined` gets the no-data grey. */
export function colorFor(result: ClassBreaks, value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || result.classes.length === 0) return result.noDataColor;
  return result.classes[classIndex(result.breaks, value)]?.color ?? result.noDataColor;
}
