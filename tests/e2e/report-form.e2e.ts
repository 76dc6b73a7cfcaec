import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';
import { BALEN, neighbourhoodsOf, reportBody } from './support/signals';

/**
 * The report form in a real browser: personal data is refused (in the browser and again by the
 * server), the whole form works with the keyboard alone, and a double click or a retry stores
 * one signal. Each test signs in as the demo reporter of Balen.
 */

async function ownSignalCount(page: Page): Promise<number> {
  const response = await page.request.get('/api/signals?pageSize=1');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.reporter);
});

test('personal data in the description is flagged while typing and refused until it is removed', async ({ page }) => {
  const before = await ownSignalCount(page);
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/signals') posts.push(request.url());
  });
  await page.goto('/melden');
  const [first] = await neighbourhoodsOf(page.request, BALEN);
  await page.getByLabel('Of kies een buurt').selectOption(first!.code);
  await page.getByLabel('Wat merkte je op?').selectOption('financial_hardship');
  const description = page.getByLabel('Korte beschrijving');
  await description.fill(
    'Mevrouw Janssens in de Kerkstraat 12 belt vaak, 0471 12 34 56: ze kan haar energiefactuur niet betalen.',
  );
  const warning = page.getByTestId('personal-data-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Mevrouw Janssens');
  await expect(warning).toContainText('Kerkstraat 12');
  await expect(warning).toContainText('0471 12 34 56');

  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('error-description')).toContainText('persoonsgegevens');
  await expect(description).toBeFocused();
  expect(posts).toEqual([]); // refused in the browser: nothing was sent

  // The server refuses it as well (a client that skips the browser's check gets a 400 per field).
  const direct = await page.request.post('/api/signals', {
    data: reportBody(first!.anchor[0], first!.anchor[1], {
      description: 'Mevrouw Janssens, tel. 0471 12 34 56, kan haar factuur niet betalen.',
    }),
  });
  expect(direct.status()).toBe(400);
  expect(direct.headers()['cache-control']).toBe('private, no-store');
  const refused = (await direct.json()) as {
    errors: Record<string, { code: string }>;
    personalData: { kind: string }[];
  };
  expect(refused.errors.description?.code).toBe('personal_data');
  expect(refused.personalData.map((finding) => finding.kind).sort()).toEqual(['name_with_title', 'phone']);
  expect(await ownSignalCount(page)).toBe(before);

  await description.fill('Alleenwonende vrouw kan haar energiefactuur niet meer betalen en zit in de kou.');
  await expect(warning).toHaveCount(0);
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('report-done')).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(await ownSignalCount(page)).toBe(before + 1);
});

test('the form can be filled in and sent with the keyboard alone', async ({ page }) => {
  const before = await ownSignalCount(page);
  await page.goto('/melden');
  await expect(page.getByTestId('report-map')).toHaveAttribute('data-map-ready', 'true', { timeout: 45_000 });
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  /** Tabs forward until the element with this id has focus (it must be reachable within 40 steps). */
  const tabTo = async (id: string) => {
    for (let step = 0; step < 40; step++) {
      if ((await focusedId()) === id) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`#${id} cannot be reached with Tab`);
  };

  await tabTo('report-place-list');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('report-place-status')).toContainText('Gekozen plaats');
  await tabTo('report-category');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#report-category')).not.toHaveValue('');
  await tabTo('report-urgency-normal');
  await page.keyboard.press('ArrowRight'); // radio group: the next option is "Dringend"
  await expect(page.locator('#report-urgency-high')).toBeChecked();
  await tabTo('report-description');
  await page.keyboard.type('Man van rond de tachtig komt niet meer naar de apotheek en lijkt vergeetachtig.');
  await tabTo('report-follow-up');
  await page.keyboard.press('Space');
  await expect(page.locator('#report-follow-up')).toBeChecked();
  await tabTo('report-observed'); // the date field (today by default) lies on the way: its parts take Tabs of their own
  await tabTo('report-submit');
  await page.keyboard.press('Enter');

  const done = page.getByTestId('report-done');
  await expect(done).toBeVisible();
  await expect(done.getByRole('heading')).toBeFocused();
  expect(await ownSignalCount(page)).toBe(before + 1);
  // Onward with the keyboard too: the first link opens the signal just reported.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/meldingen\/[0-9]+$/);
  await expect(page.getByTestId('signal-status')).toContainText('Nieuw');
});

test('a double click, and a retry of the same form, store one signal', async ({ page }) => {
  const before = await ownSignalCount(page);
  await page.goto('/melden');
  const [, second] = await neighbourhoodsOf(page.request, BALEN);
  await page.getByLabel('Of kies een buurt').selectOption(second!.code);
  await page.getByLabel('Wat merkte je op?').selectOption('mobility');
  await page
    .getByLabel('Korte beschrijving')
    .fill('Oudere vrouw raakt niet meer bij de bushalte sinds de halte verhuisde.');
  await page.getByTestId('report-submit').dblclick();
  await expect(page.getByTestId('report-done')).toBeVisible();
  expect(await ownSignalCount(page)).toBe(before + 1);

  // The same report sent twice at once (a network retry racing the original): one row, the same id.
  const body = reportBody(second!.anchor[0], second!.anchor[1]);
  const [a, b] = await Promise.all([
    page.request.post('/api/signals', { data: body }),
    page.request.post('/api/signals', { data: body }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([200, 201]);
  const [first, again] = (await Promise.all([a.json(), b.json()])) as { signal: { id: number } }[];
  expect(first!.signal.id).toBe(again!.signal.id);
  // The key with another report is refused, and stores nothing.
  const other = await page.request.post('/api/signals', { data: { ...body, urgency: 'high' } });
  expect(other.status()).toBe(409);
  expect(await ownSignalCount(page)).toBe(before + 2);
});

test.describe('with the device location shared', () => {
  // A place in Balen; the browser answers navigator.geolocation with it.
  test.use({ geolocation: { longitude: 5.1681, latitude: 51.1632 }, permissions: ['geolocation'] });

  test('"use my location" picks the neighbourhood the device is in', async ({ page }) => {
    await page.goto('/melden');
    await expect(page.getByTestId('report-map')).toHaveAttribute('data-map-ready', 'true', { timeout: 45_000 });
    await page.getByTestId('report-use-location').click();
    await expect(page.getByTestId('report-place-status')).toContainText(/Gekozen plaats: in .+, Balen\./);
    await expect(page.getByLabel('Of kies een buurt')).not.toHaveValue('');
  });
});
