import { type Kysely, sql } from 'kysely';
import { type RecentFailures, SIGN_IN_THROTTLE, type ThrottleKeys } from '@/lib/auth/throttle';
import type { Database } from '../schema';

/**
 * Failed sign-ins for throttling (lib/auth/throttle.ts). Times come from the database clock,
 * so app instances with slightly different clocks agree.
 */
export async function recentSignInFailures(
  db: Kysely<Database>,
  keys: ThrottleKeys,
): Promise<RecentFailures & { now: Date }> {
  const window = `${SIGN_IN_THROTTLE.windowSeconds} seconds`;
  const rows = await db
    .selectFrom('sign_in_failures')
    .select(['failed_at', 'client_key'])
    .where('account_key', '=', keys.account)
    .where('failed_at', '>', sql<Date>`now() - ${window}::interval`)
    .orderBy('failed_at', 'desc')
    .limit(SIGN_IN_THROTTLE.maxFailuresPerAccount)
    .execute();
  const address =
    keys.address === null
      ? []
      : await db
          .selectFrom('sign_in_failures')
          .select('failed_at')
          .where('address_key', '=', keys.address)
          .where('failed_at', '>', sql<Date>`now() - ${window}::interval`)
          .orderBy('failed_at', 'desc')
          .limit(SIGN_IN_THROTTLE.maxFailuresPerAddress)
          .execute();
  const { now } = await db.selectNoFrom(sql<Date>`now()`.as('now')).executeTakeFirstOrThrow();
  return {
    now,
    account: rows.map((row) => row.failed_at),
    accountAndClient: rows.filter((row) => row.client_key === keys.client).map((row) => row.failed_at),
    address: address.map((row) => row.failed_at),
  };
}

/** Records one failure, and forgets failures older than a day (nothing needs them). */
export async function recordSignInFailure(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  await db
    .insertInto('sign_in_failures')
    .values({ account_key: keys.account, client_key: keys.client, address_key: keys.address })
    .execute();
  await db
    .deleteFrom('sign_in_failures')
    .where('failed_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
}

/** After a successful sign-in, this client starts with a clean slate for this account. */
export async function clearSignInFailures(db: Kysely<Database>, keys: ThrottleKeys): Promise<void> {
  await db
    .deleteFrom('sign_in_failures')
    .where('account_key', '=', keys.account)
    .where('client_key', '=', keys.client)
    .execute();
}
