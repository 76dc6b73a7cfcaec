import 'server-only';
import { type Auth, AUTH_HTTP_PATHS } from './auth';

const BASE_PATH = '/api/auth';
const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/**
 * The HTTP face of sign-in: only the paths in AUTH_HTTP_PATHS reach better-auth (sign-in with
 * e-mail and password, sign-out, reading the session); anything else, sign-up included, is a
 * 404 here whatever better-auth itself would offer. Answers are never cached.
 */
export function createAuthRouteHandler(authFor: (request: Request) => Promise<Auth>) {
  return async function handle(request: Request): Promise<Response> {
    const pathname = new URL(request.url).pathname;
    const path = pathname.startsWith(`${BASE_PATH}/`) ? pathname.slice(BASE_PATH.length) : null;
    const methods = path === null ? undefined : AUTH_HTTP_PATHS[path];
    if (!methods) return Response.json({ error: 'No such sign-in endpoint' }, { status: 404, headers: NO_STORE });
    if (!methods.includes(request.method as 'GET' | 'POST')) {
      return Response.json({ error: `Use ${methods.join(' or ')} for ${path}` }, { status: 405, headers: { ...NO_STORE, Allow: methods.join(', ') } });
    }
    let response: Response;
    try {
      response = await (await authFor(request)).handler(request);
    } catch (error) {
      console.error('[buurtradar] sign-in request failed', error);
      return Response.json({ error: 'Signing in is not possible right now; try again later' }, { status: 503, headers: NO_STORE });
    }
    const headers = new Headers(response.headers);
    headers.set('Cache-Control', 'no-store');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
