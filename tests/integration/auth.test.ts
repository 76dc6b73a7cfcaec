import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Auth, createAuth } from '@/app/_server/auth';
import { createAuthRouteHandler } from '@/app/_server/auth-route';
import { readAccessScope, readCurrentAccount } from '@/app/_server/current-account';
import type { DatabaseHandle } from '@/db/client';
import { createAccount, disableAccount, revokeSessions } from '@/db/queries/accounts';
import type { AccessScope } from '@/lib/auth/access';
import { listAuditLog } from '@/db/queries/audit-log';
import type { Database } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/db/seed/demo-accounts';
import { removeDemoData } from '@/db/seed/demo';
import { SIGN_IN_THROTTLE } from '@/lib/auth/throttle';
import { openTestDatabase, withRollback } from '../support/test-database';

/**
 * Sign-in end to end, in process: better-auth over our Kysely instance on this project's
 * backend, driven through the same route handler as /api/auth/* with plain Request objects.
 * Every test runs in a rolled-back transaction, so the shared server database stays clean.
 */
const ORIGIN = 'http://localhost:3000';
const SECRET = 'test-secret-0123456789-0123456789-abcdef';
const coordinator = DEMO_ACCOUNTS.find((account) => account.role === 'coordinator')!;
const reporter = DEMO_ACCOUNTS.find((account) => account.role === 'reporter')!;

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

interface Harness {
  db: Kysely<Database>;
  auth: Auth;
  route: (request: Request) => Promise<Response>;
}

function withAuth<T>(work: (harness: Harness) => Promise<T>, settings: { secureCookies?: boolean } = {}): Promise<T> {
  return withRollback(handle.db, async (db) => {
    const auth = createAuth(db, {
      secret: SECRET,
      secureCookies: settings.secureCookies ?? false,
      validateSchema: false,
    });
    return work({ db, auth, route: createAuthRouteHandler(async () => auth) });
  });
}

function request(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; ip?: string; https?: boolean } = {},
): Request {
  const headers = new Headers({ origin: ORIGIN, 'x-forwarded-for': init.ip ?? '203.0.113.10' });
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.https) headers.set('x-forwarded-proto', 'https');
  return new Request(`${ORIGIN}/api/auth${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const signIn = (route: Harness['route'], email: string, password: string, ip?: string) =>
  route(request('/sign-in/email', { body: { email, password }, ip }));

/** The `name=value` part of the session cookie a response sets, for the next request. */
function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((line) => /buurtradar\.session_token=/.test(line));
  if (!cookie) throw new Error(`no session cookie in ${response.status} response`);
  return cookie.split(';')[0]!;
}

async function userIdOf(db: Kysely<Database>, email: string): Promise<number> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return Number(row.id);
}

async function sessionCount(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('better-auth on our schema', () => {
  it('finds every table and column it writes (its own schema check passes)', async () => {
    const auth = createAuth(handle.db, { secret: SECRET, secureCookies: false });
    // The check runs before better-auth's first query and throws on a mismatch.
    await expect(auth.api.getSession({ headers: new Headers() })).resolves.toBeNull();
  });
});

describe('accounts', () => {
  it('cannot be created by signing up: the route does not exist and the API refuses', async () => {
    await withAuth(async ({ db, auth, route }) => {
      const before = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const body = { name: 'Intruder', email: 'intruder@buurtradar.test', password: 'a-long-enough-password' };
      const viaRoute = await route(request('/sign-up/email', { body }));
      expect(viaRoute.status).toBe(404);
      await expect(auth.api.signUpEmail({ body, headers: new Headers() })).rejects.toMatchObject({
        statusCode: expect.any(Number),
      });
      const after = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      expect(
        await db.selectFrom('users').select('id').where('email', '=', body.email).executeTakeFirst(),
      ).toBeUndefined();
    });
  });

  it('the route serves only sign-in, sign-out and the session', async () => {
    await withAuth(async ({ route }) => {
      for (const path of [
        '/ok',
        '/list-sessions',
        '/update-user',
        '/change-password',
        '/request-password-reset',
        '/sign-in/social',
      ]) {
        expect((await route(request(path, { method: 'POST', body: {} }))).status, path).toBe(404);
      }
      expect((await route(request('/sign-in/email'))).status).toBe(405);
    });
  });

  it('a demo account exists for every role (advisors of Balen and of Ravels), and the demo reporter has signals of her own', async () => {
    const users = await handle.db
      .selectFrom('users')
      .select(['email', 'role'])
      .where('is_demo', '=', true)
      .orderBy('role')
      .execute();
    expect(users.map((user) => user.role).sort()).toEqual([
      'admin',
      'advisor',
      'advisor',
      'coordinator',
      'regional_analyst',
      'reporter',
    ]);
    const reporterId = await userIdOf(handle.db, reporter.email);
    const own = await handle.db
      .selectFrom('signals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reporter_user_id', '=', reporterId)
      .where('municipality_nis', '=', '13003')
      .executeTakeFirstOrThrow();
    expect(Number(own.n)).toBeGreaterThan(0);
  });

  it('removing the demo data removes the demo accounts and their known passwords', async () => {
    await withAuth(async ({ db, route }) => {
      await removeDemoData(db);
      expect(await db.selectFrom('users').select('id').where('is_demo', '=', true).execute()).toEqual([]);
      expect(await db.selectFrom('organisations').select('id').where('is_demo', '=', true).execute()).toEqual([]);
      expect((await signIn(route, coordinator.email, coordinator.password)).status).toBe(401);
    });
  });
});

describe('signing in', () => {
  it('with the right password: a session row in the database and an httpOnly, SameSite=Lax cookie', async () => {
    await withAuth(async ({ db, auth, route }) => {
      const userId = await userIdOf(db, coordinator.email);
      const response = await signIn(route, coordinator.email.toUpperCase(), coordinator.password);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const setCookie = response.headers.getSetCookie().find((line) => line.startsWith('buurtradar.session_token='))!;
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).not.toMatch(/;\s*Secure/i);
      expect(await sessionCount(db, userId)).toBe(1);

      const cookie = sessionCookie(response);
      const session = await route(request('/get-session', { cookie }));
      expect(session.status).toBe(200);
      expect((await session.json()).user).toMatchObject({ email: coordinator.email, role: 'coordinator' });

      const account = await readCurrentAccount(auth, db, new Headers({ cookie }));
      expect(account?.name).toBe(coordinator.name);
      expect(account?.areaNames).toEqual(['Balen']);
      expect(account?.scope).toMatchObject({
        role: 'coordinator',
        userId,
        municipalities: ['13003'],
        canManageSignals: true,
      });
    });
  });

  it('over https the cookie is Secure and carries the __Secure- prefix', async () => {
    await withAuth(
      async ({ route }) => {
        const response = await signIn(route, coordinator.email, coordinator.password);
        const setCookie = response.headers
          .getSetCookie()
          .find((line) => line.startsWith('__Secure-buurtradar.session_token='));
        expect(setCookie).toMatch(/;\s*Secure/i);
        expect(setCookie).toMatch(/HttpOnly/i);
      },
      { secureCookies: true },
    );
  });

  it('with a wrong password or an unknown address: the same 401, no session, an audit row without personal data', async () => {
    await withAuth(async ({ db, auth, route }) => {
      const userId = await userIdOf(db, coordinator.email);
      const wrong = await signIn(route, coordinator.email, 'not-the-password-at-all');
      const unknown = await signIn(route, 'nobody@buurtradar.test', 'not-the-password-at-all');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await wrong.json()).toEqual(await unknown.json());
      expect(wrong.headers.getSetCookie().some((line) => /session_token=[^;]/.test(line))).toBe(false);
      expect(await sessionCount(db, userId)).toBe(0);
      expect(await readCurrentAccount(auth, db, new Headers())).toBeNull();

      const failures = await listAuditLog(db, { event: 'auth.sign_in_failed' });
      expect(failures.find((row) => row.targetId === String(userId))).toMatchObject({
        actorUserId: null,
        targetKind: 'user',
        details: { reason: 'invalid_credentials' },
      });
      expect(failures.find((row) => row.targetId === null)).toMatchObject({ details: { reason: 'unknown_account' } });
    });
  });

  it('logs a sign-in with the actor only: no e-mail address, password or IP in the audit log', async () => {
    await withAuth(async ({ db, route }) => {
      const userId = await userIdOf(db, reporter.email);
      expect((await signIn(route, reporter.email, 'wrong-password-attempt', '198.51.100.77')).status).toBe(401);
      expect((await signIn(route, reporter.email, reporter.password, '198.51.100.77')).status).toBe(200);
      const rows = await listAuditLog(db, { limit: 50 });
      expect(rows.find((row) => row.event === 'auth.sign_in')).toMatchObject({
        actorUserId: userId,
        details: { method: 'password' },
      });
      const text = JSON.stringify(rows);
      expect(text).not.toContain(reporter.email);
      expect(text).not.toContain('@');
      expect(text).not.toContain(reporter.password);
      expect(text).not.toContain('198.51.100.77');
      const failures = await db.selectFrom('sign_in_failures').selectAll().execute();
      expect(JSON.stringify(failures)).not.toMatch(/@|198\.51\.100\.77/);
    });
  });
});

describe('sessions', () => {
  it('are revocable: a deleted session no longer signs anyone in, on any instance', async () => {
    await withAuth(async ({ db, auth, route }) => {
      const userId = await userIdOf(db, coordinator.email);
      const cookie = sessionCookie(await signIn(route, coordinator.email, coordinator.password));
      // A second instance (another app server) sharing the database sees the same session.
      const other = createAuth(db, { secret: SECRET, secureCookies: false, validateSchema: false });
      expect(await readCurrentAccount(other, db, new Headers({ cookie }))).not.toBeNull();

      expect(await revokeSessions(db, userId)).toBe(1);
      expect(await readCurrentAccount(auth, db, new Headers({ cookie }))).toBeNull();
      expect(await readCurrentAccount(other, db, new Headers({ cookie }))).toBeNull();
      expect(await (await route(request('/get-session', { cookie }))).json()).toBeNull();
    });
  });

  it('sign-out deletes the session row, clears the cookie and is logged', async () => {
    await withAuth(async ({ db, auth, route }) => {
      const userId = await userIdOf(db, coordinator.email);
      const cookie = sessionCookie(await signIn(route, coordinator.email, coordinator.password));
      const response = await route(request('/sign-out', { method: 'POST', body: {}, cookie }));
      expect(response.status).toBe(200);
      expect(
        response.headers
          .getSetCookie()
          .some((line) => /^buurtradar\.session_token=;/.test(line) || /Max-Age=0/i.test(line)),
      ).toBe(true);
      expect(await sessionCount(db, userId)).toBe(0);
      expect(await readCurrentAccount(auth, db, new Headers({ cookie }))).toBeNull();
      expect((await listAuditLog(db, { event: 'auth.sign_out' }))[0]).toMatchObject({ actorUserId: userId });
    });
  });

  it('a forged or tampered cookie is nobody', async () => {
    await withAuth(async ({ db, auth, route }) => {
      const cookie = sessionCookie(await signIn(route, coordinator.email, coordinator.password));
      const [name, value] = cookie.split('=') as [string, string];
      const token = decodeURIComponent(value).split('.')[0]!;
      expect(
        await readCurrentAccount(auth, db, new Headers({ cookie: `${name}=${token}.forged-signature` })),
      ).toBeNull();
      const otherSecret = createAuth(db, { secret: `${SECRET}-other`, secureCookies: false, validateSchema: false });
      expect(await readCurrentAccount(otherSecret, db, new Headers({ cookie }))).toBeNull();
    });
  });

  it('a disabled account loses its session and cannot sign in again', async () => {
    await withAuth(async ({ db, auth, route }) => {
      const userId = await userIdOf(db, coordinator.email);
      const cookie = sessionCookie(await signIn(route, coordinator.email, coordinator.password));
      await disableAccount(db, userId);
      expect(await readCurrentAccount(auth, db, new Headers({ cookie }))).toBeNull();
      const again = await signIn(route, coordinator.email, coordinator.password);
      expect(again.status).toBe(401);
      expect(await sessionCount(db, userId)).toBe(0);
      expect((await listAuditLog(db, { event: 'auth.sign_in_failed' }))[0]).toMatchObject({
        targetId: String(userId),
        details: { reason: 'account_disabled' },
      });
    });
  });
});

describe('the one-query session check of map tiles', () => {
  /** Both readers on the same cookie: they must agree, and this returns what they agreed on. */
  async function bothReaders(
    harness: Harness,
    cookie: string | null,
    secureCookies = false,
  ): Promise<AccessScope | null> {
    const headers = new Headers(cookie === null ? {} : { cookie });
    // The quick reader first: better-auth deletes an expired session it finds.
    const quick = await readAccessScope(harness.db, headers, { secret: SECRET, secureCookies });
    const full = await readCurrentAccount(harness.auth, harness.db, headers);
    expect(quick).toEqual(full?.scope ?? null);
    return quick;
  }

  it('gives every role the scope the pages give it', async () => {
    await withAuth(async (harness) => {
      for (const account of DEMO_ACCOUNTS) {
        const cookie = sessionCookie(await signIn(harness.route, account.email, account.password));
        expect((await bothReaders(harness, cookie))?.role, account.email).toBe(account.role);
      }
    });
  });

  it("is nobody without a cookie, with a forged one, one signed by another secret, or the other scheme's cookie", async () => {
    await withAuth(async (harness) => {
      const cookie = sessionCookie(await signIn(harness.route, coordinator.email, coordinator.password));
      const [name, value] = cookie.split('=') as [string, string];
      const [token, signature] = decodeURIComponent(value).split('.') as [string, string];
      const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
      for (const forged of [
        null,
        '',
        'buurtradar.session_token=',
        `${name}=${token}`,
        `${name}=${token}.forged-signature`,
        `${name}=${encodeURIComponent(`${token}.${flipped}`)}`,
        `${name}=${encodeURIComponent(`other-token.${signature}`)}`,
        `__Secure-${cookie}`,
      ]) {
        expect(await bothReaders(harness, forged), String(forged)).toBeNull();
      }
      const quickOtherSecret = await readAccessScope(harness.db, new Headers({ cookie }), {
        secret: `${SECRET}-other`,
        secureCookies: false,
      });
      expect(quickOtherSecret).toBeNull();
      expect(await bothReaders(harness, cookie)).not.toBeNull();
    });
  });

  it('reads the __Secure- cookie over https, and only that one', async () => {
    await withAuth(
      async (harness) => {
        const cookie = sessionCookie(await signIn(harness.route, coordinator.email, coordinator.password));
        expect(cookie.startsWith('__Secure-')).toBe(true);
        expect(await bothReaders(harness, cookie, true)).toMatchObject({
          role: 'coordinator',
          municipalities: ['13003'],
        });
        expect(await bothReaders(harness, cookie.replace('__Secure-', ''), true)).toBeNull();
      },
      { secureCookies: true },
    );
  });

  it('is nobody once the session is revoked, signed out or expired, or the account disabled', async () => {
    await withAuth(async (harness) => {
      const { db, route } = harness;
      const userId = await userIdOf(db, coordinator.email);
      const revoked = sessionCookie(await signIn(route, coordinator.email, coordinator.password));
      await revokeSessions(db, userId);
      expect(await bothReaders(harness, revoked)).toBeNull();

      const signedOut = sessionCookie(await signIn(route, coordinator.email, coordinator.password));
      expect((await route(request('/sign-out', { method: 'POST', body: {}, cookie: signedOut }))).status).toBe(200);
      expect(await bothReaders(harness, signedOut)).toBeNull();

      const expired = sessionCookie(await signIn(route, coordinator.email, coordinator.password));
      expect(await bothReaders(harness, expired)).not.toBeNull();
      await db
        .updateTable('sessions')
        .set({ expires_at: new Date(Date.now() - 60_000) })
        .where('user_id', '=', userId)
        .execute();
      expect(await bothReaders(harness, expired)).toBeNull();

      const disabled = sessionCookie(await signIn(route, reporter.email, reporter.password));
      await disableAccount(db, await userIdOf(db, reporter.email));
      expect(await bothReaders(harness, disabled)).toBeNull();
    });
  });
});

describe('throttling', () => {
  it(`blocks an account on one client after ${SIGN_IN_THROTTLE.maxFailuresPerAccountAndClient} failures, even with the right password`, async () => {
    await withAuth(async ({ db, route }) => {
      const attacker = '192.0.2.66';
      for (let i = 0; i < SIGN_IN_THROTTLE.maxFailuresPerAccountAndClient; i++) {
        expect((await signIn(route, reporter.email, `wrong-password-${i}`, attacker)).status).toBe(401);
      }
      const blocked = await signIn(route, reporter.email, reporter.password, attacker);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(blocked.headers.getSetCookie().some((line) => /session_token=[^;]/.test(line))).toBe(false);
      expect((await listAuditLog(db, { event: 'auth.sign_in_throttled' })).length).toBe(1);

      // The person themselves, on another address, still gets in; other accounts are unaffected.
      expect((await signIn(route, reporter.email, reporter.password, '192.0.2.7')).status).toBe(200);
      expect((await signIn(route, coordinator.email, coordinator.password, attacker)).status).toBe(200);
    });
  });

  it('counts in the database, so a second app instance sees the same failures', async () => {
    await withAuth(async ({ db, route }) => {
      const client = '192.0.2.99';
      for (let i = 0; i < SIGN_IN_THROTTLE.maxFailuresPerAccountAndClient; i++)
        await signIn(route, coordinator.email, `wrong-${i}`, client);
      const other = createAuth(db, { secret: SECRET, secureCookies: false, validateSchema: false });
      const response = await createAuthRouteHandler(async () => other)(
        request('/sign-in/email', { body: { email: coordinator.email, password: coordinator.password }, ip: client }),
      );
      expect(response.status).toBe(429);
    });
  });

  it("a successful sign-in clears that client's failures", async () => {
    await withAuth(async ({ route }) => {
      const client = '192.0.2.12';
      for (let i = 0; i < SIGN_IN_THROTTLE.maxFailuresPerAccountAndClient - 1; i++)
        await signIn(route, reporter.email, `typo-${i}`, client);
      expect((await signIn(route, reporter.email, reporter.password, client)).status).toBe(200);
      for (let i = 0; i < SIGN_IN_THROTTLE.maxFailuresPerAccountAndClient - 1; i++) {
        expect((await signIn(route, reporter.email, `typo-again-${i}`, client)).status).toBe(401);
      }
      expect((await signIn(route, reporter.email, reporter.password, client)).status).toBe(200);
    });
  });
});

describe('creating accounts', () => {
  it('hashes the password (never stored as given) and the new person can sign in', async () => {
    await withAuth(async ({ db, route }) => {
      const password = 'correct horse battery staple';
      const userId = await createAccount(db, {
        name: 'Nieuwe Coördinator',
        email: 'Nieuw@Buurtradar.test',
        password,
        role: 'coordinator',
        municipalities: ['13035'],
      });
      const stored = await db
        .selectFrom('auth_accounts')
        .select(['password', 'provider_id'])
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      expect(stored.provider_id).toBe('credential');
      expect(stored.password).not.toContain(password);
      expect(stored.password!.length).toBeGreaterThan(60);
      expect((await signIn(route, 'nieuw@buurtradar.test', password)).status).toBe(200);
    });
  });

  it('refuses a short password and a role without its area', async () => {
    await withAuth(async ({ db }) => {
      await expect(
        createAccount(db, {
          name: 'X',
          email: 'x@buurtradar.test',
          password: 'short',
          role: 'advisor',
          municipalities: ['13003'],
        }),
      ).rejects.toThrow(/12 characters/);
      await expect(
        createAccount(db, {
          name: 'X',
          email: 'x@buurtradar.test',
          password: 'long-enough-password',
          role: 'coordinator',
        }),
      ).rejects.toThrow(/municipality/);
      await expect(
        createAccount(db, {
          name: 'X',
          email: 'x@buurtradar.test',
          password: 'long-enough-password',
          role: 'regional_analyst',
        }),
      ).rejects.toThrow(/region/);
    });
  });
});

describe('the sign-in route behind another host name', () => {
  // Next.js gives route handlers its own idea of the host (localhost when it listens on 127.0.0.1).
  // As a browser sends it: Origin, and the Fetch Metadata that better-auth checks on a first sign-in.
  const asNextSeesIt = (origin: string, site: 'same-origin' | 'cross-site') =>
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: {
        host: '127.0.0.1:3300',
        origin,
        'content-type': 'application/json',
        'x-forwarded-for': '203.0.113.40',
        'sec-fetch-site': site,
        'sec-fetch-mode': 'cors',
        'sec-fetch-dest': 'empty',
      },
      body: JSON.stringify({ email: 'coordinator.balen@buurtradar.test', password: 'demo-coordinator-balen' }),
    });

  it('accepts our own pages, whose Origin is the host the browser connected to', async () => {
    await withAuth(async ({ route }) => {
      expect((await route(asNextSeesIt('http://127.0.0.1:3300', 'same-origin'))).status).toBe(200);
    });
  });

  it('still refuses a foreign page', async () => {
    await withAuth(async ({ route }) => {
      expect((await route(asNextSeesIt('https://evil.example', 'cross-site'))).status).toBe(403);
    });
  });
});
