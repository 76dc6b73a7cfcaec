import { describe, expect, it } from 'vitest';
import { auditEntry } from '@/lib/auth/audit-events';
import { DEFAULT_AFTER_SIGN_IN, safeReturnPath } from '@/lib/auth/return-path';
import { SIGN_IN_THROTTLE, throttleKeys, throttleVerdict } from '@/lib/auth/throttle';

const now = new Date('2026-11-23T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('sign-in throttling', () => {
  it('allows four failures from one client and blocks the fifth until the oldest of them ages out', () => {
    const four = [1, 2, 3, 4].map(minutesAgo);
    expect(throttleVerdict({ account: four, accountAndClient: four }, now)).toEqual({ allowed: true });
    const five = [1, 2, 3, 4, 5].map(minutesAgo);
    // The fifth-newest failure was 5 minutes ago: free again when it is 15 minutes old.
    expect(throttleVerdict({ account: five, accountAndClient: five }, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 10 * 60,
    });
  });

  it('forgets failures older than the window', () => {
    const old = [16, 17, 18, 19, 20, 21].map(minutesAgo);
    expect(throttleVerdict({ account: old, accountAndClient: old }, now)).toEqual({ allowed: true });
  });

  it('blocks an account guessed at from many addresses, even when each address stays under its limit', () => {
    const spread = Array.from({ length: SIGN_IN_THROTTLE.maxFailuresPerAccount }, (_, i) => minutesAgo(i * 0.5));
    const verdict = throttleVerdict({ account: spread, accountAndClient: spread.slice(0, 1) }, now);
    expect(verdict.allowed).toBe(false);
  });

  it('blocks one address trying many accounts (credential stuffing)', () => {
    const many = Array.from({ length: SIGN_IN_THROTTLE.maxFailuresPerAddress }, (_, i) => minutesAgo(i * 0.2));
    expect(throttleVerdict({ account: [], accountAndClient: [], address: many.slice(1) }, now)).toEqual({
      allowed: true,
    });
    expect(throttleVerdict({ account: [], accountAndClient: [], address: many }, now).allowed).toBe(false);
  });

  it('keys neither contain nor reveal the e-mail or IP address, and depend on the secret', () => {
    const keys = throttleKeys('secret-a', 'An.Peeters@Example.test', '203.0.113.9');
    expect(JSON.stringify(keys)).not.toMatch(/peeters|example|203\.0/i);
    expect(throttleKeys('secret-a', ' an.peeters@example.test', '203.0.113.9')).toEqual(keys);
    expect(throttleKeys('secret-b', 'an.peeters@example.test', '203.0.113.9').account).not.toBe(keys.account);
    expect(throttleKeys('secret-a', 'an.peeters@example.test', '198.51.100.1').client).not.toBe(keys.client);
    expect(throttleKeys('secret-a', 'an.peeters@example.test', '198.51.100.1').account).toBe(keys.account);
    expect(throttleKeys('secret-a', 'someone.else@example.test', '203.0.113.9').address).toBe(keys.address);
    expect(throttleKeys('secret-a', 'an.peeters@example.test', null).address).toBeNull();
  });
});

describe('return path after sign-in', () => {
  it('keeps a path on this site', () => {
    expect(safeReturnPath('/kaart/sw11/13003?buurt=1300301')).toBe('/kaart/sw11/13003?buurt=1300301');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '',
    undefined,
    ['/kaart'],
    '/aanmelden',
    '/api/auth/sign-out',
    '/kaart\n/x',
  ])('refuses %j', (value) => {
    expect(safeReturnPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});

describe('audit entries', () => {
  it('accept events with short codes and numbers', () => {
    expect(
      auditEntry.safeParse({ event: 'auth.sign_in', actorUserId: 3, details: { method: 'password' } }).success,
    ).toBe(true);
    expect(
      auditEntry.safeParse({
        event: 'signal.status_changed',
        actorUserId: 3,
        target: { kind: 'signal', id: 42 },
        details: { from: 'new', to: 'discussed' },
      }).success,
    ).toBe(true);
  });

  it('refuse personal content: e-mail addresses, free text, names, unknown events', () => {
    expect(
      auditEntry.safeParse({ event: 'auth.sign_in_failed', actorUserId: null, details: { email: 'x' } }).success,
    ).toBe(false);
    expect(
      auditEntry.safeParse({ event: 'auth.sign_in_failed', actorUserId: null, details: { account: 'an@example.test' } })
        .success,
    ).toBe(false);
    expect(auditEntry.safeParse({ event: 'export.signals', actorUserId: 1, details: { note: 'x' } }).success).toBe(
      false,
    );
    expect(
      auditEntry.safeParse({
        event: 'export.signals',
        actorUserId: 1,
        details: { reason: 'Mevrouw Janssens is eenzaam' },
      }).success,
    ).toBe(false);
    expect(
      auditEntry.safeParse({ event: 'export.signals', actorUserId: 1, details: { nested: { a: 1 } } }).success,
    ).toBe(false);
    expect(auditEntry.safeParse({ event: 'made.up', actorUserId: 1 }).success).toBe(false);
  });
});
