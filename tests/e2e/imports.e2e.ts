import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { commit, dryRun, fixturePath, listRuns, tileVersions, undoAll } from './support/import-page';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * The admin imports a sample file of every layer through /beheer/import: dry run, commit with
 * progress, the run in the history, the records on the map's API; a bad file shows its
 * problems by row and changes nothing; undo removes what an import brought. Every test undoes
 * its imports, so the other tests see the seeded demo data.
 */
test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin);
  await page.goto('/beheer/import');
  await expect(page.getByTestId('import-form')).toBeVisible();
});

test.afterEach(async ({ page }) => {
  await undoAll(page.request);
});

test('imports services from a Lambert 72 CSV, shows them on the map API, and undoes them', async ({ page }) => {
  const before = await tileVersions(page.request);
  await dryRun(page, 'services', 'services.csv');
  const report = page.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('fact-rows-valid')).toHaveText('8');
  await expect(page.getByTestId('fact-crs')).toContainText('Lambert 72');
  await expect(page.getByTestId('import-commit')).toContainText('8');

  const run = await commit(page, page.request, 'services.csv');
  expect(run).toMatchObject({ layer: 'services', rowCount: 8 });
  await expect(page.getByTestId(`import-run-${run.id}`)).toContainText('services.csv');
  const after = await tileVersions(page.request);
  expect(after.services).not.toBe(before.services);
  expect(after.street_lights).toBe(before.street_lights);

  // The newest services of region Kempen are the imported ones, with their names and municipalities.
  const list = (await (await page.request.get('/api/services?region=sw11')).json()) as { services: { id: number }[] };
  const newest = list.services
    .map((s) => s.id)
    .sort((a, b) => b - a)
    .slice(0, 8)
    .sort((a, b) => a - b);
  const first = await (await page.request.get(`/api/services/${newest[0]}`)).json();
  expect(first).toMatchObject({
    name: 'Lokaal dienstencentrum De Kempen',
    serviceType: 'local_service_centre',
    municipalityNis: '13003',
    isDemo: false,
  });
  const last = await (await page.request.get(`/api/services/${newest[7]}`)).json();
  expect(last).toMatchObject({ name: 'Mobiel infopunt Poppel', municipalityNis: '13035' });

  await page.getByTestId(`undo-${run.id}`).click();
  await page.getByTestId(`undo-confirm-${run.id}`).click();
  await expect(page.getByTestId('undo-message')).toContainText(`${run.id}`);
  await expect(page.getByTestId(`import-run-${run.id}`)).toHaveAttribute('data-undone', 'true');
  expect((await page.request.get(`/api/services/${newest[0]}`)).status()).toBe(404);
  expect((await tileVersions(page.request)).services).not.toBe(after.services);
});

test('imports street lights from GeoJSON and social housing from a comma CSV', async ({ page }) => {
  const before = await tileVersions(page.request);
  await dryRun(page, 'street_lights', 'street-lights.geojson');
  await expect(page.getByTestId('fact-rows-valid')).toHaveText('12');
  const lights = await commit(page, page.request, 'street-lights.geojson');
  expect(lights.rowCount).toBe(12);

  await dryRun(page, 'social_housing', 'social-housing.csv');
  await expect(page.getByTestId('fact-crs')).toContainText('WGS84');
  const housing = await commit(page, page.request, 'social-housing.csv');
  expect(housing.rowCount).toBe(4);
  const after = await tileVersions(page.request);
  expect(after.street_lights).not.toBe(before.street_lights);
  expect(after.social_housing).not.toBe(before.social_housing);
  await expect(page.getByTestId(`import-run-${housing.id}`)).toContainText('social-housing.csv');
});

test('rolls a Statbel sector file up to neighbourhoods', async ({ page }) => {
  const areasBefore = await page.request.get('/api/areas/neighbourhoods?municipality=13003');
  await dryRun(page, 'indicators', 'indicators-sectors.csv');
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('fact-rolled-up')).toHaveText('44');
  // The not-localised sector is a warning, not a problem.
  await expect(page.getByTestId('import-warnings')).toContainText('13003ZZZZ');
  await page.locator('#import-source').fill('Statbel');
  // Changing the form asks for a new dry run, so what is imported is what was checked.
  await expect(page.getByTestId('import-report')).toHaveCount(0);
  await page.getByTestId('import-dry-run').click();
  const run = await commit(page, page.request, 'indicators-sectors.csv');
  expect(run.rowCount).toBe(44);
  await expect(page.getByTestId(`import-run-${run.id}`).getByTestId('run-rows')).toContainText('44');
  const areasAfter = await page.request.get('/api/areas/neighbourhoods?municipality=13003');
  expect(areasAfter.headers().etag).not.toBe(areasBefore.headers().etag);
});

test('a bad file shows its problems by row and changes nothing', async ({ page }) => {
  const versions = await tileVersions(page.request);
  const runs = await listRuns(page.request);
  await dryRun(page, 'services', 'bad-nan.csv');
  await expect(page.getByTestId('import-report')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('fact-problems')).toHaveText('6');
  await expect(page.getByTestId('import-errors').getByTestId('problem-row')).toHaveCount(6);
  // The detail is in Dutch, like the rest of the page; nothing in it is marked as English.
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('columnheader').last()).toHaveText('Probleem');
  const firstRow = errors.getByTestId('problem-row').first();
  await expect(firstRow).toContainText(
    '"NaN" is geen getal (schrijf 4,35 of 4.35, zonder scheidingstekens voor duizendtallen).',
  );
  await expect(errors.getByTestId('problem-row').nth(1)).toContainText('is leeg; een coördinaat is verplicht.');
  await expect(errors.locator('[lang="en"]')).toHaveCount(0);
  await expect(page.getByTestId('import-commit')).toHaveCount(0);

  // A library's own message stays English inside the Dutch sentence, and only it is marked so.
  await dryRun(page, 'street_lights', 'bad-malformed.geojson');
  const json = page.getByTestId('import-errors').getByTestId('problem-row');
  await expect(json).toContainText(/Het bestand is geen geldige JSON \(lijn 1, kolom \d+\): /);
  await expect(json.locator('[lang="en"]')).toHaveText(/JSON/);

  // A points file in Brussels: inside the Flanders box, in no Flemish neighbourhood.
  await page.getByTestId('import-layer').selectOption('street_lights');
  await page.getByTestId('import-file').setInputFiles({
    name: 'brussel.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [4.3525, 50.8467] },
            properties: { status: 'working', lamp_type: 'LED' },
          },
        ],
      }),
    ),
  });
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('problem-count-outside_neighbourhoods')).toBeVisible();
  await expect(page.getByTestId('import-errors').getByTestId('problem-row')).toContainText(
    'lengtegraad 4,3525 en breedtegraad 50,8467 (WGS84) liggen in geen enkele Vlaamse buurt',
  );

  // The commit endpoint refuses the bad file by itself too.
  const refused = await page.request.post('/api/imports', {
    multipart: {
      layer: 'services',
      file: { name: 'bad-nan.csv', mimeType: 'text/csv', buffer: Buffer.from('naam;type;x;y\nA;pharmacy;NaN;1\n') },
    },
  });
  expect(refused.status()).toBe(400);
  // API clients keep the English sentence, and get the detail to translate it themselves.
  expect((await refused.json()).report.errors[0]).toMatchObject({
    row: 2,
    code: 'not_a_number',
    problem: '"NaN" is not a number (write 4,35 or 4.35, without thousands separators).',
    detail: { key: 'not_a_number', params: { value: '"NaN"' } },
  });
  expect(await tileVersions(page.request)).toEqual(versions);
  expect(await listRuns(page.request)).toEqual(runs);
});

test('the same file twice is a 409 until the first import is undone', async ({ page }) => {
  await dryRun(page, 'social_housing', 'social-housing.csv');
  const run = await commit(page, page.request, 'social-housing.csv');
  const again = await page.request.post('/api/imports', {
    multipart: {
      layer: 'social_housing',
      file: { name: 'copy.csv', mimeType: 'text/csv', buffer: readFileSync(fixturePath('social-housing.csv')) },
    },
  });
  expect(again.status()).toBe(409);
  expect(await again.json()).toMatchObject({ runId: run.id });
});

test('the commit streams its progress as NDJSON lines', async ({ page }) => {
  const response = await page.request.post('/api/imports', {
    multipart: {
      layer: 'street_lights',
      file: {
        name: 'lights.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'id;status;lamp;lon;lat\nX-1;werkend;LED;4,989464;51,362866\nX-2;defect;natrium;5,009497;51,388772\n',
        ),
      },
    },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/x-ndjson');
  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines[0]).toMatchObject({ type: 'progress', phase: 'checking', done: 0, total: 2 });
  expect(lines).toContainEqual({ type: 'progress', phase: 'writing', done: 2, total: 2 });
  expect(lines.at(-1)).toMatchObject({
    type: 'result',
    ok: true,
    run: { layer: 'street_lights', rowCount: 2, fileName: 'lights.csv' },
  });
});
