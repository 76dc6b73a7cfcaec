import { expect, test, type Page } from '@playwright/test';
import { dryRun } from './support/import-page';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * The admin's account and audit pages in the browser, and item 6 of the issue on the admin
 * pages: a Content-Security-Policy on every page and not one violation while using them, no
 * personal data in any URL the browser asked for, nothing in browser storage, no-store.
 */
test.describe.configure({ mode: 'serial' });

interface Watch {
  violations: string[];
  urls: string[];
}

/** Records CSP violations (console and securitypolicyviolation events) and every URL requested. */
async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { violations: [], urls: [] };
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation|Refused to (load|execute|apply|connect|create)/i.test(message.text()))
      seen.violations.push(message.text());
  });
  page.on('request', (request) => seen.urls.push(request.url()));
  return seen;
}

test('creates an account with field errors first, signs it out everywhere and disables it', async ({ page }) => {
  const seen = await watch(page);
  await signIn(page, DEMO_ACCOUNTS.admin);
  await page.goto('/beheer/accounts');
  await expect(page.getByTestId('account-table')).toContainText('coordinator.balen@buurtradar.test');

  // Everything wrong at once: each field says what.
  await page.locator('#account-email').fill(DEMO_ACCOUNTS.admin.email);
  await page.locator('#account-password').fill('kort');
  await page.getByTestId('account-submit').click();
  await expect(page.getByTestId('account-error-email')).toContainText('Er bestaat al een account met dit e-mailadres');
  await expect(page.getByTestId('account-error-password')).toBeVisible();
  await expect(page.getByTestId('account-error-name')).toBeVisible();
  await expect(page.getByTestId('account-error-municipalities')).toBeVisible();

  const email = `adviseur.e2e.${Date.now()}@buurtradar.test`;
  await page.locator('#account-name').fill('E2E Adviseur');
  await page.locator('#account-email').fill(email);
  await page.locator('#account-password').fill('een-lang-genoeg-wachtwoord');
  await page.locator('#account-role').selectOption('advisor');
  await page.locator('#account-municipalities').selectOption(['13003']);
  await page.getByTestId('account-submit').click();
  await expect(page.getByTestId('account-created')).toBeVisible();
  const row = page.locator(`[data-email="${email}"]`);
  await expect(row).toContainText('Balen');

  // The new account signs in in another browser; "sign out everywhere" ends that session.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, { email, password: 'een-lang-genoeg-wachtwoord' });
  expect((await otherPage.request.get('/api/imports')).status()).toBe(403);
  await page.reload();
  await row.getByRole('button', { name: 'Overal afmelden' }).click();
  await expect(row.getByRole('status')).toContainText('1');
  expect((await otherPage.request.get('/api/imports')).status()).toBe(401);

  await row.getByRole('button', { name: 'Uitschakelen' }).click();
  await expect(row.getByTestId('account-status')).toHaveText('Uitgeschakeld');
  await other.close();

  // The audit log has the three changes, and the filter keeps only one kind.
  await page.goto('/beheer/audit');
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await page.getByTestId('audit-event').selectOption('account.created');
  await page.getByTestId('audit-apply').click();
  await expect(page).toHaveURL(/gebeurtenis=account.created/);
  // The filtered page streams in after the URL has changed (a loading state first): wait for its rows.
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toHaveAttribute('data-event', 'account.created');
  await expect
    .poll(() => rows.evaluateAll((list) => [...new Set(list.map((r) => r.getAttribute('data-event')))]))
    .toEqual(['account.created']);
  await expect(page.getByTestId('audit-table')).not.toContainText(email);
  await page.goto('/beheer/audit?gebeurtenis=nonsense');
  await expect(page.getByTestId('audit-query-error')).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();

  expect(seen.violations).toEqual([]);
  expect(seen.urls.filter((url) => /%40|@|wachtwoord|password=/i.test(url))).toEqual([]);
});

test('the admin pages send a CSP and no-store, keep nothing in browser storage and break no CSP rule', async ({
  page,
}) => {
  const seen = await watch(page);
  await signIn(page, DEMO_ACCOUNTS.admin);
  for (const path of ['/beheer/import', '/beheer/accounts', '/beheer/audit']) {
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers['content-security-policy'], path).toMatch(/default-src 'self'/);
    expect(headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
    expect(headers['cache-control'], path).toContain('no-store');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
  }
  await page.goto('/beheer/import');
  await dryRun(page, 'services', 'bad-unknown-category.csv');
  await expect(page.getByTestId('import-errors').getByTestId('problem-row')).toHaveCount(2);
  const storage = await page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
  }));
  expect(storage.local).toBe(0);
  expect(storage.session).toBe(0);
  // The session cookie is HttpOnly: scripts on the page cannot read it.
  expect(storage.cookies).not.toMatch(/session/i);
  for (const path of ['/api/imports', '/api/imports/987654321/undo']) {
    const response = path.endsWith('undo') ? await page.request.post(path) : await page.request.get(path);
    expect(response.headers()['cache-control'], path).toContain('no-store');
  }
  expect(seen.violations).toEqual([]);
  expect(seen.urls.filter((url) => /%40|@|beheerder|password/i.test(url))).toEqual([]);

  // The watcher itself works: an image from another origin is refused, and seen.
  await page.evaluate(() => {
    const image = new Image();
    image.src = 'https://example.invalid/pixel.png';
    document.body.append(image);
  });
  await expect.poll(() => seen.violations.length).toBeGreaterThan(0);
});
