import 'server-only';
import { randomBytes } from 'node:crypto';
import { getOrCreateSecret } from '@/db/queries/app-secrets';
import { getDb } from '@/db/server';
import { type Auth, createAuth } from './auth';

/** Name of the cookie-signing secret in `app_secrets`. */
export const AUTH_SECRET_NAME = 'auth.cookie_secret';

/**
 * One better-auth instance per cookie mode per process (kept on globalThis: Next.js dev
 * reloads modules). Two modes because cookies are Secure, with the __Secure- prefix, exactly
 * when the request came over https (directly or through a proxy that says so), which a single
 * instance cannot decide per request. Both use the same database and secret.
 */
const holder = globalThis as typeof globalThis & {
  __buurtradarAuth?: Map<boolean, Promise<Auth>>;
  __buurtradarAuthSecret?: Promise<string>;
};

/** The cookie-signing secret, read (or made) once per process; a failed read is tried again. */
export function getAuthSecret(): Promise<string> {
  if (!holder.__buurtradarAuthSecret) {
    const secret = getDb().then((db) =>
      getOrCreateSecret(db, AUTH_SECRET_NAME, () => randomBytes(32).toString('base64url')),
    );
    holder.__buurtradarAuthSecret = secret;
    secret.catch(() => {
      if (holder.__buurtradarAuthSecret === secret) holder.__buurtradarAuthSecret = undefined;
    });
  }
  return holder.__buurtradarAuthSecret;
}

export function getAuth(secureCookies: boolean): Promise<Auth> {
  holder.__buurtradarAuth ??= new Map();
  const instances = holder.__buurtradarAuth;
  let instance = instances.get(secureCookies);
  if (!instance) {
    instance = (async () => createAuth(await getDb(), { secret: await getAuthSecret(), secureCookies }))();
    instances.set(secureCookies, instance);
    // A failed start (database down) is not kept: the next request tries again.
    instance.catch(() => {
      if (instances.get(secureCookies) === instance) instances.delete(secureCookies);
    });
  }
  return instance;
}

/** True when the browser talks https to us: Next.js (or the proxy in front) sets the header. */
export function isHttpsRequest(headers: Headers): boolean {
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
