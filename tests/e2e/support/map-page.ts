import { expect, type Page } from '@playwright/test';
import { OVERLAY_LAYER_IDS, type OverlayLayer } from '@/lib/map/overlay-layers';

/** What the tests use of the MapLibre map the page exposes as window.__buurtradarMap. */
export interface RenderedFeature {
  id?: number | string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
export interface TestMap {
  loaded(): boolean;
  isMoving(): boolean;
  areTilesLoaded(): boolean;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getContainer(): HTMLElement;
  jumpTo(options: { center?: [number, number]; zoom?: number }): void;
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(pointOrOptions?: unknown, options?: unknown): RenderedFeature[];
  getFeatureState(feature: { source: string; id: string }): Record<string, unknown>;
  once(event: string, listener: () => void): void;
}
export type TestWindow = Window & { __buurtradarMap?: TestMap };

export const BALEN_URL = '/kaart/sw11/13003';

export const layerIds = (layer: OverlayLayer): string[] => Object.values(OVERLAY_LAYER_IDS[layer]);

export async function waitForMap(page: Page) {
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true', { timeout: 45_000 });
  await waitForIdle(page);
}

/** Resolves when the map has nothing left to load or draw. */
export async function waitForIdle(page: Page) {
  await page.waitForFunction(
    () => {
      const map = (window as TestWindow).__buurtradarMap;
      return map !== undefined && map.loaded() && !map.isMoving() && map.areTilesLoaded();
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** Features drawn by the given style layers, once the map has settled. */
export async function renderedFeatures(page: Page, ids: string[]): Promise<RenderedFeature[]> {
  await waitForIdle(page);
  const features = await page.evaluate((layers) => {
    const map = (window as TestWindow).__buurtradarMap;
    return map
      ? map.queryRenderedFeatures({ layers }).map((f) => ({ id: f.id, properties: f.properties, geometry: f.geometry }))
      : [];
  }, ids);
  return features as RenderedFeature[];
}

export async function openMap(page: Page, path: string, query = '') {
  await page.goto(`${path}${query}`);
  await waitForMap(page);
  // The layer switches wait for the tile versions.
  await expect(page.getByTestId('layer-toggle-signals')).toBeEnabled();
}
