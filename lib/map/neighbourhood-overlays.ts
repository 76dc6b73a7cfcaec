import { MIN_PRIVATE_COUNT } from '@/lib/tiles/aggregation';

/**
 * What the map shows per neighbourhood for the overlays when zoomed out: the signal rate per
 * 1,000 inhabitants (a choropleth), street lights per km² and their defects, and records of
 * substandard dwellings. Counts about people below MIN_PRIVATE_COUNT are withheld (null), and
 * so is any figure derived from them: a rate of 0.8 ‰ on 2,500 inhabitants is a count of 2.
 */

export interface NeighbourhoodOverlayCounts {
  code: string;
  areaKm2: number;
  /** Latest population figure; null when the neighbourhood has none. */
  population: number | null;
  /** Undefined: the person may not see this neighbourhood's signals. */
  signals: number | undefined;
  streetLights: number;
  defects: number;
  /** Undefined: the person may not see this neighbourhood's substandard dwellings. */
  substandardDwellings: number | undefined;
}

export interface NeighbourhoodOverlayStats {
  code: string;
  /** null: fewer than the threshold (but not zero), so not shown; absent: no access. */
  signals?: number | null;
  /** Signals per 1,000 inhabitants; null when withheld or without population; absent: no access. */
  signalRate?: number | null;
  population: number | null;
  streetLights: number;
  defects: number;
  /** Street lights per km² of the neighbourhood. */
  lightDensity: number;
  /** null: fewer than the threshold (but not zero); absent: no access. */
  substandardDwellings?: number | null;
}

/** A count about people as it may be shown: zero reveals nobody, 1 to threshold − 1 could. */
export const shownCount = (count: number, threshold = MIN_PRIVATE_COUNT) =>
  count > 0 && count < threshold ? null : count;

export function summariseNeighbourhoodOverlays(
  rows: NeighbourhoodOverlayCounts[],
  threshold = MIN_PRIVATE_COUNT,
): NeighbourhoodOverlayStats[] {
  return rows.map((row) => {
    const signals = row.signals === undefined ? undefined : shownCount(row.signals, threshold);
    return {
      code: row.code,
      ...(signals === undefined
        ? {}
        : {
            signals,
            signalRate: signals === null || !row.population ? null : round((signals / row.population) * 1000, 2),
          }),
      population: row.population,
      streetLights: row.streetLights,
      defects: row.defects,
      lightDensity: row.areaKm2 > 0 ? round(row.streetLights / row.areaKm2, 1) : 0,
      ...(row.substandardDwellings === undefined
        ? {}
        : { substandardDwellings: shownCount(row.substandardDwellings, threshold) }),
    };
  });
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
