import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseCookies } from 'better-auth/cookies';

/** better-auth's cookie prefix for Buurtradar (app/_server/auth.ts): cookies are buurtradar.* */
export const COOKIE_PREFIX = 'buurtradar';

/** The session cookie's name as better-auth sets it: with the __Secure- prefix over https. */
export function sessionCookieName(secureCookies: boolean): string {
  return `${secureCookies ? '__Secure-' : ''}${COOKIE_PREFIX}.session_token`;
}

/**
 * The session token in a request's Cookie header, or null when there is none or its signature
 * does not match. better-auth signs the cookie as `token.signature`, the signature being the
 * base64 HMAC-SHA256 of the token under the app's secret (better-call's signed cookies); this
 * checks it the same way, so both readers accept exactly the same cookies (tests/integration/
 * auth.test.ts compares them). Only the cookie named for the request's scheme counts, as in
 * better-auth.
 */
export function verifiedSessionToken(
  cookieHeader: string | null,
  secret: string,
  secureCookies: boolean,
): string | null {
  if (!cookieHeader) return null;
  const value = parseCookies(cookieHeader).get(sessionCookieName(secureCookies));
  if (!value) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), 'utf8');
  const expected = Buffer.from(createHmac('sha256', secret).update(token, 'utf8').digest('base64'), 'utf8');
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}
