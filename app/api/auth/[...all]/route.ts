import { getAuth, isHttpsRequest } from '@/app/_server/auth-instance';
import { createAuthRouteHandler } from '@/app/_server/auth-route';

export const dynamic = 'force-dynamic';

/** /api/auth/*: sign-in, sign-out and the current session (see app/_server/auth-route.ts). */
const handle = createAuthRouteHandler((request) => getAuth(isHttpsRequest(request.headers)));

export const GET = handle;
export const POST = handle;
