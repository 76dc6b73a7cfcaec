import { expect, test } from '@playwright/test';
import { OVERLAY_LAYERS, OVERLAY_LAYER_IDS } from '@/lib/map/overlay-layers';
import { BALEN_URL, openMap, renderedFeatures, waitForMap, type TestWindow } from './support/map-page';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * Issue "map layers", done when: on the demo data an advisor switches on all layers over
 * Balen, plays two years of signals month by month, and shares the view by link.
 */

const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** Every month from one label to another, as the time filter names them ("nov 2024" … "okt 2026"). */
function monthsBetween(first: string, last: string): string[] {
  const index = (label: string) => {
    const [name, year] = label.split(' ');
    return Number(year) * 12 + MONTHS_NL.indexOf(name!);
  };
  return Array.from({ length: index(last) - index(first) + 1 }, (_, i) => {
    const at = index(first) + i;
    return `${MONTHS_NL[at % 12]} ${Math.floor(at / 12)}`;
  });
}

test('an advisor of Balen switches on every layer, plays two years month by month and shares the view', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await signIn(page, DEMO_ACCOUNTS.advisorBalen);
  await openMap(page, BALEN_URL);
  for (const layer of OVERLAY_LAYERS) await page.getByTestId(`layer-toggle-${layer}`).check();
  for (const layer of OVERLAY_LAYERS) await expect(page.getByTestId(`layer-toggle-${layer}`)).toBeChecked();
  await expect(page).toHaveURL(/[?&]lagen=signals,services,street_lights,social_housing,substandard_dwellings(&|$)/);
  await expect(page.getByTestId('signals-total')).toBeVisible();
  for (const layer of ['services', 'street_lights', 'social_housing'] as const) {
    const ids = Object.values(OVERLAY_LAYER_IDS[layer]);
    await expect.poll(async () => (await renderedFeatures(page, ids)).length, { message: layer }).toBeGreaterThan(0);
  }

  // The whole two years, then play: every month once, in order, and it stops at the last.
  await page.getByTestId('time-from').focus();
  await page.keyboard.press('Home');
  await page.getByTestId('time-to').focus();
  await page.keyboard.press('End');
  // The demo's two years, November 2024 to October 2026, and any signal reported since.
  await expect(page.getByTestId('time-window')).toHaveText(/^nov 2024 – [a-z]{3} 2026$/);
  const [firstMonth, lastMonth] = (await page.getByTestId('time-window').innerText()).split(' – ') as [string, string];
  expect(monthsBetween(firstMonth, lastMonth).length).toBeGreaterThanOrEqual(24);
  await page.evaluate(() => {
    const label = document.querySelector('[data-testid="time-window"]')!;
    const seen: string[] = [];
    (window as unknown as { __seenMonths: string[] }).__seenMonths = seen;
    new MutationObserver(() => {
      const text = label.textContent ?? '';
      if (seen[seen.length - 1] !== text) seen.push(text);
    }).observe(label, { childList: true, characterData: true, subtree: true });
  });
  await page.getByTestId('time-play').click();
  await expect(page.getByTestId('time-play')).toHaveAttribute('aria-pressed', 'false', { timeout: 60_000 });
  await expect(page.getByTestId('time-window')).toHaveText(lastMonth);
  const seen = await page.evaluate(() => (window as unknown as { __seenMonths: string[] }).__seenMonths);
  expect(seen).toEqual(monthsBetween(firstMonth, lastMonth));
  // The sidebar counts the month shown.
  await expect(page.getByTestId('signals-total')).toContainText('signalen in Balen');

  // The link reopens the same view for a colleague with the same rights.
  await page.getByRole('button', { name: 'Inzoomen' }).click();
  await expect(page).toHaveURL(/[?&]positie=/);
  const url = page.url();
  const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 1440, height: 900 } });
  const colleague = await context.newPage();
  await signIn(colleague, DEMO_ACCOUNTS.advisorBalen);
  await colleague.goto(url);
  await waitForMap(colleague);
  for (const layer of OVERLAY_LAYERS) await expect(colleague.getByTestId(`layer-toggle-${layer}`)).toBeChecked();
  await expect(colleague.getByTestId('time-window')).toHaveText(lastMonth);
  const zoom = (p: typeof page) => p.evaluate(() => (window as TestWindow).__buurtradarMap!.getZoom());
  expect(await zoom(colleague)).toBeCloseTo(await zoom(page), 2);
  expect(colleague.url()).toBe(url);
  await context.close();
});
