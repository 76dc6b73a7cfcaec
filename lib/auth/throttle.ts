import { createHmac } from 'node:crypto';

/**
 * Sign-in throttling, counted in the database so that every app instance sees the same
 * failures. Three limits within a sliding window:
 * - per account and client (e-mail + IP address): a person mistyping, or one attacker;
 * - per account from anywhere: guessing spread over many addresses (or a forged
 *   X-Forwarded-For) still stops;
 * - per client address over all accounts: one address trying many accounts (credential
 *   stuffing), also through server actions, which better-auth's own rate limit does not see.
 *   Only when the address is known, so that clients behind one unknown proxy are not lumped.
 * A successful sign-in clears that client's failures for the account.
 */
export const SIGN_IN_THROTTLE = {
  windowSeconds: 15 * 60,
  maxFailuresPerAccountAndClient: 5,
  maxFailuresPerAccount: 20,
  maxFailuresPerAddress: 50,
} as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RecentFailures {
  /** Failed attempts on this account within the window, newest first. */
  account: readonly Date[];
  /** Of those, the ones from this client, newest first. */
  accountAndClient: readonly Date[];
  /** Failed attempts from this client address on any account, newest first. */
  address?: readonly Date[];
}

/** Whether another attempt may go ahead now, and if not, when it may. */
export function throttleVerdict(failures: RecentFailures, now: Date, limits = SIGN_IN_THROTTLE): ThrottleVerdict {
  const waits = [
    waitFor(failures.accountAndClient, limits.maxFailuresPerAccountAndClient, now, limits.windowSeconds),
    waitFor(failures.account, limits.maxFailuresPerAccount, now, limits.windowSeconds),
    waitFor(failures.address ?? [], limits.maxFailuresPerAddress, now, limits.windowSeconds),
  ].filter((seconds): seconds is number => seconds !== null);
  return waits.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(...waits) };
}

/**
 * Blocked while `max` failures fall inside the window; it reopens when the max-th newest one
 * leaves it. Null when not blocked.
 */
function waitFor(newestFirst: readonly Date[], max: number, now: Date, windowSeconds: number): number | null {
  const inWindow = newestFirst.filter((at) => now.getTime() - at.getTime() < windowSeconds * 1000);
  if (inWindow.length < max) return null;
  const reopensAt = inWindow[max - 1]!.getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
}

export interface ThrottleKeys {
  account: string;
  client: string;
  /** Null when the client's address is not known. */
  address: string | null;
}

/**
 * Keys for the failures table: keyed hashes (HMAC with the server's secret), so the table holds
 * neither e-mail nor IP addresses, and a copy of it cannot be matched against a list of
 * addresses without the secret.
 */
export function throttleKeys(secret: string, email: string, clientAddress: string | null): ThrottleKeys {
  const account = normaliseEmail(email);
  const hmac = (value: string) => createHmac('sha256', secret).update(value).digest('base64url');
  return {
    account: hmac(`account\n${account}`),
    client: hmac(`client\n${account}\n${clientAddress ?? 'unknown'}`),
    address: clientAddress ? hmac(`address\n${clientAddress}`) : null,
  };
}

/** E-mail addresses are compared in lower case, as better-auth stores them. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
