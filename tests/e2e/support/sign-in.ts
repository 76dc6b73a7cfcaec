import { expect, type Page } from '@playwright/test';

/** The demo accounts (created with the demo data; README "Demo accounts"). */
export const DEMO_ACCOUNTS = {
  reporter: { email: 'melder@buurtradar.test', password: 'demo-melder-balen' },
  coordinatorBalen: { email: 'coordinator.balen@buurtradar.test', password: 'demo-coordinator-balen' },
  advisorBalen: { email: 'adviseur.balen@buurtradar.test', password: 'demo-adviseur-balen' },
  advisorRavels: { email: 'adviseur.ravels@buurtradar.test', password: 'demo-adviseur-ravels' },
  analystKempen: { email: 'analist.kempen@buurtradar.test', password: 'demo-analist-kempen' },
  admin: { email: 'beheerder@buurtradar.test', password: 'demo-beheerder-buurtradar' },
} as const;

/** Signs in through the real form, then waits until the session cookie works. */
export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/aanmelden');
  await page.locator('#sign-in-email').fill(account.email);
  await page.locator('#sign-in-password').fill(account.password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-form')).toHaveCount(0, { timeout: 20_000 });
}
