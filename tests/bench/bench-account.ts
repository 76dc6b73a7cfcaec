import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createAuth } from '@/app/_server/auth';
import { AUTH_SECRET_NAME } from '@/app/_server/auth-instance';
import { createAccount } from '@/db/queries/accounts';
import { getOrCreateSecret } from '@/db/queries/app-secrets';
import type { Database } from '@/db/schema';

/**
 * Signal tiles answer only to a signed-in person (lib/auth/access.ts). The bench measures them
 * as an admin, who sees the cells of all of Flanders: the same tiles as the raw SQL's default,
 * so the app's overhead includes checking the session, as it does for every user.
 */
const EMAIL = 'bench-admin@buurtradar.test';

/**
 * A fresh admin account with a random password, signed in through better-auth on the same
 * database and cookie secret as the app: returns the session cookie the app will accept.
 */
export async function benchSessionCookie(db: Kysely<Database>): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  await db.deleteFrom('users').where('email', '=', EMAIL).execute();
  await createAccount(db, { name: 'Benchmark', email: EMAIL, password, role: 'admin' });
  const secret = await getOrCreateSecret(db, AUTH_SECRET_NAME, () => randomBytes(32).toString('base64url'));
  const auth = createAuth(db, { secret, secureCookies: false });
  const { headers } = await auth.api.signInEmail({ body: { email: EMAIL, password }, returnHeaders: true });
  const cookies = headers.getSetCookie().map((cookie) => cookie.split(';')[0]).filter(Boolean);
  if (cookies.length === 0) throw new Error('Signing in the bench account gave no session cookie');
  return cookies.join('; ');
}
