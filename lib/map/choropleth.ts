import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { NeighbourhoodCollection } from './area-data';
import type { ClassBreaks } from './class-breaks';

/**
 * MapLibre styles features from flat properties only (nested objects reach the renderer as
 * JSON strings), so every indicator value becomes a numeric property `ind_<code>`.
 */
export function indicatorProperty(indicatorCode: string): string {
  return `ind_${indicatorCode}`;
}

export interface MapNeighbourhoodProperties {
  code: string;
  name: string;
  municipalityNis: string;
  [indicatorValue: `ind_${string}`]: number;
}

/** The neighbourhoods as MapLibre gets them: geometry plus flat, small properties. */
export function toMapFeatures(
  collection: NeighbourhoodCollection,
): FeatureCollection<MultiPolygon, MapNeighbourhoodProperties> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => {
      const { code, name, municipalityNis, indicators } = feature.properties;
      const properties: MapNeighbourhoodProperties = { code, name, municipalityNis };
      for (const [indicatorCode, reading] of Object.entries(indicators)) {
        properties[`ind_${indicatorCode}`] = reading.value;
      }
      return { type: 'Feature', geometry: feature.geometry, properties };
    }),
  };
}

/** The values of one indicator over a collection; neighbourhoods without one give `null`. */
export function indicatorValues(collection: NeighbourhoodCollection, indicatorCode: string): (number | null)[] {
  return collection.features.map((feature) => feature.properties.indicators[indicatorCode]?.value ?? null);
}

/**
 * Fill colour: the class colour by the indicator value, grey where the property is missing
 * (MapLibre would otherwise treat a missing value as an error and skip the feature's colour).
 */
export function fillColorExpression(
  indicatorCode: string,
  result: ClassBreaks,
): DataDrivenPropertyValueSpecification<string> {
  const [first, ...rest] = result.classes;
  if (!first) return result.noDataColor;
  const value: ExpressionSpecification = ['get', indicatorProperty(indicatorCode)];
  const step: ExpressionSpecification =
    rest.length === 0
      ? ['literal', first.color]
      : (['step', value, first.color, ...rest.flatMap((c) => [c.min, c.color])] as ExpressionSpecification);
  return ['case', ['==', ['typeof', value], 'number'], step, result.noDataColor];
}

/**
 * Fill opacity: with a municipality chosen, its neighbourhoods stay strong and the rest of the
 * region fades, so the eye finds the chosen municipality while its context stays visible.
 */
export function fillOpacityExpression(
  municipalityNis: string | undefined,
  strong = 0.88,
  faded = 0.35,
): DataDrivenPropertyValueSpecification<number> {
  if (!municipalityNis) return strong;
  return ['case', ['==', ['get', 'municipalityNis'], municipalityNis], strong, faded];
}
