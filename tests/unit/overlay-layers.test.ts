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
} from '@/lib/map/overlay-layers';
import { SERVICE_TYPES } from '@/lib/services/service-types';

describe('overlay layers', () => {
  const all = OVERLAY_LAYERS.flatMap((layer) => OVERLAY_STYLE_LAYERS[layer]);

  it('draw from their own tile source and MVT layer, hidden until switched on', () => {
    for (const layer of OVERLAY_LAYERS) {
      expect(OVERLAY_STYLE_LAYERS[layer].map((spec) => spec.id).sort()).toEqual(overlayLayerIds(layer).sort());
      for (const spec of OVERLAY_STYLE_LAYERS[layer]) {
        expect(spec).toMatchObject({ type: 'circle', source: overlaySourceId(layer), 'source-layer': layer });
        expect(spec.layout?.visibility).toBe('none');
        expect(overlayOfLayerId(spec.id)?.layer).toBe(layer);
      }
    }
    expect(new Set(all.map((spec) => spec.id)).size).toBe(all.length);
    expect(overlayOfLayerId('neighbourhoods-fill')).toBeUndefined();
    expect(overlayOfLayerId(OVERLAY_LAYER_IDS.services.points)).toEqual({ layer: 'services', kind: 'points' });
  });

  it('are a valid MapLibre style (expressions included)', () => {
    const sources = Object.fromEntries(OVERLAY_LAYERS.map((layer) => [
      overlaySourceId(layer), { type: 'vector' as const, tiles: [`http://x/api/tiles/${layer}/{z}/{x}/{y}.pbf`] },
    ]));
    expect(validateStyleMin({ version: 8, sources, layers: all })).toEqual([]);
  });

  it('give every service type its own colour', () => {
    const colours = SERVICE_TYPES.map((type) => SERVICE_COLORS[type.code].toLowerCase());
    expect(colours).toHaveLength(10);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
