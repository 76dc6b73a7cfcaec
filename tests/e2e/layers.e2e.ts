import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { OVERLAY_LAYERS, OVERLAY_LAYER_IDS, type OverlayLayer } from '@/lib/map/overlay-layers';
import { SERVICE_TYPES } from '@/lib/services/service-types';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * The overlay layers in a real browser, on the seeded demo data: switching a layer draws its
 * vector tiles (queryRenderedFeatures counts), the URL keeps the choice, and a click on a
 * service opens its popup. Balen is small enough that each layer has features in view.
 */

const BALEN_URL = '/kaart/sw11/13003';

// Signals on the map are for those who see them one by one: the coordinator of Balen.
test.beforeEach(async ({ page }, info) =>
  signIn(page, info.title.includes('analyst') ? DEMO_ACCOUNTS.analystKempen : DEMO_ACCOUNTS.coordinatorBalen),
);

interface RenderedFeature {
  id?: number | string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
interface TestMap {
  loaded(): boolean;
  isMoving(): boolean;
  areTilesLoaded(): boolean;
  getCenter(): { lng: number; lat: number };
  getContainer(): HTMLElement;
  jumpTo(options: { center?: [number, number]; zoom?: number }): void;
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(pointOrOptions?: unknown, options?: unknown): RenderedFeature[];
  once(event: string, listener: () => void): void;
}
type TestWindow = Window & { __buurtradarMap?: TestMap };

const layerIds = (layer: OverlayLayer): string[] => Object.values(OVERLAY_LAYER_IDS[layer]);

async function waitForMap(page: Page) {
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true', { timeout: 45_000 });
  await waitForIdle(page);
}

/** Resolves when the map has nothing left to load or draw. */
async function waitForIdle(page: Page) {
  await page.waitForFunction(
    () => {
      const map = (window as TestWindow).__buurtradarMap;
      return map !== undefined && map.loaded() && !map.isMoving() && map.areTilesLoaded();
    },
    undefined,
    { timeout: 30_000 },
  );
}

async function renderedCount(page: Page, layer: OverlayLayer): Promise<number> {
  return page.evaluate((layers) => {
    const map = (window as TestWindow).__buurtradarMap;
    return map ? map.queryRenderedFeatures({ layers }).length : 0;
  }, layerIds(layer));
}

/** Rendered count once the map has settled (tiles of a newly shown layer load first). */
async function settledCount(page: Page, layer: OverlayLayer): Promise<number> {
  await waitForIdle(page);
  return renderedCount(page, layer);
}

async function openBalen(page: Page, query = '', path = BALEN_URL) {
  await page.goto(`${path}${query}`);
  await waitForMap(page);
  // The switches wait for the tile versions.
  await expect(page.getByTestId('layer-toggle-signals')).toBeEnabled();
}

/**
 * Substandard dwellings are few in the demo data (36 in Balen over two years), the coordinator
 * of Balen sees only Balen's, and only neighbourhoods and cells of at least five are drawn: that
 * layer is checked on the region over the demo's two years, where Balen's neighbourhoods reach five.
 */
const SWITCH_CASES: { layers: OverlayLayer[]; path: string; query: string }[] = [
  { layers: OVERLAY_LAYERS.filter((layer) => layer !== 'substandard_dwellings'), path: BALEN_URL, query: '' },
  { layers: ['substandard_dwellings'], path: '/kaart/sw11', query: '?van=2024-11&tot=2026-10' },
];

for (const { layers, path, query } of SWITCH_CASES)
  test(`switching ${layers.join(', ')} on ${path} draws the layer, and hides it again`, async ({ page }) => {
    await openBalen(page, query, path);
    for (const layer of layers) {
      const toggle = page.getByTestId(`layer-toggle-${layer}`);
      await expect(toggle).not.toBeChecked();
      expect(await settledCount(page, layer), `${layer} before`).toBe(0);

      await toggle.check();
      await expect(page.getByTestId(`layer-legend-${layer}`)).toBeVisible();
      await expect
        .poll(() => settledCount(page, layer), { message: `${layer} on`, timeout: 20_000 })
        .toBeGreaterThan(0);

      await toggle.uncheck();
      await expect(page.getByTestId(`layer-legend-${layer}`)).toHaveCount(0);
      await expect.poll(() => settledCount(page, layer), { message: `${layer} off` }).toBe(0);
    }
  });

test('the URL keeps the enabled layers and reopening it shows them', async ({ page }) => {
  await openBalen(page);
  await page.getByTestId('layer-toggle-services').check();
  await page.getByTestId('layer-toggle-signals').check();
  await expect(page).toHaveURL(/[?&]lagen=signals,services(&|$)/);

  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await waitForMap(page);
  await expect(page.getByTestId('layer-toggle-signals')).toBeChecked();
  await expect(page.getByTestId('layer-toggle-services')).toBeChecked();
  await expect(page.getByTestId('layer-toggle-street_lights')).not.toBeChecked();
  await expect.poll(() => settledCount(page, 'signals'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(() => settledCount(page, 'services'), { timeout: 20_000 }).toBeGreaterThan(0);

  // Unknown names in a link are ignored, and the URL is tidied up.
  await openBalen(page, '?lagen=street_lights,bogus');
  await expect(page.getByTestId('layer-toggle-street_lights')).toBeChecked();
  await expect(page).toHaveURL(/[?&]lagen=street_lights(&positie=[^&]+)?$/);
});

/** A rendered service point (of `type`, if given) well inside the map, clear of the controls. */
async function serviceOnScreen(page: Page, type?: string) {
  return page.evaluate(
    ({ layer, type }) => {
      const map = (window as TestWindow).__buurtradarMap!;
      const { clientWidth, clientHeight } = map.getContainer();
      for (const feature of map.queryRenderedFeatures({ layers: [layer] })) {
        if (feature.geometry.type !== 'Point' || (type && feature.properties.service_type !== type)) continue;
        const point = map.project(feature.geometry.coordinates as [number, number]);
        if (point.x > 80 && point.y > 120 && point.x < clientWidth - 80 && point.y < clientHeight - 80) {
          return {
            ...point,
            id: Number(feature.id),
            name: String(feature.properties.name),
            type: String(feature.properties.service_type),
          };
        }
      }
      return null;
    },
    { layer: OVERLAY_LAYER_IDS.services.points, type },
  );
}

async function clickOnMap(page: Page, point: { x: number; y: number }) {
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click(box!.x + point.x, box!.y + point.y);
}

test('clicking a service opens a popup with its name and type', async ({ page }) => {
  await openBalen(page, '?lagen=services');
  await expect.poll(() => settledCount(page, 'services'), { timeout: 20_000 }).toBeGreaterThan(0);
  const target = await serviceOnScreen(page);
  expect(target).not.toBeNull();

  await clickOnMap(page, target!);
  const popup = page.getByTestId('overlay-popup');
  await expect(popup).toBeVisible();
  await expect(popup).toContainText(target!.name);
  const typeName = SERVICE_TYPES.find((type) => type.code === target!.type)?.nl;
  expect(typeName).toBeDefined();
  await expect(popup).toContainText(typeName!);
  // A click on a service does not select the neighbourhood under it.
  await expect(page.getByTestId('neighbourhood-panel')).toHaveCount(0);
});

test("a mobile stop's popup lists its weekly stop times", async ({ page, request }) => {
  await openBalen(page, '?lagen=services');
  await expect.poll(() => settledCount(page, 'services'), { timeout: 20_000 }).toBeGreaterThan(0);
  const stop = await serviceOnScreen(page, 'mobile_stop');
  expect(stop, 'a mobile stop in view over Balen').not.toBeNull();
  const service = await (await request.get(`/api/services/${stop!.id}`)).json();
  expect(service.schedule.length).toBeGreaterThan(0);

  await clickOnMap(page, stop!);
  const times = page.getByTestId('overlay-popup-schedule').locator('li');
  await expect(times).toHaveCount(service.schedule.length);
  await expect(times.first()).toHaveText(
    /^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d\d:\d\d–\d\d:\d\d$/,
  );
});

test('the service API answers bad ids with 400 and unknown ones with 404', async ({ request }) => {
  for (const bad of ['abc', '-1', '1.5', '0', '99999999999999999999']) {
    const response = await request.get(`/api/services/${bad}`);
    expect(response.status(), bad).toBe(400);
    expect((await response.json()).error).toContain('positive whole number');
  }
  expect((await request.get('/api/services/987654321')).status()).toBe(404);
});

test('screenshots of all layers (set SCREENSHOT_DIR)', async ({ page }) => {
  const dir = process.env.SCREENSHOT_DIR;
  test.skip(!dir, 'only when SCREENSHOT_DIR is set');
  mkdirSync(dir!, { recursive: true });
  await openBalen(page, `?lagen=${OVERLAY_LAYERS.join(',')}`);
  await expect.poll(() => settledCount(page, 'services'), { timeout: 20_000 }).toBeGreaterThan(0);
  // The sidebar scrolled to the layer panel, so the legends are in the picture too.
  await page.getByTestId('layer-toggle-substandard_dwellings').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/layers-municipality.png` });

  await page.evaluate(() => {
    const map = (window as TestWindow).__buurtradarMap!;
    const { lng, lat } = map.getCenter();
    map.jumpTo({ center: [lng, lat], zoom: 15.5 });
  });
  await expect.poll(() => settledCount(page, 'street_lights'), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: `${dir}/layers-streets.png` });

  // A defective lamp's popup, in English.
  await page.getByTestId('language-en').click();
  await waitForMap(page);
  await page.evaluate(() => {
    const map = (window as TestWindow).__buurtradarMap!;
    map.jumpTo({ zoom: 15.5 });
  });
  await waitForIdle(page);
  const lamp = await page.evaluate((layer) => {
    const map = (window as TestWindow).__buurtradarMap!;
    const { clientWidth, clientHeight } = map.getContainer();
    const features = map.queryRenderedFeatures({ layers: [layer] }) as RenderedFeature[];
    const feature = features.find((f) => {
      if (f.properties.status !== 'defect') return false;
      const p = map.project(f.geometry.coordinates as [number, number]);
      return p.x > 120 && p.y > 160 && p.x < clientWidth - 120 && p.y < clientHeight - 40;
    });
    return feature ? map.project(feature.geometry.coordinates as [number, number]) : null;
  }, OVERLAY_LAYER_IDS.street_lights.points);
  if (lamp) {
    const box = await page.getByTestId('map').boundingBox();
    await page.mouse.click(box!.x + lamp.x, box!.y + lamp.y);
    await expect(page.getByTestId('overlay-popup')).toContainText('Defective');
  }
  await page.screenshot({ path: `${dir}/layers-popup-en.png` });
});

test('a regional analyst finds signals on the analysis pages, not as map tiles', async ({ page }) => {
  await page.goto(`${BALEN_URL}?lagen=signals,services`);
  await expect(page.getByTestId('layer-toggle-services')).toBeEnabled({ timeout: 45_000 });
  await expect(page.getByTestId('layer-toggle-signals')).toBeDisabled();
  await expect(page.getByTestId('layer-locked-signals')).toContainText('gepubliceerde cijfers');
  await page.getByTestId('layer-locked-signals').getByRole('link').click();
  await expect(page).toHaveURL(/\/analyse\/sw11/);
  const tile = await page.request.get('/api/tiles/signals/11/1053/682.pbf', { maxRedirects: 0 });
  expect(tile.status()).toBe(403);
  expect((await tile.json()).error).toContain('analysis pages');
});
