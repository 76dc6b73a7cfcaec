import { VectorTile } from '@mapbox/vector-tile';
import { type APIRequestContext, type Browser, type Page, expect } from '@playwright/test';
import { PbfReader } from 'pbf';
import { signIn } from './sign-in';

/** Helpers of the signal-loop tests: people in their own browser contexts, places, tiles. */

export const BALEN = '13003';
export const RAVELS = '13035';

export interface Person {
  page: Page;
  request: APIRequestContext;
  close: () => Promise<void>;
}

/** A fresh browser context (its own cookies) signed in as `account`. */
export async function signedIn(
  browser: Browser,
  baseURL: string,
  account: { email: string; password: string },
): Promise<Person> {
  const context = await browser.newContext({ baseURL, locale: 'nl-BE', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, account);
  return { page, request: context.request, close: () => context.close() };
}

export interface NeighbourhoodAnchor {
  code: string;
  name: string;
  anchor: [number, number];
}

/** Balen's (or another municipality's) neighbourhoods with a point inside each (public API). */
export async function neighbourhoodsOf(request: APIRequestContext, nis: string): Promise<NeighbourhoodAnchor[]> {
  const response = await request.get(`/api/areas/neighbourhoods?municipality=${nis}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { features: { properties: NeighbourhoodAnchor }[] };
  return body.features.map((feature) => feature.properties);
}

/** A report body for the API, with a fresh idempotency key. */
export function reportBody(lon: number, lat: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'loneliness',
    subcategory: 'loneliness_social_isolation',
    urgency: 'normal',
    description: 'Oudere man woont alleen en komt sinds de winter niet meer buiten.',
    followUpRequested: true,
    partnerType: 'gp_practice',
    lon,
    lat,
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  };
}

/** Clicks the small map at a longitude/latitude (the map exposes itself as window.__buurtradarMap). */
export async function clickMapAt(page: Page, testId: string, lon: number, lat: number) {
  const map = page.getByTestId(testId);
  await expect(map).toHaveAttribute('data-map-ready', 'true', { timeout: 45_000 });
  await page.waitForFunction(() => {
    const instance = (window as unknown as { __buurtradarMap?: { loaded(): boolean; isMoving(): boolean } })
      .__buurtradarMap;
    return instance !== undefined && instance.loaded() && !instance.isMoving();
  });
  const pixel = await page.evaluate(
    ([x, y]) => {
      const instance = (
        window as unknown as { __buurtradarMap: { project(p: [number, number]): { x: number; y: number } } }
      ).__buurtradarMap;
      return instance.project([x!, y!]);
    },
    [lon, lat],
  );
  await map.click({ position: { x: pixel.x, y: pixel.y } });
}

/** XYZ tile of a point at zoom z (Web Mercator). */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  return { x, y };
}

export interface TileFeature {
  id: number | undefined;
  properties: Record<string, string | number | boolean>;
}

/** The features of a signals tile as a browser of this person would get them (following the version redirect). */
export async function signalTileFeatures(
  request: APIRequestContext,
  z: number,
  x: number,
  y: number,
): Promise<TileFeature[]> {
  const response = await request.get(`/api/tiles/signals/${z}/${x}/${y}.pbf`);
  expect([200, 204]).toContain(response.status());
  if (response.status() === 204) return [];
  const tile = new VectorTile(new PbfReader(new Uint8Array(await response.body())));
  return Object.values(tile.layers).flatMap((layer) =>
    Array.from({ length: layer.length }, (_, i) => ({
      id: layer.feature(i).id,
      properties: layer.feature(i).properties,
    })),
  );
}
