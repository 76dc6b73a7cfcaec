import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from './support/sign-in';
import { BALEN, clickMapAt, neighbourhoodsOf, signalTileFeatures, signedIn, tileOf } from './support/signals';

/**
 * Issue 4's "Done when", through the real UI on this project's database: a reporter reports a
 * signal in the browser, the coordinator of that municipality refers, follows up and closes it,
 * the reporter sees "Afgesloten", and an advisor of another municipality (Ravels) finds it
 * nowhere: not in her pages, her API answers, the signal tiles or the neighbourhood figures.
 */
test('a signal goes from report to closed, and stays invisible to another municipality', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const description = `Alleenwonende vrouw lijkt haar post niet meer te openen (e2e ${Date.now()}).`;

  // --- The reporter (a GP of Balen) reports, clicking the map.
  const reporter = await signedIn(browser, baseURL, DEMO_ACCOUNTS.reporter);
  const [centre] = await neighbourhoodsOf(reporter.request, BALEN);
  await reporter.page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Signaal melden' })
    .click();
  await expect(reporter.page).toHaveURL(/\/melden$/);
  await clickMapAt(reporter.page, 'report-map', centre!.anchor[0], centre!.anchor[1]);
  await expect(reporter.page.getByTestId('report-place-status')).toContainText(centre!.name);
  await reporter.page.getByLabel('Wat merkte je op?').selectOption('care_need_alone');
  await reporter.page.getByLabel('Meer precies (niet verplicht)').selectOption('care_need_daily_tasks');
  await reporter.page.getByLabel('Dringend', { exact: true }).check();
  await reporter.page.getByLabel('Korte beschrijving').fill(description);
  await reporter.page.getByLabel('Ik vraag opvolging').check();
  await expect(reporter.page.getByTestId('personal-data-warning')).toHaveCount(0);
  await reporter.page.getByTestId('report-submit').click();
  const done = reporter.page.getByTestId('report-done');
  await expect(done).toBeVisible();
  await expect(done.getByRole('heading')).toBeFocused();
  const href = await done.getByTestId('report-done-open').getAttribute('href');
  const id = Number(href?.match(/^\/meldingen\/([0-9]+)$/)?.[1]);
  expect(Number.isSafeInteger(id)).toBe(true);

  // --- The coordinator of Balen finds it among the new signals, refers, follows up and closes it.
  const coordinator = await signedIn(browser, baseURL, DEMO_ACCOUNTS.coordinatorBalen);
  await coordinator.page.goto('/meldingen');
  await coordinator.page.getByLabel('Status').selectOption('new');
  await coordinator.page.getByTestId('signal-list-filter-submit').click();
  await expect(coordinator.page).toHaveURL(/status=new/);
  await coordinator.page.locator(`[data-signal-id="${id}"] a`).click();
  await expect(coordinator.page).toHaveURL(new RegExp(`/meldingen/${id}$`));
  await expect(coordinator.page.getByTestId('signal-description')).toHaveText(description);
  await expect(coordinator.page.getByTestId('signal-status')).toContainText('Nieuw');

  const form = coordinator.page.getByTestId('status-form');
  await form.getByLabel('Toegeleid').check();
  await form.getByTestId('status-submit').click();
  await expect(form.getByTestId('status-error-referredOrganisation')).toBeVisible(); // where to is required
  const service = form.getByLabel('Toegeleid naar een dienst in de gemeente');
  const firstService = await service.locator('option').nth(1).getAttribute('value');
  expect(firstService).toBeTruthy();
  await service.selectOption(firstService!);
  await form.getByLabel('Korte notitie').fill('Samen met het sociaal huis bekeken welke hulp past.');
  await form.getByTestId('status-submit').click();
  await expect(coordinator.page.getByTestId('signal-status')).toContainText('Toegeleid');

  await form.getByLabel('Opgevolgd').check();
  await form.getByTestId('status-submit').click();
  await expect(coordinator.page.getByTestId('signal-status')).toContainText('Opgevolgd');

  await form.getByLabel('Afgesloten').check();
  await form.getByLabel('Resultaat').selectOption('care_started');
  await form.getByTestId('status-submit').click();
  await expect(coordinator.page.getByTestId('signal-status')).toContainText('Afgesloten');
  await expect(coordinator.page.getByTestId('status-form')).toHaveCount(0); // closed stays closed
  await expect(coordinator.page.getByTestId('history-entry')).toHaveCount(3);
  await expect(coordinator.page.getByTestId('signal-history')).toContainText('Samen met het sociaal huis');
  const details = (await (await coordinator.request.get(`/api/signals/${id}`)).json()) as {
    lon: number;
    lat: number;
    neighbourhoodCode: string;
  };
  expect(details.neighbourhoodCode).toBe(centre!.code);

  // --- The reporter sees the new status, and the steps, but not the coordinator's notes.
  await reporter.page.goto('/meldingen');
  await expect(reporter.page.locator(`[data-signal-id="${id}"]`).getByTestId('status-badge')).toHaveText('Afgesloten');
  await reporter.page.locator(`[data-signal-id="${id}"] a`).click();
  await expect(reporter.page.getByTestId('signal-status')).toContainText('Afgesloten');
  await expect(reporter.page.getByTestId('signal-description')).toHaveText(description);
  await expect(reporter.page.getByTestId('history-entry')).toHaveCount(3);
  await expect(reporter.page.getByTestId('signal-history')).not.toContainText('Samen met het sociaal huis');
  await expect(reporter.page.getByTestId('status-form')).toHaveCount(0);

  // --- The advisor of Ravels: nothing of it, anywhere she can look.
  const advisor = await signedIn(browser, baseURL, DEMO_ACCOUNTS.advisorRavels);
  const page404 = await advisor.page.goto(`/meldingen/${id}`);
  expect(page404?.status()).toBe(404);
  await expect(advisor.page.getByTestId('not-found')).toBeVisible();
  await expect(advisor.page.locator('body')).not.toContainText(description);
  expect((await advisor.request.get(`/api/signals/${id}`)).status()).toBe(404);
  const forged = await advisor.request.post(`/api/signals/${id}/status`, {
    data: { fromStatus: 'closed', toStatus: 'closed' },
  });
  expect([400, 403, 404]).toContain(forged.status());

  await advisor.page.goto('/meldingen');
  await expect(advisor.page.getByTestId('signal-row').first()).toBeVisible();
  await expect(advisor.page.locator(`[data-signal-id="${id}"]`)).toHaveCount(0);
  for (let page = 1; ; page++) {
    const list = (await (await advisor.request.get(`/api/signals?pageSize=100&page=${page}`)).json()) as {
      items: { id: number; municipalityNis: string }[];
      total: number;
    };
    expect(list.items.map((item) => item.id)).not.toContain(id);
    expect(list.items.every((item) => item.municipalityNis !== BALEN)).toBe(true);
    if (page * 100 >= list.total) break;
  }

  // Tiles: only cells of five or more, never a signal's id or point, at every zoom she could ask.
  for (const z of [8, 10, 12, 14, 16]) {
    const { x, y } = tileOf(details.lon, details.lat, z);
    const features = await signalTileFeatures(advisor.request, z, x, y);
    // Tiles count only her own municipality's signals: close to Balen (far from Ravels) nothing at all.
    if (z >= 12) expect(features).toEqual([]);
    for (const feature of features) {
      expect(feature.id).not.toBe(id);
      expect(Object.keys(feature.properties)).toEqual(['count']);
      expect(Number(feature.properties.count)).toBeGreaterThanOrEqual(5);
    }
  }
  const balenCodes = new Set((await neighbourhoodsOf(advisor.request, BALEN)).map((n) => n.code));
  const figures = (await (await advisor.request.get('/api/areas/neighbourhood-overlays?region=sw11')).json()) as {
    signalMunicipalities: string[];
    neighbourhoods: { code: string; signals?: unknown }[];
  };
  expect(figures.signalMunicipalities).not.toContain(BALEN);
  const balenFigures = figures.neighbourhoods.filter((n) => balenCodes.has(n.code));
  expect(balenFigures.length).toBe(balenCodes.size);
  expect(balenFigures.filter((n) => 'signals' in n)).toEqual([]);

  await Promise.all([reporter.close(), coordinator.close(), advisor.close()]);
});
