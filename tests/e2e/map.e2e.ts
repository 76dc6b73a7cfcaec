import { expect, test, type Page } from '@playwright/test';

/**
 * The map page in a real browser: MapLibre renders with software WebGL, on the offline style
 * (no tiles, fonts or sprites from the internet). The server runs on the demo dataset.
 * The page exposes the map as window.__buurtradarMap and sets data-map-ready="true" on the
 * map container once the neighbourhoods are drawn.
 */

const FILL_LAYER = 'neighbourhoods-fill';
const BALEN = '13003';

interface RenderedFeature {
  properties: Record<string, unknown>;
}
interface TestMap {
  loaded(): boolean;
  isMoving(): boolean;
  getZoom(): number;
  getContainer(): HTMLElement;
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(pointOrOptions?: unknown, options?: unknown): RenderedFeature[];
}
type TestWindow = Window & { __buurtradarMap?: TestMap };

interface NeighbourhoodsResponse {
  features: { properties: { code: string; name: string; municipalityNis: string; anchor: [number, number] } }[];
}

async function waitForMap(page: Page) {
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true', { timeout: 45_000 });
  await page.waitForFunction(() => {
    const map = (window as TestWindow).__buurtradarMap;
    return map !== undefined && map.loaded() && !map.isMoving();
  });
}

/** Distinct neighbourhood codes drawn on screen, optionally of one municipality only. */
async function renderedCodes(page: Page, municipalityNis?: string): Promise<string[]> {
  return page.evaluate(
    ({ layer, nis }) => {
      const map = (window as TestWindow).__buurtradarMap;
      if (!map) return [];
      const codes = map
        .queryRenderedFeatures({ layers: [layer] })
        .filter((feature) => nis === undefined || feature.properties.municipalityNis === nis)
        .map((feature) => String(feature.properties.code));
      return [...new Set(codes)].sort();
    },
    { layer: FILL_LAYER, nis: municipalityNis },
  );
}

async function balenNeighbourhoods(page: Page): Promise<NeighbourhoodsResponse['features']> {
  const response = await page.request.get(`/api/areas/neighbourhoods?municipality=${BALEN}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as NeighbourhoodsResponse).features;
}

async function chooseBalen(page: Page) {
  await page.getByTestId('municipality-select').selectOption(BALEN);
  await expect(page).toHaveURL(/\/kaart\/sw11\/13003(\?|$)/);
  await waitForMap(page);
}

test('the start page opens the map of region Kempen with its neighbourhoods drawn', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/kaart\/sw11$/);
  await expect(page.getByTestId('area-title')).toHaveText('Kempen');
  await waitForMap(page);

  const codes = await renderedCodes(page);
  expect(codes.length).toBeGreaterThan(100);
  expect(codes.every((code) => /^[0-9]{5}[0-9A-Za-z_]{0,6}$/.test(code))).toBe(true);
  await expect(page.getByTestId('boundaries-credit')).toHaveText('Grenzen: Statbel / Provincies in Cijfers');
});

test('choosing Balen zooms to it and shows all of its neighbourhoods', async ({ page }) => {
  await page.goto('/kaart/sw11');
  await waitForMap(page);
  const regionZoom = await page.evaluate(() => (window as TestWindow).__buurtradarMap?.getZoom() ?? 0);
  const expected = (await balenNeighbourhoods(page)).map((feature) => feature.properties.code).sort();
  expect(expected).toHaveLength(9); // the boundary data gives Balen nine neighbourhoods

  await chooseBalen(page);
  await expect(page.getByTestId('area-title')).toHaveText('Balen');
  expect(await page.evaluate(() => (window as TestWindow).__buurtradarMap?.getZoom() ?? 0)).toBeGreaterThan(
    regionZoom + 1,
  );
  await expect.poll(() => renderedCodes(page, BALEN)).toEqual(expected);

  const options = await page.getByTestId('neighbourhood-select').locator('option:not([value=""])').count();
  expect(options).toBe(expected.length);
});

test('clicking a neighbourhood opens its panel with name, municipality and indicators', async ({ page }) => {
  await page.goto('/kaart/sw11/13003');
  await waitForMap(page);
  const [target] = (await balenNeighbourhoods(page)).filter((feature) => feature.properties.name === 'Balen - Centrum');
  expect(target).toBeDefined();
  const { code, name, anchor } = target!.properties;

  // A point inside the neighbourhood on screen, checked against what the map draws there.
  const point = await page.evaluate(
    ({ lngLat, layer }) => {
      const map = (window as TestWindow).__buurtradarMap!;
      const projected = map.project(lngLat);
      const [hit] = map.queryRenderedFeatures([projected.x, projected.y], { layers: [layer] });
      return { ...projected, code: hit ? String(hit.properties.code) : null };
    },
    { lngLat: anchor, layer: FILL_LAYER },
  );
  expect(point.code).toBe(code);

  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.click(box!.x + point.x, box!.y + point.y);

  const panel = page.getByTestId('neighbourhood-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('panel-name')).toHaveText(name);
  await expect(panel.getByTestId('panel-municipality')).toHaveText('Balen');
  for (const label of [
    'Bevolking',
    'Aandeel 65+',
    'Aandeel 80+ alleenwonend',
    'Aandeel verhoogde tegemoetkoming',
    'Mediaan inkomen',
  ]) {
    await expect(panel.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(panel.getByTestId('panel-estimates')).toContainText('≈ schatting');
  await expect(page).toHaveURL(new RegExp(`[?&]buurt=${code}(&|$)`));

  // The URL reproduces the view: reloading opens the same neighbourhood.
  await page.reload();
  await waitForMap(page);
  await expect(page.getByTestId('neighbourhood-panel').getByTestId('panel-name')).toHaveText(name);
});

test('the language switch shows the page in English and back in Dutch', async ({ page }) => {
  await page.goto('/kaart/sw11/13003?buurt=1300301');
  await waitForMap(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');
  await expect(page.getByText('Gemeente', { exact: true }).first()).toBeVisible();

  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo data');
  await expect(page.getByLabel('Municipality')).toHaveValue(BALEN);
  await expect(page.getByTestId('legend')).toContainText('Share aged 65+');
  const panel = page.getByTestId('neighbourhood-panel');
  await expect(panel.getByText('Median income', { exact: true })).toBeVisible();
  await expect(panel.getByTestId('panel-estimates')).toContainText('≈ estimate');
  await expect(page.getByTestId('boundaries-credit')).toHaveText('Boundaries: Statbel / Provincies in Cijfers');

  await page.getByTestId('language-nl').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');
  await expect(page.getByTestId('legend')).toContainText('Aandeel 65+');
});

test('unknown region or municipality codes give a 404 page that explains the code', async ({ page }) => {
  for (const path of ['/kaart/sw99', '/kaart/sw11/99999', '/kaart/kempen']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId('not-found')).toContainText('Dit gebied kennen we niet');
    await expect(page.getByTestId('not-found')).toContainText('sw11');
    await expect(page.getByRole('link', { name: 'Naar de kaart van de Kempen' })).toHaveAttribute(
      'href',
      '/kaart/sw11',
    );
  }
});

test('the demo badge is shown while demo data is present', async ({ page }) => {
  await page.goto('/kaart/sw11');
  const badge = page.getByTestId('demo-badge');
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText('Demodata');
});

test('the legend shows the class breaks of the chosen indicator with its unit', async ({ page }) => {
  await page.goto('/kaart/sw11');
  await waitForMap(page);
  const legend = page.getByTestId('legend');
  await expect(legend.getByTestId('legend-unit')).toHaveText('%');
  const classes = legend.getByTestId('legend-class');
  await expect(classes).toHaveCount(5);
  // Dutch number format with a decimal comma; demo values are estimates, marked ≈.
  await expect(classes.first()).toHaveText(/≈ \d+,\d – \d+,\d/);
  await expect(legend).toContainText('Geen gegevens');

  await page.getByTestId('indicator-select').selectOption('median_income');
  await expect(legend.getByTestId('legend-unit')).toHaveText('€');
  await expect(page).toHaveURL(/indicator=median_income/);
});

test('the area API answers bad input with 400 and unknown codes with 404', async ({ request }) => {
  const bad = await request.get('/api/areas/neighbourhoods?region=kempen');
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toContain('region');

  const none = await request.get('/api/areas/neighbourhoods');
  expect(none.status()).toBe(400);

  const unknown = await request.get('/api/areas/neighbourhoods?municipality=99999');
  expect(unknown.status()).toBe(404);
});
