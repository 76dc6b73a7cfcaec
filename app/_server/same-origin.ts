import 'server-only';
import { PERSONAL_HEADERS } from './session';

/**
 * Writes with a session cookie must come from our own pages: a browser sends `Origin` on
 * every cross-site POST, and a form on another site must not be able to import or undo with
 * an admin's cookie (the cookie is SameSite=Lax too; this is the second lock). Requests
 * without Origin (scripts, curl) carry no browser cookie by accident and pass.
 */
export function crossSiteDenial(request: Request): Response | null {
  const origin = request.headers.get('origin');
  if (origin === null) return null;
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (host && originHost === host) return null;
  return Response.json(
    { error: 'This request must come from a Buurtradar page' },
    { status: 403, headers: PERSONAL_HEADERS },
  );
}
