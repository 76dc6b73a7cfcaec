import 'server-only';
import { type BetterAuthOptions, betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware, getIP, isAPIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import type { Kysely } from 'kysely';
import { findUserIdByEmail, isActiveUser } from '@/db/queries/accounts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { COOKIE_PREFIX } from '@/lib/auth/session-cookie';
import { writeAuditLog } from '@/db/queries/audit-log';
import { clearSignInFailures, recentSignInFailures, recordSignInFailure } from '@/db/queries/sign-in-failures';
import type { Database } from '@/db/schema';
import { type ThrottleKeys, throttleKeys, throttleVerdict } from '@/lib/auth/throttle';

/**
 * Sign-in with better-auth over our Kysely instance (the PGlite dialect or node-postgres: the
 * same adapter, `type: 'postgres'`). Sessions are rows in `sessions`, checked on every request
 * (no cookie cache), so deleting a row signs that browser out on every app instance at once.
 *
 * Only what Buurtradar uses is on: e-mail + password sign-in, sign-out and reading the
 * session. There is no sign-up (admins create accounts, db/queries/accounts.ts), and the HTTP
 * route (app/api/auth/[...all]/route.ts) passes on only AUTH_HTTP_PATHS.
 */

export const SESSION_HOURS = 12;

/** better-auth endpoints the HTTP route serves; every other path answers 404. */
export const AUTH_HTTP_PATHS: Readonly<Record<string, readonly ('GET' | 'POST')[]>> = {
  '/sign-in/email': ['POST'],
  '/sign-out': ['POST'],
  '/get-session': ['GET'],
};

/** Endpoints that change accounts or sign people up: not for us, also not via `auth.api`. */
const DISABLED_PATHS = [
  '/sign-up/email',
  '/update-user',
  '/delete-user',
  '/change-email',
  '/change-password',
  '/set-password',
  '/request-password-reset',
  '/forget-password',
  '/reset-password',
  '/verify-email',
  '/send-verification-email',
  '/link-social',
  '/unlink-account',
  '/sign-in/social',
  '/callback/:id',
  '/refresh-token',
  '/get-access-token',
  '/account-info',
  '/list-accounts',
  '/delete-user/callback',
  '/update-session',
  '/verify-password',
];

export interface AuthSettings {
  /** Signs session cookies; the same on every instance (db/queries/app-secrets.ts). */
  secret: string;
  /** Secure cookies (with the __Secure- prefix) when the site is served over https. */
  secureCookies: boolean;
  /**
   * better-auth compares the live tables with what it writes before its first query, which
   * needs a connection of its own: tests that run inside a rolled-back transaction switch it
   * off (one test runs it on the plain database).
   */
  validateSchema?: boolean;
}

export function createAuth(db: Kysely<Database>, { secret, secureCookies, validateSchema = true }: AuthSettings) {
  const clientKeys = (headers: Headers | undefined, email: string): ThrottleKeys =>
    throttleKeys(secret, email, headers ? getIP(headers, options) : null);

  const options = {
    appName: 'Buurtradar',
    secret,
    basePath: '/api/auth',
    telemetry: { enabled: false },
    // Failures are in the audit log; better-auth's own warnings (every wrong password, the
    // base URL taken from the request) would only fill the server log.
    logger: { level: 'error' as const },
    database: { db: db as Kysely<unknown>, type: 'postgres' as const, transaction: false },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
      // Declared so better-auth's schema check knows the NOT NULL column; never set through it.
      additionalFields: { role: { type: 'string', required: true, input: false } },
      changeEmail: { enabled: false },
      deleteUser: { enabled: false },
    },
    session: {
      modelName: 'sessions',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
      },
      expiresIn: SESSION_HOURS * 60 * 60,
      updateAge: 60 * 60,
      // Every request asks the database, so a revoked session stops working immediately.
      cookieCache: { enabled: false },
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      accountLinking: { enabled: false },
    },
    verification: {
      modelName: 'verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    // Per IP and path, in the database so all instances count together; our own throttle
    // (per account) below is the one that stops password guessing.
    rateLimit: {
      enabled: true,
      storage: 'database' as const,
      modelName: 'rate_limits',
      fields: { lastRequest: 'last_request' },
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: 20 } },
    },
    disabledPaths: DISABLED_PATHS,
    advanced: {
      // better-auth skips its Origin (CSRF) checks when NODE_ENV is 'test': tests must see what users get.
      disableOriginCheck: false,
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: secureCookies,
      database: { generateId: 'serial' as const, validateSchema },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = typeof ctx.body?.email === 'string' ? ctx.body.email : '';
        if (!email) return; // the endpoint itself answers the missing field
        const keys = clientKeys(ctx.headers ?? ctx.request?.headers, email);
        const { now, ...failures } = await recentSignInFailures(db, keys);
        const verdict = throttleVerdict(failures, now);
        if (verdict.allowed) return;
        const userId = await findUserIdByEmail(db, email);
        await writeAuditLog(db, {
          event: 'auth.sign_in_throttled',
          actorUserId: null,
          ...(userId === null ? {} : { target: { kind: 'user', id: userId } }),
          details: { retry_after_seconds: verdict.retryAfterSeconds },
        });
        throw new APIError(
          'TOO_MANY_REQUESTS',
          {
            code: 'SIGN_IN_THROTTLED',
            message: 'Too many failed sign-in attempts; try again later',
            retryAfterSeconds: verdict.retryAfterSeconds,
          },
          { 'Retry-After': String(verdict.retryAfterSeconds) },
        );
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email') {
          const email = typeof ctx.body?.email === 'string' ? ctx.body.email : '';
          const returned = ctx.context.returned;
          const newSession = ctx.context.newSession;
          if (!email) return;
          const keys = clientKeys(ctx.headers ?? ctx.request?.headers, email);
          if (newSession) {
            await clearSignInFailures(db, keys);
            await writeAuditLog(db, {
              event: 'auth.sign_in',
              actorUserId: Number(newSession.user.id),
              details: { method: 'password' },
            });
          } else if (isAPIError(returned) && returned.statusCode === 401) {
            await recordSignInFailure(db, keys);
            const userId = await findUserIdByEmail(db, email);
            // The right password for a disabled account fails when the session is refused.
            const disabled = (returned.body as { code?: string } | undefined)?.code === 'FAILED_TO_CREATE_SESSION';
            await writeAuditLog(db, {
              event: 'auth.sign_in_failed',
              actorUserId: null,
              ...(userId === null ? {} : { target: { kind: 'user', id: userId } }),
              details: {
                reason: userId === null ? 'unknown_account' : disabled ? 'account_disabled' : 'invalid_credentials',
              },
            });
          }
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account gets no session, whatever the way in.
          before: async (session: { userId: string | number }) =>
            (await isActiveUser(db, Number(session.userId))) ? undefined : false,
        },
        delete: {
          // Also runs when an expired session is cleaned up; only a sign-out is an event.
          after: async (session: { userId: string | number }, context: { path?: string } | null) => {
            if (context?.path !== '/sign-out') return;
            await writeAuditLog(db, { event: 'auth.sign_out', actorUserId: Number(session.userId) });
          },
        },
      },
    },
    // Lets server actions set and clear the session cookie; must stay the last plugin.
    plugins: [nextCookies()],
  } satisfies BetterAuthOptions;
  return betterAuth(options);
}

export type Auth = ReturnType<typeof createAuth>;
