import { expect, test, type Page } from '@playwright/test';
import { OVERLAY_LAYER_IDS } from '@/lib/map/overlay-layers';
import { BALEN_URL, openMap, renderedFeatures, waitForIdle, waitForMap, type TestWindow } from './support/map-page';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * Time window, filters and per-neighbourhood layer figures in a real browser on the demo data
 * (signals from November 2024 to October 2026): the slider and play change what is counted,
 * and a copied link reopens the same view.
 */

interface Figures {
  neighbourhoods: { code: string; signals: number | null; signalRate: number | null; streetLights: number }[];
}
interface Area {
  code: string;
  municipalityNis: string;
}

async function balenCodes(page: Page): Promise<string[]> {
  const response = await page.request.get('/api/areas/neighbourhoods?municipality=13003');
  const body = (await response.json()) as { features: { properties: Area }[] };
  return body.features.map((f) => f.properties.code);
}

/** The signal figures the sidebar shows: "448 signalen in Balen" → 448. */
async function shownTotal(page: Page): Promise<number> {
  const text = await page.getByTestId('signals-total').innerText();
  return Number(/^([\d.]+)/.exec(text)![1]!.replace(/\./g, ''));
}

/** What the API says Balen has in a window: the sum of the counts it shows. */
async function apiTotal(page: Page, query: string, codes: string[]): Promise<number> {
  const body = (await (
    await page.request.get(`/api/areas/neighbourhood-overlays?region=sw11&${query}`)
  ).json()) as Figures;
  return body.neighbourhoods.filter((n) => codes.includes(n.code)).reduce((sum, n) => sum + (n.signals ?? 0), 0);
}

test('the time slider changes the signal counts on the map and in the sidebar', async ({ page }) => {
  // An explicit window: tests elsewhere report signals today, so the data's months grow.
  await openMap(page, BALEN_URL, '?lagen=signals&van=2025-11&tot=2026-10');
  const codes = await balenCodes(page);
  await expect(page.getByTestId('time-window')).toHaveText('nov 2025 – okt 2026');
  await expect(page.getByTestId('signals-total')).toBeVisible();
  const year = await shownTotal(page);
  expect(year).toBe(await apiTotal(page, 'from=2025-11-01&to=2026-10-31', codes));

  // From-slider eleven months on, to the window's last month: one month of signals.
  await page.getByTestId('time-from').focus();
  for (let i = 0; i < 11; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('time-window')).toHaveText('okt 2026');
  await expect.poll(() => shownTotal(page)).toBeLessThan(year);
  expect(await shownTotal(page)).toBe(await apiTotal(page, 'from=2026-10-01&to=2026-10-31', codes));
  await expect(page).toHaveURL(/[?&]van=2026-10&tot=2026-10(&|$)/);

  // The grid view draws fewer signals in one month than in twelve.
  await page.getByTestId('signal-view').getByText('Raster').click();
  const monthCells = await renderedFeatures(page, [OVERLAY_LAYER_IDS.signals.cells]);
  await page.getByTestId('time-from').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('time-window')).toHaveText('nov 2024 – okt 2026');
  const sum = (cells: { properties: Record<string, unknown> }[]) =>
    cells.reduce((total, c) => total + Number(c.properties.count), 0);
  await expect
    .poll(async () => sum(await renderedFeatures(page, [OVERLAY_LAYER_IDS.signals.cells])))
    .toBeGreaterThan(sum(monthCells));
});

// Signal figures need a signed-in role: the coordinator of Balen sees Balen's.
test.beforeEach(async ({ page }, info) => {
  if (!info.title.includes('without signing in')) await signIn(page, DEMO_ACCOUNTS.coordinatorBalen);
});

const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** "mrt 2025" → "2025-03". */
function monthOf(label: string): string {
  const [name, year] = label.split(' ');
  return `${year}-${String(MONTHS_NL.indexOf(name!) + 1).padStart(2, '0')}`;
}

test('play steps through the months one by one, and pause stops it', async ({ page }) => {
  await openMap(page, BALEN_URL, '?lagen=signals');
  const label = page.getByTestId('time-window');
  // The whole range: every month of the data.
  await page.getByTestId('time-from').focus();
  await page.keyboard.press('Home');
  await page.getByTestId('time-to').focus();
  await page.keyboard.press('End');
  await expect(label).toHaveText(/^nov 2024 – [a-z]{3} 2026$/);
  await page.getByTestId('time-play').click();
  await expect(page.getByTestId('time-play')).toHaveAttribute('aria-pressed', 'true');
  // The whole range plays as single months, from the first one onwards.
  await expect(label).toHaveText(/^[a-z]{3} 202[4-6]$/);
  const first = monthOf(await label.innerText());
  await expect.poll(async () => monthOf(await label.innerText()) > first, { timeout: 10_000 }).toBe(true);
  expect(first >= '2024-11').toBe(true);
  await page.getByTestId('time-play').click();
  await expect(page.getByTestId('time-play')).toHaveAttribute('aria-pressed', 'false');
  const stopped = await label.innerText();
  await page.waitForTimeout(3_000);
  await expect(label).toHaveText(stopped);
  await expect(page).toHaveURL(new RegExp(`[?&]van=${monthOf(stopped)}&tot=${monthOf(stopped)}(&|$)`));
  // The counts follow the month being shown.
  const codes = await balenCodes(page);
  const month = monthOf(stopped);
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate();
  await expect.poll(() => shownTotal(page)).toBe(await apiTotal(page, `from=${month}-01&to=${month}-${last}`, codes));
});

test('a copied URL reopens the same view: camera, window, filters, layers and drawing', async ({ page }) => {
  await openMap(page, BALEN_URL, '?lagen=signals,services&van=2025-11&tot=2026-10');
  await page.getByTestId('signal-filters').locator('summary').click();
  await page.getByTestId('filter-categories').getByLabel('Eenzaamheid').check();
  // Most demo signals are closed by now: enough of them to draw a heatmap once zoomed in.
  await page.getByTestId('filter-statuses').getByLabel('Afgesloten').check();
  await page.getByTestId('time-to').focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('time-window')).toHaveText('nov 2025 – jul 2026');
  await page.getByTestId('signal-view').getByText('Warmtekaart').click();
  await page.getByTestId('walk-rings').getByLabel('500 m').check();
  // The user zooms in twice with the + button: the view goes into the link.
  await page.getByRole('button', { name: 'Inzoomen' }).click();
  await waitForIdle(page);
  await page.getByRole('button', { name: 'Inzoomen' }).click();
  await waitForIdle(page);
  await expect(page).toHaveURL(/[?&]positie=[\d.]+,[\d.]+,[\d.]+(&|$)/);
  const [lon, lat, zoom] = new URL(page.url()).searchParams.get('positie')!.split(',').map(Number) as [
    number,
    number,
    number,
  ];
  await expect
    .poll(async () => (await renderedFeatures(page, [OVERLAY_LAYER_IDS.signals.heatmap])).length)
    .toBeGreaterThan(0);

  const url = page.url();
  expect(url).toContain('lagen=signals,services');
  expect(url).toContain('van=2025-11&tot=2026-07');
  expect(url).toContain('categorie=loneliness');
  expect(url).toContain('status=closed');
  expect(url).toContain('signalen=warmte');
  expect(url).toContain('ringen=500');

  await page.goto('about:blank');
  // MapLibre fetches tiles in its worker, outside the page's performance timeline: listen instead.
  const tileUrls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/tiles/signals/')) tileUrls.push(r.url());
  });
  await page.goto(url);
  await waitForMap(page);
  const camera = await page.evaluate(() => {
    const map = (window as TestWindow).__buurtradarMap!;
    return { ...map.getCenter(), zoom: map.getZoom() };
  });
  expect(camera.lng).toBeCloseTo(lon, 4);
  expect(camera.lat).toBeCloseTo(lat, 4);
  expect(camera.zoom).toBeCloseTo(zoom, 2);
  await expect(page.getByTestId('time-window')).toHaveText('nov 2025 – jul 2026');
  await expect(page.getByTestId('filter-categories').getByLabel('Eenzaamheid')).toBeChecked();
  await expect(page.getByTestId('filter-categories').getByLabel('Mobiliteit en vervoer')).not.toBeChecked();
  await expect(page.getByTestId('filter-statuses').getByLabel('Afgesloten')).toBeChecked();
  await expect(page.getByTestId('signal-view').getByLabel('Warmtekaart')).toBeChecked();
  await expect(page.getByTestId('walk-rings').getByLabel('500 m')).toBeChecked();
  await expect
    .poll(async () => (await renderedFeatures(page, [OVERLAY_LAYER_IDS.signals.heatmap])).length)
    .toBeGreaterThan(0);
  await expect
    .poll(async () => (await renderedFeatures(page, [OVERLAY_LAYER_IDS.services.rings])).length)
    .toBeGreaterThan(0);
  // The tiles asked for carry the filters.
  expect(tileUrls.some((u) => u.includes('from=2025-11-01&to=2026-07-31&categories=loneliness&status=closed'))).toBe(
    true,
  );
  expect(page.url()).toBe(url);
});

test('each neighbourhood is coloured by its signal rate, small counts withheld', async ({ page }) => {
  const figuresResponse = page.waitForResponse((r) => r.url().includes('/api/areas/neighbourhood-overlays'));
  await openMap(page, BALEN_URL, '?lagen=signals&van=2026-10&tot=2026-10');
  const figures = (await (await figuresResponse).json()) as Figures;
  const codes = await balenCodes(page);
  const balen = figures.neighbourhoods.filter((n) => codes.includes(n.code));
  expect(balen).toHaveLength(codes.length);
  // One month: outside the centre most neighbourhoods of Balen have 1–4 signals or none.
  expect(
    balen.some((n) => n.signals === null),
    'a withheld count',
  ).toBe(true);
  await waitForIdle(page);
  const states = await page.evaluate(
    (list) =>
      list.map(
        (code) =>
          (window as TestWindow).__buurtradarMap!.getFeatureState({ source: 'neighbourhoods', id: code }).signalRate,
      ),
    codes,
  );
  expect(states).toEqual(codes.map((code) => balen.find((n) => n.code === code)!.signalRate ?? -1));
  await expect(page.getByTestId('indicator-covered')).toBeVisible();

  // The panel of a neighbourhood gives the same figure, or "fewer than 5".
  const withheld = balen.find((n) => n.signals === null)!;
  await page.goto(`${BALEN_URL}?lagen=signals&van=2026-10&tot=2026-10&buurt=${withheld.code}`);
  await waitForMap(page);
  await expect(page.getByTestId('panel-signals')).toHaveText('minder dan 5');
});

test('an empty selection shows an empty legend, not an error', async ({ page }) => {
  const codes = await balenCodes(page);
  const partners = ['regional_platform', 'police', 'pharmacy', 'volunteer_network', 'housing_company'];
  let empty: string | undefined;
  for (const partner of partners) {
    if (
      (await apiTotal(
        page,
        `from=2026-10-01&to=2026-10-31&categories=mobility&status=closed&partner=${partner}`,
        codes,
      )) === 0
    ) {
      const body = (await (
        await page.request.get(
          `/api/areas/neighbourhood-overlays?region=sw11&from=2026-10-01&to=2026-10-31&categories=mobility&status=closed&partner=${partner}`,
        )
      ).json()) as Figures;
      if (body.neighbourhoods.filter((n) => codes.includes(n.code)).every((n) => n.signals === 0)) {
        empty = partner;
        break;
      }
    }
  }
  expect(empty, 'a filter combination without signals in Balen').toBeDefined();
  await openMap(
    page,
    BALEN_URL,
    `?lagen=signals&van=2026-10&tot=2026-10&categorie=mobility&status=closed&partner=${empty}`,
  );
  await expect(page.getByTestId('signals-empty')).toBeVisible();
  // (Next.js's route announcer is an empty alert outside <main>.)
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});

test('street lights are summed per neighbourhood when zoomed out, and rings surround services', async ({ page }) => {
  await openMap(page, BALEN_URL, '?lagen=street_lights');
  const body = (await (await page.request.get('/api/areas/neighbourhood-overlays?region=sw11')).json()) as Figures;
  const symbols = await renderedFeatures(page, [OVERLAY_LAYER_IDS.street_lights.areas]);
  expect(symbols.length).toBeGreaterThan(0);
  for (const symbol of symbols) {
    expect(symbol.properties.streetLights).toBe(
      body.neighbourhoods.find((n) => n.code === symbol.properties.code)!.streetLights,
    );
  }
  // Zoomed in, the tiles take over.
  await page.evaluate(() => (window as TestWindow).__buurtradarMap!.jumpTo({ center: [5.1702, 51.1689], zoom: 15.5 }));
  await expect
    .poll(async () => (await renderedFeatures(page, [OVERLAY_LAYER_IDS.street_lights.points])).length)
    .toBeGreaterThan(0);
  expect(await renderedFeatures(page, [OVERLAY_LAYER_IDS.street_lights.areas])).toHaveLength(0);

  await openMap(page, BALEN_URL, '?lagen=services');
  expect(await renderedFeatures(page, [OVERLAY_LAYER_IDS.services.rings])).toHaveLength(0);
  await page.getByTestId('walk-rings').getByLabel('1000 m').check();
  await expect
    .poll(async () => (await renderedFeatures(page, [OVERLAY_LAYER_IDS.services.rings])).length)
    .toBeGreaterThan(0);
  await expect(page).toHaveURL(/[?&]ringen=1000(&|$)/);
});

test('the figures and service APIs answer bad input with 400 and the reason', async ({ request }) => {
  const cases: [string, number, string][] = [
    ['/api/areas/neighbourhood-overlays', 400, 'region'],
    ['/api/areas/neighbourhood-overlays?region=kempen', 400, 'region'],
    ['/api/areas/neighbourhood-overlays?region=sw99', 404, 'sw99'],
    ['/api/areas/neighbourhood-overlays?region=sw11&from=2025-01-01', 400, 'to is required'],
    ['/api/areas/neighbourhood-overlays?region=sw11&from=2025-02-30&to=2025-03-01', 400, 'not a day'],
    ['/api/areas/neighbourhood-overlays?region=sw11&categories=bogus', 400, 'unknown "bogus"'],
    ['/api/areas/neighbourhood-overlays?region=sw11&colour=red', 400, 'colour is not a parameter'],
    ['/api/services?region=sw11&types=bogus', 400, 'unknown "bogus"'],
    ['/api/services?region=x', 400, 'region'],
  ];
  for (const [url, status, reason] of cases) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(status);
    expect((await response.json()).error, url).toContain(reason);
  }
});

test('without signing in, signals and substandard dwellings are locked and their figures absent; lights and social housing stay public', async ({
  page,
  request,
}) => {
  await page.goto(`${BALEN_URL}?lagen=signals,street_lights,substandard_dwellings`);
  await waitForMap(page);
  await expect(page.getByTestId('layer-toggle-street_lights')).toBeEnabled();
  await expect(page.getByTestId('layer-toggle-social_housing')).toBeEnabled();
  for (const layer of ['signals', 'substandard_dwellings']) {
    await expect(page.getByTestId(`layer-toggle-${layer}`)).toBeDisabled();
    await expect(page.getByTestId(`layer-locked-${layer}`)).toBeVisible();
  }
  await expect(page.getByTestId('layer-toggle-street_lights')).toBeChecked();
  // The link asked for signals: the map drops them rather than show an empty layer.
  await expect(page).not.toHaveURL(/lagen=[^&]*(signals|substandard)/);
  const body = (await (await request.get('/api/areas/neighbourhood-overlays?region=sw11')).json()) as Figures & {
    signalMunicipalities: string[];
  };
  expect(body.signalMunicipalities).toEqual([]);
  expect(
    body.neighbourhoods.every((n) => !('signals' in n) && !('signalRate' in n) && !('substandardDwellings' in n)),
  ).toBe(true);
  expect(body.neighbourhoods.some((n) => n.streetLights > 0)).toBe(true);
});

test('a coordinator sees the signal figures of their own municipality only', async ({ page }) => {
  const codes = await balenCodes(page);
  const body = (await (await page.request.get('/api/areas/neighbourhood-overlays?region=sw11')).json()) as Figures & {
    signalMunicipalities: string[];
  };
  expect(body.signalMunicipalities).toEqual(['13003']);
  for (const n of body.neighbourhoods) expect('signals' in n, n.code).toBe(codes.includes(n.code));
});
