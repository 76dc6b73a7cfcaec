import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * Who reaches the admin pages and the import API, checked on the server's answers: anonymous
 * visitors are sent to sign in (pages) or get 401 (API); every role but admin gets 403, also
 * when posting straight to the API; the admin gets 200.
 */
const PAGES = ['/beheer', '/beheer/import', '/beheer/accounts', '/beheer/audit'];

async function apiStatuses(request: APIRequestContext): Promise<number[]> {
  const upload = {
    layer: 'services',
    file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('naam;type;x;y\n') },
  };
  return Promise.all([
    request.get('/api/imports').then((r) => r.status()),
    request.post('/api/imports/dry-run', { multipart: upload }).then((r) => r.status()),
    request.post('/api/imports', { multipart: upload }).then((r) => r.status()),
    request.post('/api/imports/1/undo').then((r) => r.status()),
  ]);
}

test('anonymous visitors are sent to sign in, and the API answers 401', async ({ request }) => {
  for (const path of PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toBe(`/aanmelden?terug=${encodeURIComponent(path)}`);
  }
  expect(await apiStatuses(request)).toEqual([401, 401, 401, 401]);
});

for (const [role, account] of [
  ['reporter', DEMO_ACCOUNTS.reporter],
  ['coordinator', DEMO_ACCOUNTS.coordinatorBalen],
  ['advisor', DEMO_ACCOUNTS.advisorRavels],
  ['regional analyst', DEMO_ACCOUNTS.analystKempen],
] as const) {
  test(`a ${role} gets 403 for every admin page and import route, and no Beheer link`, async ({ page }) => {
    await signIn(page, account);
    for (const path of PAGES) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(403);
      expect(response.headers()['cache-control'], path).toContain('no-store');
    }
    await page.goto('/beheer/import');
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await expect(page.getByTestId('import-form')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Beheer' })).toHaveCount(0);
    expect(await apiStatuses(page.request)).toEqual([403, 403, 403, 403]);
  });
}

test('the admin reaches every admin page from the Beheer link', async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin);
  for (const path of PAGES.slice(1))
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
  await page.goto('/kaart/sw11');
  await page.getByRole('link', { name: 'Beheer' }).click();
  await expect(page).toHaveURL(/\/beheer\/import$/);
  await expect(page.getByTestId('import-form')).toBeVisible();
  // An undo of an import that does not exist, or a demo import, is a 404 like any unknown id.
  expect((await page.request.post('/api/imports/987654321/undo')).status()).toBe(404);
  expect((await page.request.post('/api/imports/abc/undo')).status()).toBe(400);
});

test('a write from another site is refused even with the admin cookie', async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin);
  const response = await page.request.post('/api/imports/dry-run', {
    headers: { origin: 'https://evil.example' },
    multipart: {
      layer: 'services',
      file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('naam;type;x;y\n') },
    },
  });
  expect(response.status()).toBe(403);
});
