import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createAuth } from '@/app/_server/auth';
import { AUTH_SECRET_NAME } from '@/app/_server/auth-instance';
import { createAccount } from '@/db/queries/accounts';
import { getOrCreateSecret } from '@/db/queries/app-secrets';
import type { Database } from '@/db/schema';
import type { SignalTileAccess } from '@/lib/auth/access';

/**
 * Signal tiles answer only to those who see signals one by one (lib/auth/access.ts). The bench
 * measures them as a coordinator of every Flemish municipality: cells of all of Flanders, and
 * points from z 15, as a coordinator sees their own municipality. The raw SQL gets the same
 * access (BENCH_SIGNAL_ACCESS), and the app's overhead includes checking the session.
 */
const EMAIL = 'bench-coordinator@buurtradar.test';

/** Every municipality's NIS code: the bench coordinator's municipalities. */
export async function allMunicipalities(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('municipalities').select('nis').orderBy('nis').execute()).map((row) => row.nis);
}

export const benchSignalAccess = (nis: readonly string[]): SignalTileAccess => ({
  cells: { kind: 'municipalities', nis },
  points: nis,
});

/**
 * A fresh coordinator account with a random password, signed in through better-auth on the same
 * database and cookie secret as the app: returns the session cookie the app will accept.
 */
export async function benchSessionCookie(db: Kysely<Database>): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  await db.deleteFrom('users').where('email', '=', EMAIL).execute();
  await createAccount(db, {
    name: 'Benchmark',
    email: EMAIL,
    password,
    role: 'coordinator',
    municipalities: await allMunicipalities(db),
  });
  const secret = await getOrCreateSecret(db, AUTH_SECRET_NAME, () => randomBytes(32).toString('base64url'));
  const auth = createAuth(db, { secret, secureCookies: false });
  const { headers } = await auth.api.signInEmail({ body: { email: EMAIL, password }, returnHeaders: true });
  const cookies = headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .filter(Boolean);
  if (cookies.length === 0) throw new Error('Signing in the bench account gave no session cookie');
  return cookies.join('; ');
}
