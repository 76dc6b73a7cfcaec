'use server';

import { isAPIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getAuth, isHttpsRequest } from '@/app/_server/auth-instance';
import { safeReturnPath } from '@/lib/auth/return-path';

export type SignInState =
  { error: null } | { error: 'missing' | 'invalid' | 'unavailable' } | { error: 'throttled'; minutes: number };

const signInForm = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/**
 * Signs in with e-mail and password through better-auth (same checks, throttling and audit
 * log as the HTTP route); the session cookie is set by better-auth's nextCookies plugin. On
 * success it redirects to the page the person came for; otherwise it says why, without telling
 * whether the e-mail address has an account.
 */
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  // A forged call (a form post without the action's state) brings no FormData: not a 500.
  if (!(formData instanceof FormData)) return { error: 'missing' };
  const parsed = signInForm.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) return { error: 'missing' };
  const requestHeaders = await headers();
  try {
    const auth = await getAuth(isHttpsRequest(requestHeaders));
    await auth.api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password },
      headers: requestHeaders,
    });
  } catch (error) {
    return describeFailure(error);
  }
  redirect(safeReturnPath(formData.get('returnTo')));
}

function describeFailure(error: unknown): SignInState {
  if (isAPIError(error)) {
    if (error.statusCode === 429) {
      const seconds = Number((error.body as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds);
      return { error: 'throttled', minutes: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15 };
    }
    // 401 wrong password or unknown address, 400 not an e-mail address: the same answer.
    if (error.statusCode === 401 || error.statusCode === 400) return { error: 'invalid' };
  }
  console.error('[buurtradar] sign-in failed unexpectedly', error);
  return { error: 'unavailable' };
}

/** Ends this browser's session (the row is deleted, the cookie cleared) and goes to the map. */
export async function signOut(): Promise<void> {
  const requestHeaders = await headers();
  const auth = await getAuth(isHttpsRequest(requestHeaders));
  try {
    await auth.api.signOut({ headers: requestHeaders });
  } catch (error) {
    // No (valid) session cookie: already signed out. Anything else must not look like success.
    if (!isAPIError(error) || error.statusCode >= 500) throw error;
  }
  redirect('/');
}
