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
      return Response.json(
        { error: `Use ${methods.join(' or ')} for ${path}` },
        { status: 405, headers: { ...NO_STORE, Allow: methods.join(', ') } },
      );
    }
    let response: Response;
    try {
      response = await (await authFor(request)).handler(await asSeenByBrowser(request));
    } catch (error) {
      console.error('[buurtradar] sign-in request failed', error);
      return Response.json(
        { error: 'Signing in is not possible right now; try again later' },
        { status: 503, headers: NO_STORE },
      );
    }
    const headers = new Headers(response.headers);
    headers.set('Cache-Control', 'no-store');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/**
 * The request with the URL the browser used. Next.js hands route handlers a URL on its own
 * idea of the host (`localhost` when it listens on 127.0.0.1, say), and better-auth compares
 * a POST's Origin with the URL's origin to refuse cross-site requests: with the wrong host it
 * would refuse our own pages. The Host header (or X-Forwarded-Host behind a proxy) is what the
 * browser connected to, so a foreign page's Origin still differs from it.
 */
async function asSeenByBrowser(request: Request): Promise<Request> {
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  if (!host) return request;
  const https = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
  const url = new URL(request.url);
  const seen = new URL(`${url.pathname}${url.search}`, `${https ? 'https' : url.protocol.replace(':', '')}://${host}`);
  if (seen.href === url.href) return request;
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(seen, { method: request.method, headers: request.headers, body });
}
