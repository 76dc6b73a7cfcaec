import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  OVERLAY_LAYERS,
  OVERLAY_LAYER_IDS,
  OVERLAY_STYLE_LAYERS,
  SERVICE_COLORS,
  overlayLayerIds,
  overlayOfLayerId,
  overlaySourceId,
  signalRateFill,
  visibleLayerIds,
  NEIGHBOURHOOD_POINTS_SOURCE,
  SERVICE_RINGS_SOURCE,
} from '@/lib/map/overlay-layers';
import { SERVICE_TYPES } from '@/lib/services/service-types';

describe('overlay layers', () => {
  const all = OVERLAY_LAYERS.flatMap((layer) => OVERLAY_STYLE_LAYERS[layer]);

  it('draw from their own tile source and MVT layer, hidden until switched on', () => {
    for (const layer of OVERLAY_LAYERS) {
      expect(OVERLAY_STYLE_LAYERS[layer].map((spec) => spec.id).sort()).toEqual(overlayLayerIds(layer).sort());
      for (const spec of OVERLAY_STYLE_LAYERS[layer]) {
        // Tile-backed layers read their own source; the others the neighbourhoods, their
        // per-neighbourhood points or the walking-distance rings.
        const kind = overlayOfLayerId(spec.id)!.kind;
        if (['cells', 'points', 'heatmap'].includes(kind)) {
          expect(spec).toMatchObject({ source: overlaySourceId(layer), 'source-layer': layer });
        } else {
          expect(spec.source).toBe(
            {
              rate: 'neighbourhoods',
              areas: NEIGHBOURHOOD_POINTS_SOURCE,
              rings: SERVICE_RINGS_SOURCE,
              ringLines: SERVICE_RINGS_SOURCE,
            }[kind as string],
          );
        }
        expect(spec.layout?.visibility).toBe('none');
        expect(overlayOfLayerId(spec.id)?.layer).toBe(layer);
      }
    }
    expect(new Set(all.map((spec) => spec.id)).size).toBe(all.length);
    expect(overlayOfLayerId('neighbourhoods-fill')).toBeUndefined();
    expect(overlayOfLayerId(OVERLAY_LAYER_IDS.services.points)).toEqual({ layer: 'services', kind: 'points' });
  });

  it('are a valid MapLibre style (expressions included)', () => {
    const empty = { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } };
    const sources = {
      ...Object.fromEntries(
        OVERLAY_LAYERS.map((layer) => [
          overlaySourceId(layer),
          { type: 'vector' as const, tiles: [`http://x/api/tiles/${layer}/{z}/{x}/{y}.pbf`] },
        ]),
      ),
      neighbourhoods: empty,
      [NEIGHBOURHOOD_POINTS_SOURCE]: empty,
      [SERVICE_RINGS_SOURCE]: empty,
    };
    expect(validateStyleMin({ version: 8, sources, layers: all })).toEqual([]);
  });

  it('give every service type its own colour', () => {
    const colours = SERVICE_TYPES.map((type) => SERVICE_COLORS[type.code].toLowerCase());
    expect(colours).toHaveLength(10);
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe('layer visibility', () => {
  it('shows one signal view at a time (with the points of those who get them), and rings only when asked for', () => {
    const rate = { signalView: 'rate' as const, walkDistances: [] };
    const points = OVERLAY_LAYER_IDS.signals.points;
    expect(visibleLayerIds('signals', rate)).toEqual([OVERLAY_LAYER_IDS.signals.rate, points]);
    expect(visibleLayerIds('signals', { ...rate, signalView: 'heatmap' })).toEqual([
      OVERLAY_LAYER_IDS.signals.heatmap,
      points,
    ]);
    expect(visibleLayerIds('signals', { ...rate, signalView: 'grid' })).toEqual([
      OVERLAY_LAYER_IDS.signals.cells,
      points,
    ]);
    expect(visibleLayerIds('services', rate)).not.toContain(OVERLAY_LAYER_IDS.services.rings);
    expect(visibleLayerIds('services', { ...rate, walkDistances: [500] })).toContain(OVERLAY_LAYER_IDS.services.rings);
    expect(visibleLayerIds('street_lights', rate)).toEqual(overlayLayerIds('street_lights'));
  });
});

describe('signal rate fill', () => {
  it('is a valid style whatever the number of classes', () => {
    for (const breaks of [[], [2.5], [1, 2, 3, 4], [1, 2, 3, 4, 5, 6]]) {
      const layer = { id: 'rate', type: 'fill', source: 'neighbourhoods', paint: signalRateFill(breaks) };
      const errors = validateStyleMin({
        version: 8,
        sources: { neighbourhoods: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
        layers: [layer],
      } as never);
      expect(errors.map((e) => e.message)).toEqual([]);
    }
  });
});
