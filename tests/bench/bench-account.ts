import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createAccount } from '@/db/queries/accounts';
import type { Database } from '@/db/schema';

/**
 * Signal tiles answer only to a signed-in person (lib/auth/access.ts). The bench measures them
 * as an admin, who sees the cells of all of Flanders: the same tiles as the raw SQL's default,
 * so the app's overhead includes checking the session, as it does for every user.
 */
const EMAIL = 'bench-admin@buurtradar.test';

/** A fresh admin account with a random password, for this run only. */
export async function createBenchAccount(db: Kysely<Database>): Promise<{ email: string; password: string }> {
  const password = randomBytes(18).toString('base64url');
  await db.deleteFrom('users').where('email', '=', EMAIL).execute();
  await createAccount(db, { name: 'Benchmark', email: EMAIL, password, role: 'admin' });
  return { email: EMAIL, password };
}

/** Signs in through the app's sign-in API and returns the session cookie to send. */
export async function signInToApp(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify(account),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).filter(Boolean);
  if (!response.ok || cookies.length === 0) throw new Error(`Signing in to the app failed: HTTP ${response.status} ${await response.text()}`);
  return cookies.join('; ');
}
